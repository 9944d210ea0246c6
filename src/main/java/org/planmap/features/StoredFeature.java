package org.planmap.features;

import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A feature as the store holds it: indexed columns plus the full property map of the source file. Geometry
 * is WGS84 lon/lat (SRID 4326).
 *
 * <p>Properties are kept as the JSON text the database returned and parsed only when someone asks for the
 * map: the hot path (writing GeoJSON pages) copies the text straight through.
 */
public final class StoredFeature {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<java.util.LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private final String id;
    private final String collection;
    private final String name;
    private final String nameEn;
    private final String accuracy;
    private final String zone;
    private final Integer column;
    private final Geometry geometry;
    // Each is derived from the other on first use. Features are shared by every request reading a snapshot, so these
    // are volatile rather than guarded by a lock: two threads may both derive one, and they derive equal values.
    private volatile String propertiesJson;
    private volatile Map<String, Object> properties;
    /** This feature as GeoJSON, encoded by {@link FeatureJson} the first time it is written; null until then. */
    private volatile FeatureJson.Fragments fragments;

    public StoredFeature(String id, String collection, String name, String nameEn, String accuracy, String zone,
                         Integer column, Map<String, Object> properties, Geometry geometry) {
        this(id, collection, name, nameEn, accuracy, zone, column, geometry);
        this.properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Objects.requireNonNull(properties)));
    }

    /** A feature whose properties are still JSON text (as read from the store). */
    static StoredFeature fromJson(String id, String collection, String name, String nameEn, String accuracy, String zone,
                                  Integer column, String propertiesJson, Geometry geometry) {
        StoredFeature f = new StoredFeature(id, collection, name, nameEn, accuracy, zone, column, geometry);
        f.propertiesJson = Objects.requireNonNull(propertiesJson);
        return f;
    }

    private StoredFeature(String id, String collection, String name, String nameEn, String accuracy, String zone,
                          Integer column, Geometry geometry) {
        this.id = id;
        this.collection = collection;
        this.name = name;
        this.nameEn = nameEn;
        this.accuracy = accuracy;
        this.zone = zone;
        this.column = column;
        this.geometry = geometry;
    }

    public String id() { return id; }
    public String collection() { return collection; }
    public String name() { return name; }
    public String nameEn() { return nameEn; }
    public String accuracy() { return accuracy; }
    public String zone() { return zone; }
    public Integer column() { return column; }
    public Geometry geometry() { return geometry; }

    /** The source file's properties, in their order; read-only. */
    public Map<String, Object> properties() {
        Map<String, Object> p = properties;
        if (p == null) properties = p = java.util.Collections.unmodifiableMap(JSON.readValue(propertiesJson, MAP));
        return p;
    }

    /** The properties as a JSON object text. */
    public String propertiesJson() {
        String text = propertiesJson;
        if (text == null) propertiesJson = text = JSON.writeValueAsString(properties);
        return text;
    }

    FeatureJson.Fragments fragments() {
        return fragments;
    }

    void fragments(FeatureJson.Fragments encoded) {
        fragments = encoded;
    }

    public Envelope envelope() {
        return geometry.getEnvelopeInternal();
    }

    @Override
    public String toString() {
        return "StoredFeature[" + collection + "/" + id + "]";
    }
}
