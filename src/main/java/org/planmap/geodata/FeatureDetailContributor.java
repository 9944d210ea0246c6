package org.planmap.geodata;

import java.util.Map;
import org.planmap.features.StoredFeature;

/**
 * Adds members to a feature's detail ({@code GET /api/features/{id}}) from a package above this one, e.g. the
 * indicators and the targets tied to the feature, without this package depending on it.
 */
public interface FeatureDetailContributor {
    /** {@code data}: the snapshot the request reads. */
    void contribute(DataSnapshot data, StoredFeature feature, Map<String, Object> detail);
}
