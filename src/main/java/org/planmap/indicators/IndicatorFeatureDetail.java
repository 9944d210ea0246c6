package org.planmap.indicators;

import java.util.Map;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.FeatureDetailContributor;
import org.springframework.stereotype.Component;

/** Adds {@code indicators} and {@code targets} to {@code GET /api/features/{id}} (see {@link IndicatorLinks}). */
@Component
class IndicatorFeatureDetail implements FeatureDetailContributor {

    private final Indicators indicators;

    IndicatorFeatureDetail(Indicators indicators) {
        this.indicators = indicators;
    }

    @Override
    public void contribute(DataSnapshot data, StoredFeature feature, Map<String, Object> detail) {
        IndicatorLinks links = indicators.links(data);
        detail.put("indicators", links.indicatorsForFeature(feature.id()));
        detail.put("targets", links.targetsForFeature(feature.id()));
    }
}
