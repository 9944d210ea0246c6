package org.planmap.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.planmap.search.SearchDocument.Field;
import org.planmap.search.SearchDocument.Name;

/**
 * How well one name answers one query, as a score in bands, best first:
 * <ol>
 *   <li>1000 — the query <em>is</em> a name or alias (Chinese, or every English word of an all-English name,
 *       "Chongqing" and the like aside; 20 less when only a kind word such as "station" is left over);
 *       950 a chapter or section title; 900 a place within a feature
 *       ("渣滓洞" → the 沙磁 area); 750 a station's bare place name ("磁器口" for the metro station);</li>
 *   <li>700–800 — a plan concept (part, chapter, section, column, table title in either language) that contains
 *       the query;</li>
 *   <li>600–700 features, 560–660 unmapped catalogue items and indicators that contain it;</li>
 *   <li>200–250 — plan text (scored by {@link SearchIndex}).</li>
 * </ol>
 * Within a band the share of the name the query covers decides ("University Town" covers more of "Chongqing
 * University Town" than of a road project named after it); a match found through a synonym loses
 * {@value #SYNONYM_COST}.
 */
final class SearchRanker {
    static final double SYNONYM_COST = 60;

    /** A scored match of a name: where to highlight it and which field it came from. */
    record Scored(double score, Name name, List<int[]> spans, boolean synonym) {
        Scored(double score, Name name, List<int[]> spans) {
            this(score, name, spans, false);
        }
    }

    private SearchRanker() { }

    /** A query word: the stems that may stand for it, and whether a name may lack it ("Chongqing", "station"). */
    record Word(Set<String> stems, boolean weak, boolean optional) {
        static Word of(Set<String> stems) {
            return new Word(stems, stems.stream().anyMatch(SearchText.WEAK::contains),
                    stems.stream().anyMatch(t -> SearchText.WEAK.contains(t) || KIND.contains(t)));
        }
    }

    /**
     * One form of a query, prepared once: the folded text, whether it is Chinese, its English words, and whether it
     * came from the synonym list.
     */
    record Query(String text, boolean han, List<Word> words, boolean allOptional, boolean synonym) {
        static Query of(String folded, List<Word> words, boolean synonym) {
            return new Query(folded, SearchText.hasHan(folded), words, words.stream().allMatch(Word::optional), synonym);
        }
    }

    /** The score of {@code name} of a document of {@code kind} for one query form, or null when it does not match. */
    static Scored score(String kind, Name name, Query q) {
        Scored s = name.field().english || !q.han() ? english(kind, name, q) : chinese(kind, name, q.text());
        if (s == null) return null;
        return q.synonym() ? new Scored(s.score() - SYNONYM_COST, s.name(), s.spans(), true) : s;
    }

    private static Scored chinese(String kind, Name name, String q) {
        int at = name.folded().indexOf(q);
        if (at < 0) return null;
        List<int[]> spans = List.<int[]>of(new int[] {at, at + q.length()});
        if (name.folded().length() == q.length()) return new Scored(exact(kind, name.field()), name, spans);
        double coverage = q.length() / (double) name.folded().length();
        return new Scored(partial(kind, name.field(), coverage) + (at == 0 ? 20 : 0), name, spans);
    }

    /**
     * Every query word (or a stem standing for it) must be a word of the name; the last may be the start of one,
     * so a name is found while it is being typed.
     */
    private static Scored english(String kind, Name name, Query q) {
        List<Word> words = q.words();
        if (words.isEmpty() || name.tokens().isEmpty()) return null;
        // most names lack the query's first required word: reject them before allocating anything
        for (int w = 0; w < words.size(); w++) {
            Word word = words.get(w);
            if (word.optional() && !q.allOptional()) continue;
            if (find(name.tokens(), null, word.stems(), w == words.size() - 1) < 0) return null;
            break;
        }
        List<int[]> spans = new ArrayList<>(words.size());
        boolean[] used = new boolean[name.tokens().size()];
        int strongQuery = 0;
        for (int w = 0; w < words.size(); w++) {
            Word word = words.get(w);
            int hit = find(name.tokens(), used, word.stems(), false);
            if (hit < 0 && w == words.size() - 1) hit = find(name.tokens(), used, word.stems(), true);
            if (hit < 0) {
                // "Chongqing" and kind words ("station") may be left out of a name that matches the rest of the query
                if (word.optional() && !q.allOptional()) continue;
                return null;
            }
            if (!word.weak()) strongQuery++;
            used[hit] = true;
            spans.add(new int[] {name.tokens().get(hit).start(), name.tokens().get(hit).end()});
        }
        int strongName = 0;
        int strongUsed = 0;
        for (int i = 0; i < used.length; i++) {
            if (SearchText.WEAK.contains(name.tokens().get(i).stem())) continue;
            strongName++;
            if (used[i]) strongUsed++;
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        if (!name.hasHan() && strongQuery == strongUsed) {
            if (strongUsed == strongName) return new Scored(exact(kind, name.field()), name, spans);
            if (onlyKindWordsLeft(name.tokens(), used)) return new Scored(exact(kind, name.field()) - 20, name, spans);
        }
        double coverage = strongName == 0 ? 1 : Math.max(strongUsed, 1) / (double) (strongName + (name.hasHan() ? 1 : 0));
        return new Scored(partial(kind, name.field(), Math.min(coverage, 0.99)), name, spans);
    }

    /** "Chongqing West" is all of "Chongqing West station" but the word that says what kind of thing it is. */
    private static boolean onlyKindWordsLeft(List<SearchText.Token> tokens, boolean[] used) {
        for (int i = 0; i < used.length; i++) {
            String t = tokens.get(i).stem();
            if (!used[i] && !SearchText.WEAK.contains(t) && !KIND.contains(t)) return false;
        }
        return true;
    }

    /** Words naming the kind of a place, not which place (as stemmed). */
    static final Set<String> KIND = Set.of("station", "railway", "metro", "subway", "building", "river", "lake", "square");

    private static int find(List<SearchText.Token> tokens, boolean[] used, Set<String> stems, boolean prefix) {
        for (int i = 0; i < tokens.size(); i++) {
            if (used != null && used[i]) continue;
            String t = tokens.get(i).stem();
            for (String s : stems) {
                if (prefix ? s.length() >= 3 && t.startsWith(s) : t.equals(s)) return i;
            }
        }
        return -1;
    }

    private static double exact(String kind, Field field) {
        if (kind.equals("section")) return 950;
        return switch (field) {
            case WITHIN -> 900;
            case STATION_PLACE -> 750;
            default -> 1000;
        };
    }

    private static double partial(String kind, Field field, double coverage) {
        double base = switch (kind) {
            case "section" -> 700;
            case "feature" -> field == Field.WITHIN || field == Field.STATION_PLACE ? 500 : 600;
            default -> 560;
        };
        return base + 100 * coverage;
    }
}
