package org.planmap.features;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.GeoJsonWriter;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored features as RFC 7946 GeoJSON, through {@link GeoJsonWriter} (the app's one GeoJSON writer). The stored
 * properties text is copied into the output as is, after the {@code collection} member: it is the database's own
 * JSON object, so parsing it into a map only to write it again would be the most expensive step of a page.
 *
 * <p>Written as stored ({@link #AS_STORED}, lon/lat), a feature's geometry and properties are encoded once and kept
 * with the feature ({@link Fragments}): features are immutable and shared by every request that reads their
 * snapshot, so a page or a bbox query that no response cache holds yet copies UTF-8 bytes instead of formatting every
 * ordinate and re-encoding the Chinese text again (bench/README.md, "OGC API speed under load"). The bytes are the
 * ones the generator would write; other CRSs are transformed and written afresh.
 */
@Component
public class FeatureJson {
    public static final int DECIMALS = GeoJsonWriter.DEGREE_DECIMALS;
    /** The geometry as stored (WGS84 lon/lat): pass this, not another identity, to get the kept fragments. */
    public static final UnaryOperator<Geometry> AS_STORED = g -> g;

    /** One feature's encoded geometry (null when it has none) and its properties' members after a leading comma (null when none). */
    record Fragments(SerializedString geometry, SerializedString members) { }

    private final JsonMapper json;

    public FeatureJson(JsonMapper json) {
        this.json = json;
    }

    /**
     * Opens one Feature and writes type, id, geometry (through {@code transform}) and properties; the caller adds
     * foreign members (e.g. OGC links) and ends the object.
     */
    public void startFeature(JsonGenerator gen, StoredFeature f, UnaryOperator<Geometry> transform) {
        Fragments kept = fragments(f);
        if (transform == AS_STORED) {
            gen.writeStartObject();
            gen.writeStringProperty("type", "Feature");
            gen.writeStringProperty("id", f.id());
            gen.writeName("geometry");
            if (kept.geometry() == null) gen.writeNull(); else gen.writeRawValue(kept.geometry());
        } else {
            // a feature without geometry (an unmapped item of the progress collection) has "geometry": null (RFC 7946 §3.2)
            GeoJsonWriter.WGS84.startFeature(gen, f.id(), f.geometry() == null ? null : transform.apply(f.geometry()));
        }
        gen.writeName("properties");
        gen.writeStartObject();
        gen.writeStringProperty("collection", f.collection());
        if (kept.members() != null) gen.writeRaw(kept.members());
        gen.writeEndObject();
    }

    /** The feature's kept fragments, encoded now if this is the first time it is written. */
    private Fragments fragments(StoredFeature f) {
        Fragments kept = f.fragments();
        if (kept != null) return kept;
        String props = f.propertiesJson().strip();
        int close = props.lastIndexOf('}');
        if (props.isEmpty() || props.charAt(0) != '{' || close < 0) {
            throw new IllegalStateException("Properties of " + f.id() + " are not a JSON object");
        }
        String inner = props.substring(1, close);
        SerializedString geometry = null;
        if (f.geometry() != null) {
            byte[] encoded = GeoJsonWriter.bytes(json, 256, gen -> GeoJsonWriter.WGS84.geometry(gen, f.geometry()));
            geometry = new SerializedString(new String(encoded, StandardCharsets.UTF_8));
        }
        kept = new Fragments(geometry, inner.isBlank() ? null : new SerializedString("," + inner));
        f.fragments(kept);   // two threads may both encode it: equal values, the later one stays
        return kept;
    }

    /** Features written one after another into an open array. */
    public void writeFeatures(JsonGenerator gen, List<StoredFeature> features, UnaryOperator<Geometry> transform) {
        for (StoredFeature f : features) {
            startFeature(gen, f, transform);
            gen.writeEndObject();
        }
    }

    /** A plain FeatureCollection of {@code features}, WGS84, as UTF-8 bytes. */
    public byte[] collection(List<StoredFeature> features) {
        return GeoJsonWriter.bytes(json, features.size() * 600 + 64, gen -> {
            GeoJsonWriter.startCollection(gen);
            gen.writeName("features");
            gen.writeStartArray();
            writeFeatures(gen, features, AS_STORED);
            gen.writeEndArray();
            gen.writeEndObject();
        });
    }

    public static double[] bbox(Envelope e) {
        return new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }
}
