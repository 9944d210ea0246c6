package org.planmap.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads RFC 7946 GeoJSON with JTS geometries (WGS84 lon/lat, SRID 4326); {@link GeoJsonWriter} writes it. Reading is strict:
 * a feature without geometry, or with geometry JTS cannot parse, is an error that names the feature.
 */
public final class GeoJsonFeatures {
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    public record Parsed(String id, Map<String, Object> properties, Geometry geometry) { }

    private GeoJsonFeatures() { }

    /** Parses a FeatureCollection; {@code where} names the source in error messages. */
    public static List<Parsed> readCollection(JsonMapper json, String text, String where) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        if (!"FeatureCollection".equals(root.path("type").asString(""))) {
            throw new IllegalArgumentException(where + ": not a GeoJSON FeatureCollection");
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) throw new IllegalArgumentException(where + ": 'features' is not an array");
        List<Parsed> out = new ArrayList<>();
        int index = 0;
        for (JsonNode f : features) {
            String label = where + " feature #" + index++;
            JsonNode idNode = f.get("id");
            String id = idNode == null || idNode.isNull() ? null : idNode.asString();
            if (id != null) label = where + " feature '" + id + "'";
            JsonNode geometry = f.get("geometry");
            if (geometry == null || geometry.isNull()) throw new IllegalArgumentException(label + ": has no geometry");
            Map<String, Object> props = f.hasNonNull("properties")
                    ? json.convertValue(f.get("properties"), MAP) : new LinkedHashMap<>();
            out.add(new Parsed(id, props, readGeometry(geometry.toString(), label)));
        }
        return out;
    }

    public static Geometry readGeometry(String geometryJson, String label) {
        try {
            Geometry g = new GeoJsonReader(WGS84).read(geometryJson);
            g.setSRID(4326);
            return g;
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException(label + ": geometry cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
