package org.planmap.search;

import java.util.List;
import java.util.Map;

/**
 * One search hit. {@code snippet} is plain text; {@code highlights} are [start, end) offsets of the match in
 * it, so a client can mark the match without treating any of the text as HTML. A feature carries its
 * {@code bbox}; a section, column or item its {@code sectionId}; an indicator its {@code values}.
 */
public record SearchResult(String kind, String id, String title, String titleEn, String snippet, List<int[]> highlights,
                           double score, String collection, double[] bbox, String sectionId, Map<String, Object> values) {
}
