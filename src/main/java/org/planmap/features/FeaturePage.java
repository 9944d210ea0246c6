package org.planmap.features;

import java.util.List;

/** One page of features and how many matched the query in total. */
public record FeaturePage(List<StoredFeature> features, long numberMatched) {
}
