package org.planmap.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.FeatureDetailContributor;
import org.springframework.stereotype.Component;

/**
 * Adds {@code progress} to {@code GET /api/features/{id}} of a project site: its catalogue item's current status
 * (未填报 when nobody recorded it) and the whole history, oldest first.
 */
@Component
class ProgressFeatureDetail implements FeatureDetailContributor {
    private final ProgressService progress;

    ProgressFeatureDetail(ProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void contribute(DataSnapshot data, StoredFeature feature, Map<String, Object> detail) {
        CatalogueItem item = data.catalogue().stream().filter(i -> feature.id().equals(i.featureId())).findFirst().orElse(null);
        if (item == null) return;
        List<ProgressRecord> history = progress.history(item.id());
        ProgressRecord current = null;
        for (ProgressRecord r : history) if (!r.effectiveDate().isAfter(progress.today())) current = r;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("itemId", item.id());
        ProgressBoard.putState(out, current);
        out.put("history", history.stream().map(ProgressBoard::record).toList());
        detail.put("progress", out);
    }
}
