package org.planmap.overlay;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.planmap.geo.Crs;
import org.planmap.geo.GeoJsonFeatures;
import org.planmap.system.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads GeoJSON (RFC 7946) with Jackson's streaming parser: a FeatureCollection, a single Feature or a bare
 * geometry, token by token, so a feature or vertex over the {@link ReadBudget} stops the read at once and the
 * file is never held as a tree. The legacy (2008) {@code crs} member is honoured when it names a CRS planmap
 * knows, since desktop GIS still writes it for CGCS2000 and Gauss–Krüger data; coordinates are always read
 * x = easting/longitude. Members may come in any order (RFC 7946 §3 does not fix one): coordinates met before
 * the {@code type} are kept as plain numbers until the type is known. Nesting deeper than
 * {@code max-nesting-depth} is refused by the parser itself.
 */
final class GeoJsonUpload {
    private static final GeometryFactory GF = GeoJsonFeatures.WGS84;
    private final JsonMapper json;
    private final int maxDepth;

    GeoJsonUpload(int maxDepth) {
        this.maxDepth = maxDepth;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build()).build();
        this.json = JsonMapper.builder(factory).build();
    }

    JsonParser parser(InputStream in) {
        return json.createParser(in);
    }

    /** A whole GeoJSON file. */
    Upload read(InputStream in, ReadBudget budget) {
        try (JsonParser p = parser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw UploadProblem.bad("The file is JSON but not GeoJSON: expected an object with a \"type\".");
            }
            return readObject(p, budget, "geojson");
        } catch (RuntimeException e) {
            throw translate(e, budget);
        }
    }

    /** Turns the parser's own failures into the planner's answers (depth limit, not JSON at all). */
    ApiException translate(RuntimeException e, ReadBudget budget) {
        if (e instanceof ApiException api) return api;
        if (e instanceof StreamConstraintsException c) {
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("depth")) return budget.tooDeep();
            return UploadProblem.bad("The file has a number, name or text longer than JSON readers accept ("
                    + WktUpload.reason(c) + ").");
        }
        if (e instanceof JacksonException j) {
            String where = j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr() + ")";
            return UploadProblem.bad("The file is not valid JSON" + where + ". It may be truncated or not GeoJSON at all.");
        }
        throw e;
    }

    /** The GeoJSON object whose START_OBJECT the parser is on (a file's root, or the "geometry" of a JSON request). */
    Upload readObject(JsonParser p, ReadBudget budget, String format) {
        String type = null;
        Crs crs = null;
        String crsSource = null;
        List<UploadedFeature> features = null;
        GeometryParts geometry = new GeometryParts();
        Feature single = new Feature();
        boolean started = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? p.getString() : "";
                case "crs" -> {
                    JsonNode node = p.readValueAsTree();
                    if (node != null && !node.isNull()) {
                        String crsName = node.path("properties").path("name").asString("");
                        crs = crsFromName(crsName).orElseThrow(() -> UploadProblem.crs("The GeoJSON \"crs\" member names '" + crsName
                                + "', a coordinate system planmap does not support. Use WGS84, CGCS2000 (EPSG:4490) or a CGCS2000 "
                                + "Gauss–Krüger zone (EPSG:4523–4525, 4544–4546), or choose the CRS in the form.", crsName));
                        crsSource = "GeoJSON crs member";
                    }
                }
                case "features" -> {
                    if (value != JsonToken.START_ARRAY) throw UploadProblem.bad("The GeoJSON FeatureCollection has no \"features\" array.");
                    features = readFeatures(p, budget);
                }
                case "geometry", "properties", "coordinates", "geometries" -> {
                    if (!started) {
                        budget.feature();
                        started = true;
                    }
                    switch (name) {
                        case "geometry" -> single.member(p, value, budget, this, "Feature 1");
                        case "properties" -> single.properties = properties(p, value);
                        case "coordinates" -> geometry.coordinates = coordinates(p, value, budget, "The geometry");
                        default -> geometry.geometries = geometries(p, value, budget, 1, "The geometry");
                    }
                }
                default -> p.skipChildren();
            }
        }
        String t = type == null ? "" : type;
        List<UploadedFeature> out = new ArrayList<>();
        switch (t) {
            case "FeatureCollection" -> {
                if (features == null) throw UploadProblem.bad("The GeoJSON FeatureCollection has no \"features\" array.");
                out.addAll(features);
            }
            case "Feature" -> out.add(single.build("Feature 1"));
            case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection" ->
                    out.add(new UploadedFeature("Feature 1", new LinkedHashMap<>(), geometry.build(t, "The geometry")));
            default -> throw UploadProblem.bad("The file is JSON but not GeoJSON: \"type\" is '" + t
                    + "', expected FeatureCollection, Feature or a geometry type.");
        }
        if (out.isEmpty()) throw UploadProblem.bad("The GeoJSON FeatureCollection contains no features.");
        return new Upload(format, out, crs, crsSource, new ArrayList<>());
    }

    static Optional<Crs> crsFromName(String name) {
        String n = name.trim();
        if (n.endsWith("CRS84")) return Optional.of(Crs.CRS84);
        int colon = n.lastIndexOf(':');
        return Crs.find(colon >= 0 ? n.substring(colon + 1) : n);
    }

    private List<UploadedFeature> readFeatures(JsonParser p, ReadBudget budget) {
        List<UploadedFeature> out = new ArrayList<>();
        int index = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            String label = "Feature " + ++index;
            if (t != JsonToken.START_OBJECT) throw UploadProblem.bad(label + " is not a GeoJSON Feature object.");
            budget.feature();
            Feature f = new Feature();
            String type = "";
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> type = value == JsonToken.VALUE_STRING ? p.getString() : "";
                    case "geometry" -> f.member(p, value, budget, this, label);
                    case "properties" -> f.properties = properties(p, value);
                    default -> p.skipChildren();
                }
            }
            if (!"Feature".equals(type)) throw UploadProblem.bad(label + " is not a GeoJSON Feature object.");
            out.add(f.build(label));
        }
        return out;
    }

    /** A Feature's members as they arrive. */
    private static final class Feature {
        boolean hasGeometry;
        Geometry geometry;
        Map<String, Object> properties = new LinkedHashMap<>();

        void member(JsonParser p, JsonToken value, ReadBudget budget, GeoJsonUpload reader, String label) {
            hasGeometry = value != JsonToken.VALUE_NULL;
            if (!hasGeometry) return;
            if (value != JsonToken.START_OBJECT) throw cannotRead(label);
            geometry = reader.geometryObject(p, budget, 1, label);
        }

        UploadedFeature build(String label) {
            if (!hasGeometry) throw UploadProblem.bad(label + " has no geometry (\"geometry\": null).");
            String name = UploadNames.nameOf(properties, label);
            return new UploadedFeature(name, properties, geometry);
        }
    }

    private static Map<String, Object> properties(JsonParser p, JsonToken value) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return props;
        }
        JsonNode node = p.readValueAsTree();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            props.put(e.getKey(), v.isNull() ? null : v.isValueNode()
                    ? (v.isNumber() ? v.numberValue() : v.isBoolean() ? v.asBoolean() : v.asString()) : v.toString());
        }
        return props;
    }

    /** A geometry object's members, built once its type is known. */
    private static final class GeometryParts {
        Object coordinates;
        List<Geometry> geometries;

        Geometry build(String type, String label) {
            try {
                return switch (type) {
                    case "Point" -> GF.createPoint(position(coordinates));
                    case "MultiPoint" -> GF.createMultiPoint(list(coordinates).stream().map(c -> GF.createPoint(position(c)))
                            .toArray(Point[]::new));
                    case "LineString" -> GF.createLineString(positions(coordinates));
                    case "MultiLineString" -> GF.createMultiLineString(list(coordinates).stream()
                            .map(c -> GF.createLineString(positions(c))).toArray(LineString[]::new));
                    case "Polygon" -> polygon(coordinates);
                    case "MultiPolygon" -> GF.createMultiPolygon(list(coordinates).stream().map(GeometryParts::polygon)
                            .toArray(Polygon[]::new));
                    case "GeometryCollection" -> {
                        if (geometries == null) throw new IllegalArgumentException("no geometries");
                        yield GF.createGeometryCollection(geometries.toArray(Geometry[]::new));
                    }
                    default -> throw UploadProblem.bad(label + ": '" + type + "' is not a GeoJSON geometry type.");
                };
            } catch (ApiException e) {
                throw e;
            } catch (RuntimeException e) {
                throw cannotRead(label);
            }
        }

        private static Polygon polygon(Object rings) {
            List<Object> list = list(rings);
            if (list.isEmpty()) return GF.createPolygon();
            LinearRing shell = GF.createLinearRing(positions(list.get(0)));
            LinearRing[] holes = list.subList(1, list.size()).stream().map(r -> GF.createLinearRing(positions(r)))
                    .toArray(LinearRing[]::new);
            return GF.createPolygon(shell, holes);
        }

        private static Coordinate[] positions(Object o) {
            return list(o).stream().map(GeometryParts::position).toArray(Coordinate[]::new);
        }

        @SuppressWarnings("unchecked")
        private static List<Object> list(Object o) {
            if (o instanceof List<?> l) return (List<Object>) l;
            throw new IllegalArgumentException("expected an array of positions");
        }

        private static Coordinate position(Object o) {
            if (o instanceof Coordinate c) return c;
            throw new IllegalArgumentException("expected a position");
        }
    }

    private Geometry geometryObject(JsonParser p, ReadBudget budget, int depth, String label) {
        budget.depth(depth);
        String type = "";
        GeometryParts parts = new GeometryParts();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? p.getString() : "";
                case "coordinates" -> parts.coordinates = coordinates(p, value, budget, label);
                case "geometries" -> parts.geometries = geometries(p, value, budget, depth + 1, label);
                default -> p.skipChildren();
            }
        }
        return parts.build(type, label);
    }

    private List<Geometry> geometries(JsonParser p, JsonToken value, ReadBudget budget, int depth, String label) {
        if (value != JsonToken.START_ARRAY) throw cannotRead(label);
        budget.depth(depth);
        List<Geometry> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) throw cannotRead(label);
            out.add(geometryObject(p, budget, depth, label));
        }
        return out;
    }

    /** Nested arrays of positions: a {@link Coordinate} for a position, a list for an array of arrays. */
    private static Object coordinates(JsonParser p, JsonToken value, ReadBudget budget, String label) {
        if (value != JsonToken.START_ARRAY) throw cannotRead(label);
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            double x = p.getDoubleValue();
            if (!isNumber(p.nextToken())) throw cannotRead(label);
            double y = p.getDoubleValue();
            for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (!isNumber(t)) throw cannotRead(label); // z and m are allowed, and dropped
            }
            if (!Double.isFinite(x) || !Double.isFinite(y)) throw cannotRead(label);
            budget.vertex();
            return new Coordinate(x, y);
        }
        List<Object> out = new ArrayList<>();
        for (; t != JsonToken.END_ARRAY; t = p.nextToken()) out.add(coordinates(p, t, budget, label));
        return out;
    }

    private static boolean isNumber(JsonToken t) {
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }

    private static ApiException cannotRead(String label) {
        return UploadProblem.bad(label + ": the geometry cannot be read. Coordinates must be arrays of numbers "
                + "[x, y] nested as the geometry type requires.");
    }
}
