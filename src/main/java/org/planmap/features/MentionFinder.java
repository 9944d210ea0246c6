package org.planmap.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where the plan text names a mapped feature. The rules (titles are not places, the longest name wins and
 * blocks the shorter ones inside it, the finest feature wins) are {@link PlaceNameMatcher}'s; the names
 * (features, the place-name list, unmapped catalogue items) are {@link PlaceLexicon}'s.
 */
public final class MentionFinder {
    static final List<String> PRIORITY = List.of("zones", "showcase-areas", "demonstration-zones", "science-city",
            "project-sites", "context-rivers", "context-stations", "context-landmarks", "context-water");

    public record Text(String paragraphId, String nodeId, String text) { }

    public record Mention(String featureId, String name, String paragraphId, String nodeId, int start, int end, String sentence) { }

    private final PlaceNameMatcher matcher;

    /** A finder over these features' names alone. */
    public MentionFinder(List<StoredFeature> features) {
        this(PlaceLexicon.of(layered(features)));
    }

    public MentionFinder(PlaceLexicon lexicon) {
        this.matcher = new PlaceNameMatcher(lexicon, PRIORITY);
    }

    /** The features of the linked layers (not the district, whose name every paragraph would carry). */
    static List<StoredFeature> layered(List<StoredFeature> features) {
        return features.stream().filter(f -> PRIORITY.contains(f.collection())).toList();
    }

    /** Chinese names of a feature usable for matching: its name and aliases, at least two characters. */
    static List<String> names(StoredFeature f) {
        List<String> out = new ArrayList<>();
        List<String> all = new ArrayList<>();
        all.add(f.name());
        all.addAll(PlaceLexicon.aliases(f));
        for (String n : all) {
            if (PlaceLexicon.usable(n) && !out.contains(n.strip())) out.add(n.strip());
        }
        return out;
    }

    public List<Mention> find(List<Text> texts) {
        List<Mention> out = new ArrayList<>();
        for (Text t : texts) out.addAll(find(t));
        return out;
    }

    List<Mention> find(Text t) {
        List<Mention> out = new ArrayList<>();
        for (PlaceNameMatcher.Match m : matcher.find(t.text(), t.nodeId())) {
            out.add(new Mention(m.feature().id(), m.name(), t.paragraphId(), t.nodeId(), m.start(), m.end(),
                    sentenceAround(t.text(), m.start(), m.end())));
        }
        return out;
    }

    /** The sentence of {@code text} that holds [start, end): bounded by 。！？； or the paragraph's ends. */
    public static String sentenceAround(String text, int start, int end) {
        int from = start;
        while (from > 0 && "。！？；".indexOf(text.charAt(from - 1)) < 0) from--;
        int to = end;
        while (to < text.length() && "。！？；".indexOf(text.charAt(to)) < 0) to++;
        if (to < text.length()) to++;
        return text.substring(from, to).strip();
    }
}
