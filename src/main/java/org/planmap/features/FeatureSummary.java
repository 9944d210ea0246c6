package org.planmap.features;

/**
 * A feature as lists and links show it: enough to name it, say how accurate it is and frame it on the map.
 * Responses that list features wrap it with what ties the feature to them ({@code @JsonUnwrapped}, so the JSON
 * stays flat: {@code {id, name, nameEn, collection, accuracy, bbox, link}}).
 *
 * @param bbox [west, south, east, north] in WGS84
 */
public record FeatureSummary(String id, String name, String nameEn, String collection, String accuracy, double[] bbox) {

    public static FeatureSummary of(StoredFeature f) {
        return new FeatureSummary(f.id(), f.name(), f.nameEn(), f.collection(), f.accuracy(), FeatureJson.bbox(f.envelope()));
    }
}
