package org.planmap.geodata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.StoredFeature;

/**
 * Finds the place names of a {@link PlaceLexicon} in a paragraph, by these rules:
 * <ol>
 *   <li><b>Titles are not places.</b> Nothing inside 《…》 links (the play 《歌乐山之歌》 is not the mountain).</li>
 *   <li><b>The longest name wins.</b> Of overlapping names the longer one is taken, then the earlier; a shorter
 *       name inside it is not a mention. When the longer name is another thing (an unmapped catalogue item, an
 *       {@code other} row of the place-name list) nothing links there: "大学城复线隧道" is a tunnel, not the
 *       University Town.</li>
 *   <li><b>The finest feature wins.</b> A name several features carry goes to the one {@link FinestFeatureFirst}
 *       ranks first: the smallest, then one the node declares, then its own name over an alias, then the layer
 *       order.</li>
 * </ol>
 * The lexicon is indexed by first character, so a paragraph is scanned once with a handful of comparisons per
 * character.
 */
public final class PlaceNameMatcher {
    /** One mention: [start, end) in the paragraph, the text there and the feature it names. */
    public record Match(int start, int end, String name, StoredFeature feature) { }

    private record Keyed(String key, PlaceLexicon.Entry entry) { }

    /** Names by their first character (a char-indexed table: no boxing per character of the text). */
    private final Keyed[][] byFirst = new Keyed[Character.MAX_VALUE + 1][];
    private final FinestFeatureFirst order;

    public PlaceNameMatcher(PlaceLexicon lexicon, List<String> collectionPriority) {
        this.order = new FinestFeatureFirst(collectionPriority);
        Map<Character, List<Keyed>> lists = new HashMap<>();
        lexicon.entries().forEach((key, e) -> lists.computeIfAbsent(key.charAt(0), c -> new ArrayList<>()).add(new Keyed(key, e)));
        lists.forEach((c, l) -> byFirst[c] = l.toArray(Keyed[]::new));
    }

    /** The mentions in {@code text}, a paragraph of plan node {@code nodeId}, in reading order. */
    public List<Match> find(String text, String nodeId) {
        String folded = PlaceLexicon.fold(text);
        record Hit(int start, int end, PlaceLexicon.Entry entry) { }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < folded.length(); i++) {
            Keyed[] starting = byFirst[folded.charAt(i)];
            if (starting == null) continue;
            for (Keyed k : starting) {
                if (folded.startsWith(k.key(), i)) hits.add(new Hit(i, i + k.key().length(), k.entry()));
            }
        }
        boolean[] taken = titleSpans(folded);
        hits.sort(Comparator.comparingInt((Hit h) -> -(h.end() - h.start())).thenComparingInt(Hit::start));
        List<Match> out = new ArrayList<>();
        for (Hit h : hits) {
            if (anyTaken(taken, h.start(), h.end())) continue;
            for (int k = h.start(); k < h.end(); k++) taken[k] = true;
            if (h.entry().blocks()) continue;
            StoredFeature best = h.entry().candidates().stream().min(order.forNode(nodeId)).orElseThrow().feature();
            out.add(new Match(h.start(), h.end(), text.substring(h.start(), h.end()), best));
        }
        out.sort(Comparator.comparingInt(Match::start));
        return out;
    }

    /** Characters inside 《…》 (the brackets included), marked as taken before any name is placed. */
    static boolean[] titleSpans(String text) {
        boolean[] in = new boolean[text.length()];
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '《' && open < 0) open = i;
            else if (c == '》' && open >= 0) {
                for (int k = open; k <= i; k++) in[k] = true;
                open = -1;
            }
        }
        return in;
    }

    private static boolean anyTaken(boolean[] taken, int start, int end) {
        for (int k = start; k < end; k++) if (taken[k]) return true;
        return false;
    }
}
