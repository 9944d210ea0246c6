package org.planmap.search;

import java.util.List;
import java.util.Map;

/**
 * One thing search can return, with every name it answers to. Names are folded and tokenised once, when the
 * index is built, so a query never re-reads the corpus.
 *
 * @param kind       {@code feature} | {@code section} | {@code indicator} | {@code item}
 * @param layerRank  0 for the plan's area layers, 1 for project sites, 2 for context, 3 for the district and
 *                   unnamed OSM features; 0 for
 *                   everything that is not a feature
 * @param area       the feature's area in square degrees (0 for points and lines): the finer of two equally good
 *                   matches ranks first
 * @param placeKey   what makes two features the same place for {@link ResultMerger}: the folded name (a station's
 *                   as "…站"); null for non-features
 * @param centre     the feature's centre, lon/lat; null for non-features
 */
record SearchDocument(String kind, String id, String title, String titleEn, List<Name> names, int layerRank, double area,
                      String collection, double[] bbox, String sectionId, Map<String, Object> values, String placeKey,
                      double[] centre) {

    /** Where a name comes from; {@link #english} fields are matched word by word. */
    enum Field {
        NAME(false), ALIAS(false), VARIANT(false), WITHIN(false), STATION_PLACE(false), NAME_EN(true), TITLE(false),
        TITLE_EN(true);

        final boolean english;

        Field(boolean english) {
            this.english = english;
        }
    }

    /** A name as written, folded, and its English words. */
    record Name(String text, String folded, List<SearchText.Token> tokens, Field field, boolean hasHan) {
        static Name of(String text, Field field) {
            String folded = SearchText.fold(text);
            return new Name(text, folded, SearchText.tokens(folded), field, SearchText.hasHan(folded));
        }
    }
}
