package org.planmap.geodata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.StoredFeature;

/**
 * Finds where the plan text names a mapped feature: a small gazetteer of every feature's Chinese name and
 * aliases, matched longest-first and without overlaps in each paragraph. A name shared by two features goes
 * to the one in the earlier collection of {@link #priority} (an area before a project site before context,
 * water bodies last). The district itself and names that would match the district's own name are left out:
 * every paragraph would otherwise link to it.
 */
public final class MentionFinder {
    private static final Set<String> STOP = Set.of("沙坪坝", "沙坪坝区", "重庆", "重庆市", "中国");

    public record Text(String paragraphId, String nodeId, String text) { }

    public record Mention(String featureId, String name, String paragraphId, String nodeId, int start, int end, String sentence) { }

    private final Map<String, String> featureByName = new LinkedHashMap<>();
    /** The names by their first character: a paragraph is scanned once, not once per name. */
    private final Map<Character, List<String>> namesByFirst = new java.util.HashMap<>();

    /** A gazetteer of these features, with the collections' priority of the default registry. */
    public MentionFinder(List<StoredFeature> features) {
        this(features, priority(new CollectionRegistry()));
    }

    MentionFinder(List<StoredFeature> features, List<String> priority) {
        List<StoredFeature> ordered = new ArrayList<>(features.stream().filter(f -> priority.contains(f.collection())).toList());
        ordered.sort(Comparator.comparingInt(f -> priority.indexOf(f.collection())));
        for (StoredFeature f : ordered) {
            for (String name : names(f)) featureByName.putIfAbsent(name, f.id());
        }
        for (String name : featureByName.keySet()) namesByFirst.computeIfAbsent(name.charAt(0), k -> new ArrayList<>()).add(name);
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

    /** Chinese names of a feature usable for matching: its name and aliases, at least two characters. */
    static List<String> names(StoredFeature f) {
        List<String> out = new ArrayList<>();
        addName(out, f.name());
        if (f.properties().get("aliases") instanceof List<?> aliases) {
            for (Object a : aliases) addName(out, a == null ? null : a.toString());
        }
        return out;
    }

    private static void addName(List<String> out, String name) {
        if (name == null) return;
        String n = name.strip();
        if (n.codePointCount(0, n.length()) < 2 || STOP.contains(n) || !containsHan(n)) return;
        if (!out.contains(n)) out.add(n);
    }

    private static boolean containsHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    public List<Mention> find(List<Text> texts) {
        List<Mention> out = new ArrayList<>();
        for (Text t : texts) out.addAll(find(t));
        return out;
    }

    List<Mention> find(Text t) {
        record Hit(int start, int end, String name) { }
        List<Hit> hits = new ArrayList<>();
        String text = t.text();
        for (int at = 0; at < text.length(); at++) {
            List<String> candidates = namesByFirst.get(text.charAt(at));
            if (candidates == null) continue;
            for (String name : candidates) {
                if (text.startsWith(name, at)) hits.add(new Hit(at, at + name.length(), name));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(h -> -(h.end() - h.start())));
        List<Mention> out = new ArrayList<>();
        int taken = -1;
        for (Hit h : hits) {
            if (h.start() < taken) continue;
            out.add(new Mention(featureByName.get(h.name()), h.name(), t.paragraphId(), t.nodeId(), h.start(), h.end(),
                    sentenceAround(t.text(), h.start(), h.end())));
            taken = h.end();
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
