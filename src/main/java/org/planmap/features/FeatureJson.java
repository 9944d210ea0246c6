package org.planmap.features;

import java.util.List;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.GeoJsonGeometryWriter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes stored features as RFC 7946 GeoJSON text. Geometry is written by JTS straight into the output
 * (no intermediate tree), properties by Jackson; an optional transform maps geometry to another CRS.
 */
@Component
public class FeatureJson {
    public static final int DECIMALS = 7;
    private final JsonMapper json;
    private final GeoJsonGeometryWriter geometryWriter = new GeoJsonGeometryWriter(DECIMALS);

    public FeatureJson(JsonMapper json) {
        this.json = json;
    }

    public String feature(StoredFeature f) {
        StringBuilder out = new StringBuilder(512);
        appendFeature(out, f, UnaryOperator.identity(), List.of());
        return out.toString();
    }

    /**
     * Appends one Feature. {@code extraMembers} are already-encoded {@code "name":value} pairs added at the
     * top level of the feature (e.g. OGC links).
     */
    public void appendFeature(StringBuilder out, StoredFeature f, UnaryOperator<Geometry> transform, List<String> extraMembers) {
        out.append("{\"type\":\"Feature\",\"id\":").append(json.writeValueAsString(f.id())).append(",\"geometry\":");
        // a feature without geometry (an unmapped item of the progress collection) has "geometry": null (RFC 7946 §3.2)
        if (f.geometry() == null) out.append("null");
        else geometryWriter.append(out, transform.apply(f.geometry()));
        // the stored properties text goes through as is, with the collection id put in front
        String props = f.propertiesJson().strip();
        out.append(",\"properties\":{\"collection\":").append(json.writeValueAsString(f.collection()));
        if (props.length() > 2) out.append(',').append(props, 1, props.length());
        else out.append('}');
        for (String member : extraMembers) out.append(',').append(member);
        out.append('}');
    }

    public String collection(List<StoredFeature> features) {
        StringBuilder out = new StringBuilder(features.size() * 400 + 64);
        out.append("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < features.size(); i++) {
            if (i > 0) out.append(',');
            appendFeature(out, features.get(i), UnaryOperator.identity(), List.of());
        }
        return out.append("]}").toString();
    }

    public static double[] bbox(Envelope e) {
        return new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }
}
