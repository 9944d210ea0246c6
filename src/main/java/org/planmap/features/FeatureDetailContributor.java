package org.planmap.features;

import java.util.Map;

/**
 * Adds members to a feature's detail ({@code GET /api/features/{id}}) from another part of the app, e.g. the
 * indicators and the targets tied to the feature, without the features package depending on it.
 */
public interface FeatureDetailContributor {
    void contribute(StoredFeature feature, Map<String, Object> detail);
}
