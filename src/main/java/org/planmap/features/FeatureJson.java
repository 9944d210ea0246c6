package org.planmap.features;

import java.util.List;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.GeoJsonWriter;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored features as RFC 7946 GeoJSON, through {@link GeoJsonWriter} (the app's one GeoJSON writer). The stored
 * properties text is copied into the output as is, after the {@code collection} member: it is the database's own
 * JSON object, so parsing it into a map only to write it again would be the most expensive step of a page.
 */
@Component
public class FeatureJson {
    public static final int DECIMALS = GeoJsonWriter.DEGREE_DECIMALS;
    private final JsonMapper json;

    public FeatureJson(JsonMapper json) {
        this.json = json;
    }

    /**
     * Opens one Feature and writes type, id, geometry (through {@code transform}) and properties; the caller adds
     * foreign members (e.g. OGC links) and ends the object.
     */
    public void startFeature(JsonGenerator gen, StoredFeature f, UnaryOperator<Geometry> transform) {
        // a feature without geometry (an unmapped item of the progress collection) has "geometry": null (RFC 7946 §3.2)
        GeoJsonWriter.WGS84.startFeature(gen, f.id(), f.geometry() == null ? null : transform.apply(f.geometry()));
        gen.writeName("properties");
        gen.writeStartObject();
        gen.writeStringProperty("collection", f.collection());
        String props = f.propertiesJson().strip();
        int close = props.lastIndexOf('}');
        if (props.charAt(0) != '{' || close < 0) throw new IllegalStateException("Properties of " + f.id() + " are not a JSON object");
        if (!props.substring(1, close).isBlank()) {
            gen.writeRaw(',');
            gen.writeRaw(props, 1, close - 1);
        }
        gen.writeEndObject();
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
            writeFeatures(gen, features, UnaryOperator.identity());
            gen.writeEndArray();
            gen.writeEndObject();
        });
    }

    public static double[] bbox(Envelope e) {
        return new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }
}
