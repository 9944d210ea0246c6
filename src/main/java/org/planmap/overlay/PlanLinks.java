package org.planmap.overlay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.StoredFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the plan says about features: rows of {@code feature_plan_ref} (filled by the plan loader) with the
 * title of the section from {@code plan_node}. Empty when the plan has not been loaded.
 */
@Repository
class PlanLinks {
    private static final Logger log = LoggerFactory.getLogger(PlanLinks.class);
    private final JdbcTemplate jdbc;

    PlanLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Plan references per feature id (a key of {@code features}), declared references first, at most {@code perFeature} each. */
    Map<String, List<OverlayReport.PlanRef>> refs(Map<String, StoredFeature> features, int perFeature) {
        Collection<String> featureIds = features.keySet();
        Map<String, List<OverlayReport.PlanRef>> out = new LinkedHashMap<>();
        if (featureIds.isEmpty()) return out;
        String marks = String.join(",", Collections.nCopies(featureIds.size(), "?"));
        try {
            jdbc.query("SELECT r.feature_id, r.node_id, n.title, r.paragraph_id, r.kind, r.sentence FROM feature_plan_ref r "
                    + "LEFT JOIN plan_node n ON n.id = r.node_id WHERE r.feature_id IN (" + marks + ") "
                    + "ORDER BY r.feature_id, CASE WHEN r.kind = 'declared' THEN 0 ELSE 1 END, r.node_id, r.paragraph_id", rs -> {
                        String id = rs.getString(1);
                        List<OverlayReport.PlanRef> list = out.computeIfAbsent(id, k -> new ArrayList<>());
                        if (list.size() < perFeature) {
                            StoredFeature f = features.get(id);
                            list.add(new OverlayReport.PlanRef(id, f.name(), f.nameEn(), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6)));
                        }
                    }, featureIds.toArray());
        } catch (DataAccessException e) {
            log.warn("Plan references unavailable: {}", e.getMessage());
        }
        return out;
    }
}
