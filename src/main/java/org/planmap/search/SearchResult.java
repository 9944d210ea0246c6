package org.planmap.search;

import java.util.List;
import java.util.Map;

/**
 * One search hit. {@code snippet} is plain text; {@code highlights} are [start, end) offsets of the match in
 * it, so a client can mark the match without treating any of the text as HTML. A feature carries its
 * {@code bbox}; a section, column or item its {@code sectionId}; an indicator its {@code values}.
 * {@code matched} says which name matched ({@code name}, {@code alias}, {@code variant}, {@code within},
 * {@code station_place}, {@code name_en}, {@code title}, {@code title_en}, {@code text}, {@code synonym});
 * {@code alsoIds} lists the features merged into this row because they are the same place. The list is in
 * rank order: the first result is the best.
 */
public record SearchResult(String kind, String id, String title, String titleEn, String snippet, List<int[]> highlights,
                           double score, String collection, double[] bbox, String sectionId, Map<String, Object> values,
                           String matched, List<String> alsoIds) {

    SearchResult withScore(double s) {
        return new SearchResult(kind, id, title, titleEn, snippet, highlights, s, collection, bbox, sectionId, values, matched,
                alsoIds);
    }

    SearchResult withAlsoIds(List<String> ids) {
        return new SearchResult(kind, id, title, titleEn, snippet, highlights, score, collection, bbox, sectionId, values,
                matched, ids);
    }
}
