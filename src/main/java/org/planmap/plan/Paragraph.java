package org.planmap.plan;

import java.util.Objects;

/**
 * One paragraph of plan text. Hard-wrapped source lines are already joined, and the text is trimmed
 * (ASCII and ideographic spaces) but otherwise as in the source.
 *
 * @param id   {@code {nodeId}-para-{k}} (1-based within the owning node) or {@code preamble-para-{k}}
 * @param text the paragraph, never blank
 */
public record Paragraph(String id, String text) {
    public Paragraph {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("blank paragraph " + id);
        }
    }
}
