package org.planmap.plan;

/**
 * An explanatory note from the end of the document (Word footnotes, marked with U+FFFD in the text).
 *
 * @param id          {@code note-N}, in source order
 * @param term        the term(s) explained, e.g. {@code “芯核器网服”}, {@code 五个科学、五个科技}, {@code QFLP}
 * @param text        the whole note, cleaned of Word field codes ({@code HYPERLINK "…" \t "…"}) and U+FFFD
 * @param paragraphId the paragraph the note explains (always an existing paragraph id)
 */
public record GlossaryNote(String id, String term, String text, String paragraphId) {
}
