package org.planmap.search;

import java.util.Locale;

/** Where a query matched one string, and how well: exact, prefix or contained. */
record Match(String text, int[] span, double score) {

    /** Case-sensitive match (Chinese). */
    static Match of(String text, SearchQuery q, double exact, double prefix, double contains) {
        if (text == null) return null;
        int at = text.indexOf(q.text());
        if (at < 0) {
            at = text.toLowerCase(Locale.ROOT).indexOf(q.folded());
            if (at < 0) return null;
        }
        return score(text, at, q.text().length(), exact, prefix, contains);
    }

    /** Case-insensitive match (English names). */
    static Match ofFolded(String text, SearchQuery q, double exact, double prefix, double contains) {
        int at = text.toLowerCase(Locale.ROOT).indexOf(q.folded());
        return at < 0 ? null : score(text, at, q.text().length(), exact, prefix, contains);
    }

    private static Match score(String text, int at, int length, double exact, double prefix, double contains) {
        double s = text.length() == length ? exact : at == 0 ? prefix : contains;
        // a shorter name that contains the query is a closer match than a long one
        if (s == contains || s == prefix) s += 5.0 * length / text.length();
        return new Match(text, new int[] {at, at + length}, s);
    }

    static Match better(Match a, Match b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.score() > a.score() ? b : a;
    }
}
