package org.planmap.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan document in the database: nodes (parts … figures, plus glossary notes as {@code NOTE} nodes),
 * paragraphs and indicator rows. Shared SQL on PostGIS and H2GIS. Kind-specific detail (a column's groups,
 * a table's headers and note, a note's text) is kept as JSON in {@code body}.
 */
@Repository
public class PlanRepository {
    /** Paragraphs before the first part are stored under this node id. */
    public static final String PREAMBLE = "preamble";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final org.springframework.jdbc.core.RowMapper<NodeRow> nodeMapper = this::node;

    public PlanRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record NodeRow(String id, String kind, String parentId, int seq, String number, String title, Map<String, Object> body) { }

    public record ParagraphRow(String id, String nodeId, int seq, String text) { }

    /** Our English titles ({@code geodata/plan/titles-en.csv}, {@code id,titleEn}); every id must be in the plan. */
    public static Map<String, String> readTitlesEn(PlanDocument doc, String csv) {
        Map<String, String> out = new LinkedHashMap<>();
        List<List<String>> rows = org.planmap.system.Csv.parse(csv);
        if (rows.isEmpty() || !rows.get(0).equals(List.of("id", "titleEn"))) throw new IllegalArgumentException("header must be id,titleEn");
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() != 2 || r.get(1).isBlank()) throw new IllegalArgumentException("row " + r + " needs an id and a title");
            if (doc.node(r.get(0)).isEmpty()) throw new IllegalArgumentException("id '" + r.get(0) + "' is not in the plan");
            out.put(r.get(0), r.get(1));
        }
        return out;
    }

    /** Replaces the whole document; call inside the loader's transaction. */
    public void replace(PlanDocument doc, Map<String, String> titlesEn) {
        jdbc.update("DELETE FROM plan_paragraph");
        jdbc.update("DELETE FROM plan_node");
        jdbc.update("DELETE FROM indicator");
        List<Object[]> nodes = new ArrayList<>();
        List<Object[]> paragraphs = new ArrayList<>();
        int[] seq = {0};
        nodes.add(new Object[] {PREAMBLE, "PREAMBLE", null, seq[0]++, null, doc.title(), json.writeValueAsString(Map.of())});
        addParagraphs(paragraphs, PREAMBLE, doc.preamble());
        for (PlanNode part : doc.parts()) addNode(doc, titlesEn, part, null, nodes, paragraphs, seq);
        for (GlossaryNote note : doc.notes()) {
            String owner = doc.parentOf(note.paragraphId()).orElse(PREAMBLE);
            nodes.add(new Object[] {note.id(), "NOTE", owner, seq[0]++, null, note.term(),
                    json.writeValueAsString(Map.of("text", note.text(), "paragraphId", note.paragraphId()))});
        }
        jdbc.batchUpdate("INSERT INTO plan_node (id, kind, parent_id, seq, number, title, body) VALUES (?, ?, ?, ?, ?, ?, ?)", nodes);
        jdbc.batchUpdate("INSERT INTO plan_paragraph (id, node_id, seq, text) VALUES (?, ?, ?, ?)", paragraphs);
        List<Object[]> rows = new ArrayList<>();
        for (IndicatorTable table : doc.tables()) {
            for (IndicatorRow r : table.rows()) {
                rows.add(new Object[] {r.id(), r.table(), r.number(), r.category(), r.name(), r.unit(), r.attribute(),
                        r.target() == null ? null : r.target().raw(), r.result() == null ? null : r.result().raw(),
                        json.writeValueAsString(r)});
            }
        }
        jdbc.batchUpdate("INSERT INTO indicator (id, table_no, row_no, category, name, unit, attribute, target_raw, "
                + "result_raw, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private void addNode(PlanDocument doc, Map<String, String> titlesEn, PlanNode node, String parentId, List<Object[]> nodes, List<Object[]> paragraphs, int[] seq) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (titlesEn.containsKey(node.id())) body.put("titleEn", titlesEn.get(node.id()));
        switch (node.kind()) {
            case COLUMN -> doc.column(node.id()).ifPresent(c -> body.put("groups", c.groups()));
            case TABLE -> doc.table(node.id()).ifPresent(t -> {
                body.put("headers", t.headers());
                body.put("note", t.note());
                body.put("markers", IndicatorTable.markers().stream().map(m -> Map.of(
                        "mark", m.mark(), "zh", m.meaningZh(), "en", m.meaningEn())).toList());
            });
            case FIGURE -> body.put("note", "The plan's figure is not part of the published text; "
                    + "the map's zone outlines are schematic reconstructions.");
            default -> { }
        }
        nodes.add(new Object[] {node.id(), node.kind().name(), parentId, seq[0]++, node.number(), node.title(),
                json.writeValueAsString(body)});
        addParagraphs(paragraphs, node.id(), node.paragraphs());
        for (PlanNode child : node.children()) addNode(doc, titlesEn, child, node.id(), nodes, paragraphs, seq);
    }

    private static void addParagraphs(List<Object[]> out, String nodeId, List<Paragraph> paragraphs) {
        int i = 0;
        for (Paragraph p : paragraphs) out.add(new Object[] {p.id(), nodeId, i++, p.text()});
    }

    public List<NodeRow> nodes() {
        return jdbc.query("SELECT id, kind, parent_id, seq, number, title, body FROM plan_node ORDER BY seq", nodeMapper);
    }

    public Optional<NodeRow> node(String id) {
        return jdbc.query("SELECT id, kind, parent_id, seq, number, title, body FROM plan_node WHERE id = ?", nodeMapper, id)
                .stream().findFirst();
    }

    public List<ParagraphRow> paragraphs(String nodeId) {
        return jdbc.query("SELECT id, node_id, seq, text FROM plan_paragraph WHERE node_id = ? ORDER BY seq",
                (rs, n) -> new ParagraphRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)), nodeId);
    }

    public List<ParagraphRow> allParagraphs() {
        return jdbc.query("SELECT p.id, p.node_id, p.seq, p.text FROM plan_paragraph p JOIN plan_node n ON n.id = p.node_id "
                        + "ORDER BY n.seq, p.seq",
                (rs, n) -> new ParagraphRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
    }

    /** Indicator rows as the parser produced them (JSON of {@link IndicatorRow}), in table order. */
    public List<Map<String, Object>> indicators() {
        return jdbc.query("SELECT body FROM indicator ORDER BY table_no, row_no", (rs, n) -> (Map<String, Object>) json.readValue(rs.getString(1), MAP));
    }

    public Optional<Map<String, Object>> indicator(String id) {
        return jdbc.query("SELECT body FROM indicator WHERE id = ?",
                (rs, n) -> (Map<String, Object>) json.readValue(rs.getString(1), MAP), id).stream().findFirst();
    }

    private NodeRow node(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String body = rs.getString("body");
        return new NodeRow(rs.getString("id"), rs.getString("kind"), rs.getString("parent_id"), rs.getInt("seq"),
                rs.getString("number"), rs.getString("title"), body == null ? Map.of() : json.readValue(body, MAP));
    }
}
