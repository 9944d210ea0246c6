package org.planmap.features;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Links between features and the plan text, both ways. {@code declared} links come from a feature's
 * {@code planRefs}; {@code mention} links are where a paragraph names the feature (found at load time).
 */
@Repository
public class PlanRefRepository {
    private final JdbcTemplate jdbc;

    public PlanRefRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record PlanRef(String featureId, String nodeId, String nodeTitle, String nodeKind, String paragraphId,
                          String kind, Integer start, Integer end, String matchedName, String sentence) { }

    private static final String SELECT = "SELECT r.feature_id, r.node_id, n.title, n.kind, r.paragraph_id, r.kind, "
            + "r.match_start, r.match_end, r.matched_name, r.sentence FROM feature_plan_ref r "
            + "LEFT JOIN plan_node n ON n.id = r.node_id ";

    public void replaceAll(List<PlanRef> refs) {
        jdbc.update("DELETE FROM feature_plan_ref");
        jdbc.batchUpdate("INSERT INTO feature_plan_ref (feature_id, node_id, paragraph_id, kind, match_start, match_end, "
                        + "matched_name, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                refs.stream().map(r -> new Object[] {r.featureId(), r.nodeId(), r.paragraphId(), r.kind(), r.start(), r.end(),
                        r.matchedName(), r.sentence()}).toList());
    }

    /** What the plan says about a feature: declared references first, then mentions in reading order. */
    public List<PlanRef> forFeature(String featureId) {
        return jdbc.query(SELECT + "LEFT JOIN plan_paragraph p ON p.id = r.paragraph_id WHERE r.feature_id = ? "
                + "ORDER BY CASE WHEN r.kind = 'declared' THEN 0 ELSE 1 END, n.seq, p.seq, r.match_start", this::row, featureId);
    }

    /** Every link into one node (a section, a column …). */
    public List<PlanRef> forNode(String nodeId) {
        return jdbc.query(SELECT + "WHERE r.node_id = ? ORDER BY r.paragraph_id, r.match_start", this::row, nodeId);
    }

    /** Mentions inside the given paragraphs, for link offsets in the reader. */
    public List<PlanRef> mentionsInNode(String nodeId) {
        return jdbc.query(SELECT + "WHERE r.node_id = ? AND r.kind = 'mention' ORDER BY r.paragraph_id, r.match_start",
                this::row, nodeId);
    }

    private PlanRef row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Object start = rs.getObject(7);
        Object end = rs.getObject(8);
        return new PlanRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                start == null ? null : ((Number) start).intValue(), end == null ? null : ((Number) end).intValue(),
                rs.getString(9), rs.getString(10));
    }
}
