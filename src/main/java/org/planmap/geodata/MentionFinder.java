package org.planmap.geodata;

import java.util.ArrayList;
import java.util.List;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.StoredFeature;

/**
 * Finds where the plan text names a mapped feature. The rules (titles are not places, the longest name wins and
 * blocks the shorter ones inside it, the finest feature wins) are {@link PlaceNameMatcher}'s; the names
 * (features, the place-name list, unmapped catalogue items) are {@link PlaceLexicon}'s. Only the collections of
 * {@link #priority} are linked (not the district, whose name every paragraph would carry); their order breaks
 * the last ties.
 */
public final class MentionFinder {
    public record Text(String paragraphId, String nodeId, String text) { }

    public record Mention(String featureId, String name, String paragraphId, String nodeId, int start, int end, String sentence) { }

    private final PlaceNameMatcher matcher;

    /** A finder over these features' names alone, with the collections' priority of the default registry. */
    public MentionFinder(List<StoredFeature> features) {
        this(features, priority(new CollectionRegistry()));
    }

    MentionFinder(List<StoredFeature> features, List<String> priority) {
        this(PlaceLexicon.of(linked(features, priority)), priority);
    }

    MentionFinder(PlaceLexicon lexicon, List<String> priority) {
        this.matcher = new PlaceNameMatcher(lexicon, priority);
    }

    /** The collections whose names are looked for, first claim first: areas, project sites, context with water last. */
    static List<String> priority(CollectionRegistry registry) {
        List<String> out = new ArrayList<>(registry.areaCollections());
        out.add("project-sites");
        registry.all().stream().map(CollectionDef::id).filter(id -> id.startsWith("context-") && !id.equals("context-water"))
                .forEach(out::add);
        out.add("context-water");
        return List.copyOf(out);
    }

    /** The features of the linked collections. */
    static List<StoredFeature> linked(List<StoredFeature> features, List<String> priority) {
        return features.stream().filter(f -> priority.contains(f.collection())).toList();
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
