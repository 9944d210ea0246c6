package org.planmap.plan;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A node of the plan's table of contents.
 *
 * <p>Parts hold chapters, chapters hold sections. Columns (专栏), tables (表) and figures (图) are
 * leaf children of the section in which they appear, or of the chapter when no section is open, so
 * that the table of contents lists them in place. Paragraphs that precede a node's first child
 * heading (a part's or chapter's introduction) belong to that node. A column node's paragraphs are
 * its source lines ({@code label：text}); table and figure nodes have no paragraphs.
 *
 * @param id         stable id, see {@code docs/architecture.md} (e.g. {@code p6-c16-s1}, {@code col-8})
 * @param kind       the node kind
 * @param number     the label as in the source: {@code 第十六章}, {@code 第一节}, {@code 专栏8}, {@code 表1}, {@code 图1}
 * @param ordinal    the numeric value of {@code number} (16, 1, 8, …)
 * @param title      title with surrounding whitespace removed and inner whitespace runs collapsed to one space
 * @param paragraphs the node's own paragraphs, in source order
 * @param children   child nodes, in source order
 */
public record PlanNode(String id, NodeKind kind, String number, int ordinal, String title,
        List<Paragraph> paragraphs, List<PlanNode> children) {

    public PlanNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(title, "title");
        paragraphs = List.copyOf(paragraphs);
        children = List.copyOf(children);
    }

    /** This node followed by all its descendants, depth first in source order. */
    public Stream<PlanNode> walk() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(PlanNode::walk));
    }
}
