package org.planmap.overlay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.planmap.geo.Crs;
import org.planmap.geo.GeoJsonFeatures;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads GeoJSON (RFC 7946) uploads: a FeatureCollection, a single Feature or a bare geometry. The legacy
 * (2008) {@code crs} member is honoured when it names a CRS planmap knows, since desktop GIS still writes it for
 * CGCS2000 and Gauss–Krüger data; coordinates are always read x = easting/longitude. Nesting depth is capped
 * while parsing (zip-bomb-like "[[[[…" bodies never reach the geometry reader).
 */
final class GeoJsonUpload {
    private final JsonMapper json;
    private final int maxDepth;

    GeoJsonUpload(int maxDepth) {
        this.maxDepth = maxDepth;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build()).build();
        this.json = JsonMapper.builder(factory).build();
    }

    Upload read(String text) {
        JsonNode root = parse(text);
        return read(root);
    }

    JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (StreamConstraintsException e) {
            throw UploadProblem.limit("The JSON is nested too deeply", "max-json-depth", maxDepth);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw UploadProblem.bad("The file is not valid JSON" + where + ". It may be truncated or not GeoJSON at all.");
        }
    }

    Upload read(JsonNode root) {
        if (root == null || !root.isObject()) throw UploadProblem.bad("The file is JSON but not GeoJSON: expected an object with a \"type\".");
        List<String> notes = new ArrayList<>();
        Crs crs = null;
        String crsSource = null;
        JsonNode crsNode = root.get("crs");
        if (crsNode != null && !crsNode.isNull()) {
            String name = crsNode.path("properties").path("name").asString("");
            crs = crsFromName(name).orElseThrow(() -> UploadProblem.crs("The GeoJSON \"crs\" member names '" + name
                    + "', a coordinate system planmap does not support. Use WGS84, CGCS2000 (EPSG:4490) or a CGCS2000 "
                    + "Gauss–Krüger zone (EPSG:4523–4525, 4544–4546), or choose the CRS in the form.", name));
            crsSource = "GeoJSON crs member";
        }
        String type = root.path("type").asString("");
        List<UploadedFeature> features = new ArrayList<>();
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode array = root.get("features");
                if (array == null || !array.isArray()) throw UploadProblem.bad("The GeoJSON FeatureCollection has no \"features\" array.");
                int i = 0;
                for (JsonNode f : array) features.add(feature(f, ++i));
            }
            case "Feature" -> features.add(feature(root, 1));
            case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection" ->
                    features.add(new UploadedFeature("Feature 1", new LinkedHashMap<>(), geometry(root, "The geometry")));
            default -> throw UploadProblem.bad("The file is JSON but not GeoJSON: \"type\" is '" + type
                    + "', expected FeatureCollection, Feature or a geometry type.");
        }
        if (features.isEmpty()) throw UploadProblem.bad("The GeoJSON FeatureCollection contains no features.");
        return new Upload("geojson", features, crs, crsSource, notes);
    }

    static java.util.Optional<Crs> crsFromName(String name) {
        String n = name.trim();
        if (n.endsWith("CRS84")) return java.util.Optional.of(Crs.CRS84);
        int colon = n.lastIndexOf(':');
        return Crs.find(colon >= 0 ? n.substring(colon + 1) : n);
    }

    private UploadedFeature feature(JsonNode f, int index) {
        String label = "Feature " + index;
        if (!f.isObject() || !"Feature".equals(f.path("type").asString(""))) {
            throw UploadProblem.bad(label + " is not a GeoJSON Feature object.");
        }
        JsonNode g = f.get("geometry");
        if (g == null || g.isNull()) throw UploadProblem.bad(label + " has no geometry (\"geometry\": null).");
        Map<String, Object> props = new LinkedHashMap<>();
        JsonNode p = f.get("properties");
        if (p != null && p.isObject()) {
            for (Map.Entry<String, JsonNode> e : p.properties()) {
                JsonNode v = e.getValue();
                props.put(e.getKey(), v.isNull() ? null : v.isValueNode() ? (v.isNumber() ? v.numberValue() : v.isBoolean() ? v.asBoolean() : v.asString()) : v.toString());
            }
        }
        String name = UploadNames.nameOf(props, label);
        return new UploadedFeature(name, props, geometry(g, label + " (" + name + ")"));
    }

    private static Geometry geometry(JsonNode g, String label) {
        try {
            return new GeoJsonReader(GeoJsonFeatures.WGS84).read(g.toString());
        } catch (ParseException | RuntimeException e) {
            throw UploadProblem.bad(label + ": the geometry cannot be read. Coordinates must be arrays of numbers "
                    + "[x, y] nested as the geometry type requires.");
        }
    }
}
