package org.planmap.editing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.planmap.features.StoredFeature;
import org.planmap.geo.GeoJsonFeatures;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A feature as one line of {@code geodata/<collection>.geojson}: {@code {"type":"Feature","id":…,"properties":{…},
 * "geometry":{…}}}, the shape versions are stored in and staff edits are exported in. Geometry is written with 7
 * decimals (about 1 cm), as the map's API writes it.
 */
final class FeatureDocuments {
    static final int DECIMALS = 7;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private FeatureDocuments() { }

    static String write(StoredFeature f) {
        StringBuilder out = new StringBuilder(512);
        out.append("{\"type\":\"Feature\",\"id\":").append(JSON.writeValueAsString(f.id()))
                .append(",\"properties\":").append(JSON.writeValueAsString(f.properties()))
                .append(",\"geometry\":").append(GeoJsonFeatures.writeGeometry(f.geometry(), DECIMALS)).append('}');
        return out.toString();
    }

    /** Reads a stored version back into a feature of {@code collection}. */
    static StoredFeature read(String collection, String text) {
        JsonNode node = JSON.readTree(text);
        Map<String, Object> props = JSON.convertValue(node.get("properties"), MAP);
        Geometry g = GeoJsonFeatures.readGeometry(node.get("geometry").toString(), "stored version of " + node.get("id").asString());
        return of(node.get("id").asString(), collection, props, g);
    }

    /** A feature whose indexed columns are taken from its properties, as the loader takes them from a file. */
    static StoredFeature of(String id, String collection, Map<String, Object> props, Geometry geometry) {
        geometry.setSRID(4326);
        Object column = props.get("column");
        return new StoredFeature(id, collection, string(props.get("name")), string(props.get("nameEn")),
                string(props.get("accuracy")), string(props.get("zone")), column instanceof Number n ? n.intValue() : null,
                props, geometry);
    }

    /** The GeoJSON document as a tree, for JSON answers. */
    static JsonNode tree(String text) {
        return text == null ? null : JSON.readTree(text);
    }

    /**
     * Whether two versions say the same: equal properties (in any order) and the same geometry to the stored
     * precision. Both null is the same; one null is not.
     */
    static boolean same(String a, String b) {
        if (a == null || b == null) return a == null && b == null;
        StoredFeature fa = read("x", a);
        StoredFeature fb = read("x", b);
        return fa.id().equals(fb.id()) && Objects.equals(normal(fa.properties()), normal(fb.properties()))
                && fa.geometry().equalsExact(fb.geometry(), 0.5e-7);
    }

    /** Properties through one JSON round trip, so 1 and 1.0 or list types never tell two equal versions apart. */
    private static Object normal(Map<String, Object> props) {
        return JSON.readTree(JSON.writeValueAsString(props));
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }
}
