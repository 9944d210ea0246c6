package org.planmap.indicators;

import java.util.Map;
import org.planmap.features.FeatureDetailContributor;
import org.planmap.features.StoredFeature;
import org.springframework.stereotype.Component;

/** Adds {@code indicators} and {@code targets} to {@code GET /api/features/{id}} (see {@link IndicatorLinks}). */
@Component
class IndicatorFeatureDetail implements FeatureDetailContributor {

    private final IndicatorLinks links;

    IndicatorFeatureDetail(IndicatorLinks links) {
        this.links = links;
    }

    @Override
    public void contribute(StoredFeature feature, Map<String, Object> detail) {
        detail.put("indicators", links.indicatorsForFeature(feature.id()));
        detail.put("targets", links.targetsForFeature(feature.id()));
    }
}
