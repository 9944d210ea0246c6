package org.planmap.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.PlanNodeContributor;
import org.planmap.geodata.PlanRef;
import org.springframework.stereotype.Component;

/**
 * Adds {@code progress} to {@code GET /api/plan/{id}}: the current status of every catalogue item the node names —
 * the items of the columns in its subtree, and the items whose project sites its text refers to — with the counts,
 * so the reader shows the plan beside what is being built. Nodes that name no project get nothing.
 */
@Component
class ProgressPlanNodeDetail implements PlanNodeContributor {
    private final ProgressService progress;

    ProgressPlanNodeDetail(ProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void contribute(DataSnapshot data, String nodeId, List<String> subtreeIds, Map<String, Object> detail) {
        Set<String> itemIds = new LinkedHashSet<>();
        Map<String, CatalogueItem> byFeature = new LinkedHashMap<>();
        for (CatalogueItem i : data.catalogue()) if (i.featureId() != null) byFeature.put(i.featureId(), i);
        for (String id : subtreeIds) {
            if (id.matches("col-\\d+")) data.catalogue(Integer.parseInt(id.substring(4))).forEach(i -> itemIds.add(i.id()));
            for (PlanRef r : data.references().forNode(id)) {
                CatalogueItem i = byFeature.get(r.featureId());
                if (i != null) itemIds.add(i.id());
            }
        }
        if (itemIds.isEmpty()) return;
        Map<String, ProgressRecord> state = progress.asOf(progress.today());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProgressStatus s : ProgressStatus.values()) counts.put(s.code(), 0);
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, CatalogueItem> byId = new LinkedHashMap<>();
        data.catalogue().forEach(i -> byId.put(i.id(), i));
        for (String id : itemIds) {
            CatalogueItem i = byId.get(id);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", i.name());
            m.put("nameEn", i.nameEn());
            m.put("featureId", i.featureId());
            ProgressRecord r = state.get(id);
            ProgressStatus s = r == null ? ProgressStatus.NOT_RECORDED : r.status();
            m.put("status", s.code());
            m.put("label", Map.of("zh", s.zh(), "en", s.en()));
            m.put("since", r == null ? null : r.effectiveDate().toString());
            counts.merge(s.code(), 1, Integer::sum);
            items.add(m);
        }
        counts.put("total", items.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", progress.today().toString());
        out.put("counts", counts);
        out.put("statuses", ProgressBoard.statuses());
        out.put("items", items);
        detail.put("progress", out);
    }
}
