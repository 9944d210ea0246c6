package org.planmap.indicators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.PlanNodeContributor;
import org.planmap.plan.IndicatorRow;
import org.springframework.stereotype.Component;

/**
 * Adds to a plan node the indicators its text cites (found by {@link IndicatorCatalog}'s keywords) and the
 * quantified targets written in it, for the node and the nodes below it.
 */
@Component
class IndicatorPlanNodeDetail implements PlanNodeContributor {
    private final Indicators indicators;

    IndicatorPlanNodeDetail(Indicators indicators) {
        this.indicators = indicators;
    }

    @Override
    public void contribute(DataSnapshot data, String nodeId, List<String> subtreeIds, Map<String, Object> detail) {
        IndicatorLinks links = indicators.links(data);
        IndicatorCatalog catalog = links.catalog();
        Set<String> ids = new HashSet<>(subtreeIds);
        List<Map<String, Object>> cited = new ArrayList<>();
        for (IndicatorRow row : catalog.rows()) {
            catalog.sections(row.id()).stream().filter(s -> ids.contains(s.id())).findFirst().ifPresent(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", row.id());
                m.put("table", row.table());
                m.put("name", row.name());
                m.put("unit", row.unit());
                m.put("target", row.target() == null ? null : row.target().text());
                m.put("result", row.result() == null ? null : row.result().text());
                if (row.result() != null) m.put("outcome", catalog.comparison(row).outcome());
                m.put("keyword", s.keyword());
                m.put("sentence", s.sentence());
                cited.add(m);
            });
        }
        detail.put("indicators", cited);
        // targets(id, …) already takes in the nodes below id
        detail.put("targets", links.targets(nodeId, null));
    }
}
