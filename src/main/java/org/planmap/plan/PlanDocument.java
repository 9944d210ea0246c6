package org.planmap.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole plan outline, as read by {@link PlanParser}.
 *
 * <p>The lookups walk the tree on each call; the document has a few hundred nodes, so callers that
 * look up often should index once (the repository does).
 *
 * @param title    the document title (the leading title lines joined)
 * @param preamble paragraphs before the first part ({@code preamble-para-k})
 * @param parts    the eleven parts, each with its chapters, sections and column/table/figure nodes
 * @param columns  the 专栏, in source order
 * @param tables   the indicator tables, in source order
 * @param figures  the figure captions, in source order
 * @param notes    the glossary notes, in source order
 */
public record PlanDocument(String title, List<Paragraph> preamble, List<PlanNode> parts, List<PlanColumn> columns,
        List<IndicatorTable> tables, List<Figure> figures, List<GlossaryNote> notes) {

    public PlanDocument {
        Objects.requireNonNull(title, "title");
        preamble = List.copyOf(preamble);
        parts = List.copyOf(parts);
        columns = List.copyOf(columns);
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }

    /** All nodes, depth first in source order (parts, chapters, sections, columns, tables, figures). */
    public Stream<PlanNode> walk() {
        return parts.stream().flatMap(PlanNode::walk);
    }

    /** The node with this id ({@code p6-c16-s1}, {@code col-8}, {@code table-1}, {@code fig-2}, …). */
    public Optional<PlanNode> node(String id) {
        return walk().filter(n -> n.id().equals(id)).findFirst();
    }

    /**
     * The id of the element that contains {@code id}: a node's parent node (empty for parts), a
     * paragraph's owning node (empty for preamble paragraphs), a column item's column, a row's table.
     * Empty when {@code id} is unknown.
     */
    public Optional<String> parentOf(String id) {
        for (PlanNode part : parts) {
            Optional<String> found = parentOf(part, null, id);
            if (found != null) {
                return found;
            }
        }
        Optional<ColumnItem> item = item(id);
        if (item.isPresent()) {
            return Optional.of("col-" + item.get().column());
        }
        Optional<IndicatorRow> row = indicator(id);
        if (row.isPresent()) {
            return Optional.of("table-" + row.get().table());
        }
        return Optional.empty();
    }

    /** {@code null}: not in this subtree; empty: found without parent; else the parent id. */
    private static Optional<String> parentOf(PlanNode node, String parentId, String id) {
        if (node.id().equals(id)) {
            return Optional.ofNullable(parentId);
        }
        for (Paragraph p : node.paragraphs()) {
            if (p.id().equals(id)) {
                return Optional.of(node.id());
            }
        }
        for (PlanNode child : node.children()) {
            Optional<String> found = parentOf(child, node.id(), id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Preamble paragraphs, then every node's paragraphs depth first (this is source order). */
    public List<Paragraph> allParagraphs() {
        List<Paragraph> all = new ArrayList<>(preamble);
        walk().forEach(n -> all.addAll(n.paragraphs()));
        return List.copyOf(all);
    }

    /** The paragraph with this id. */
    public Optional<Paragraph> paragraph(String id) {
        return allParagraphs().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The column item with this id ({@code col-8-item-3}). */
    public Optional<ColumnItem> item(String id) {
        return columns.stream().flatMap(c -> c.allItems().stream()).filter(i -> i.id().equals(id)).findFirst();
    }

    /** The column with this id ({@code col-8}). */
    public Optional<PlanColumn> column(String id) {
        return columns.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The indicator row with this id ({@code table-1-row-5}). */
    public Optional<IndicatorRow> indicator(String id) {
        return tables.stream().flatMap(t -> t.rows().stream()).filter(r -> r.id().equals(id)).findFirst();
    }

    /** The table with this id ({@code table-1}). */
    public Optional<IndicatorTable> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
