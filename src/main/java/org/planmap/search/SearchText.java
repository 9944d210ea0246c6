package org.planmap.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How search compares text. Everything is {@link #fold folded} (NFKC, lower case, one middle dot, one dash);
 * Chinese is compared by substring, English by {@link #tokens words}: runs of Latin letters and digits,
 * lower-cased and reduced to a simple stem ({@link #stem}), so "schools" finds "school" and "stations" finds
 * "station". Words like "the" and "of" are skipped; "Chongqing", "Shapingba" and "district" are
 * {@link #WEAK}: they may match but a name is not less exact for carrying them ("University Town" is the
 * exact name of "Chongqing University Town").
 */
final class SearchText {
    static final Set<String> STOP = Set.of("the", "of", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "its");
    static final Set<String> WEAK = Set.of("chongqing", "shapingba", "district");

    /** A word of a text: its stem and where the word stands, [start, end). */
    record Token(String stem, int start, int end) { }

    private SearchText() { }

    /**
     * NFKC, lower case, every middle dot (·•・‧) as "·" and every dash (—–－‐) as "-", one character for one.
     * NFKC can change lengths only for characters the plan does not use (ligatures, circled numbers).
     */
    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        char[] c = n.toCharArray();
        for (int i = 0; i < c.length; i++) {
            switch (c[i]) {
                case '•', '・', '‧', '∙', '⋅', '･' -> c[i] = '·';
                case '—', '–', '‐', '―', '‑', '－' -> c[i] = '-';
                default -> { }
            }
        }
        return new String(c);
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /** The words of a folded text, stop words left out. */
    static List<Token> tokens(String folded) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            char c = folded.charAt(i);
            if (!isWordChar(c)) { i++; continue; }
            int start = i;
            while (i < folded.length() && (isWordChar(folded.charAt(i)) || folded.charAt(i) == '\'')) i++;
            String word = folded.substring(start, i).replace("'", "");
            if (!STOP.contains(word)) out.add(new Token(stem(word), start, i));
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /**
     * A light English stem: the plural ending off ("universities" → "university", "stations" → "station",
     * "business" and "campus" kept). Verb endings stay: "parking" is not "park".
     */
    static String stem(String w) {
        if (w.length() <= 3 || !Character.isLetter(w.charAt(w.length() - 1))) return w;
        if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")) return w.substring(0, w.length() - 2);
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) return w;
        if (w.endsWith("s")) return w.substring(0, w.length() - 1);
        return w;
    }
}
