package org.planmap.features;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * What to read from one collection: optional WGS84 boxes (a feature matches when it intersects any of them; a box
 * across the antimeridian arrives as its two halves), equality filters on queryable properties (keys are the
 * public names of {@link FeatureSelection#QUERYABLES}), and a page.
 */
public record FeatureQuery(String collection, List<Envelope> boxes, Map<String, String> filters, int limit, long offset) {
    public FeatureQuery {
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }

    /** One box, or none when {@code bbox} is null. */
    public FeatureQuery(String collection, Envelope bbox, Map<String, String> filters, int limit, long offset) {
        this(collection, bbox == null ? List.of() : List.of(bbox), filters, limit, offset);
    }

    public static FeatureQuery all(String collection) {
        return new FeatureQuery(collection, List.of(), Map.of(), Integer.MAX_VALUE, 0);
    }
}
