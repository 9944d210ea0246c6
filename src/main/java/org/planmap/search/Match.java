package org.planmap.search;

/** Where a query matched one string, and how well: exact, prefix or contained. */
record Match(String text, int[] span, double score) {

    /**
     * Case-insensitive match of {@code text}, whose lower-case form {@code folded} the corpus computed once
     * (NFKC keeps lengths for the texts we hold, so offsets in the folded text are offsets in the text).
     */
    static Match of(String text, String folded, SearchQuery q, double exact, double prefix, double contains) {
        if (text == null) return null;
        int at = folded.indexOf(q.folded());
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
