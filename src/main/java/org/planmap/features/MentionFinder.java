package org.planmap.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where the plan text names a mapped feature: a small gazetteer of every feature's Chinese name and
 * aliases, matched longest-first and without overlaps in each paragraph. A name shared by two features goes
 * to the one in the earlier collection of {@link #PRIORITY} (a zone before a project site before context).
 * The district itself and names that would match the district's own name are left out: every paragraph
 * would otherwise link to it.
 */
public final class MentionFinder {
    static final List<String> PRIORITY = List.of("zones", "showcase-areas", "demonstration-zones", "science-city",
            "project-sites", "context-rivers", "context-stations", "context-landmarks", "context-water");
    private static final Set<String> STOP = Set.of("沙坪坝", "沙坪坝区", "重庆", "重庆市", "中国");

    public record Text(String paragraphId, String nodeId, String text) { }

    public record Mention(String featureId, String name, String paragraphId, String nodeId, int start, int end, String sentence) { }

    private final Map<String, String> featureByName = new LinkedHashMap<>();

    public MentionFinder(List<StoredFeature> features) {
        List<StoredFeature> ordered = new ArrayList<>(features.stream().filter(f -> PRIORITY.contains(f.collection())).toList());
        ordered.sort(Comparator.comparingInt(f -> PRIORITY.indexOf(f.collection())));
        for (StoredFeature f : ordered) {
            for (String name : names(f)) featureByName.putIfAbsent(name, f.id());
        }
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
        for (String name : featureByName.keySet()) {
            int from = 0;
            int at;
            while ((at = t.text().indexOf(name, from)) >= 0) {
                hits.add(new Hit(at, at + name.length(), name));
                from = at + 1;
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
