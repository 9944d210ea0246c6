package org.planmap.features;

import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * What to read from one collection: an optional WGS84 bbox, equality filters on queryable properties
 * (keys are the public names of {@link FeatureRepository#QUERYABLE_COLUMNS}), and a page.
 */
public record FeatureQuery(String collection, Envelope bbox, Map<String, String> filters, int limit, long offset) {
    public FeatureQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }

    public static FeatureQuery all(String collection) {
        return new FeatureQuery(collection, null, Map.of(), Integer.MAX_VALUE, 0);
    }
}
