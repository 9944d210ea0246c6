package org.planmap.geodata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.planmap.features.StoredFeature;

/**
 * Every name the linker knows, each with what it may stand for: the features it names (their own name, an
 * alias, a variant or a containing area from {@link PlaceNames}), or nothing when it is the name of another
 * thing that blocks the place names inside it. Sources, in the order they are added:
 * <ol>
 *   <li>each feature's {@code name} and {@code aliases}; a station (a context station, or an OSM building that
 *       is one) only as "…站": OSM names stations after their place ("磁器口", "西永", "大学城"), and the plan
 *       means the place when it writes the bare name;</li>
 *   <li>{@link PlaceNames}: variants, places within a feature, names of other things;</li>
 *   <li>the names of the plan's column items that no project site maps: the catalogue has judged that their
 *       place is not known, so "大学城复线隧道" or "500千伏梁滩河站及进出走廊建设" must not link through the
 *       place name they start with.</li>
 * </ol>
 * Names shorter than two characters, names without a Chinese character and the district's own names are left
 * out (every paragraph would link to the district). Names are compared in {@link #fold folded} form.
 */
public final class PlaceLexicon {
    private static final Set<String> STOP = Set.of("沙坪坝", "沙坪坝区", "重庆", "重庆市", "中国");
    private static final Pattern QUALIFIER = Pattern.compile("（[^（）]*）$");

    /** How a name reaches its feature, best first when all else is equal. */
    public enum Kind { NAME, ALIAS, VARIANT, WITHIN }

    public record Candidate(StoredFeature feature, Kind kind) { }

    /** A known name: the features it may stand for, or none when it names another thing ({@code blockedBy}). */
    public record Entry(String name, List<Candidate> candidates, String blockedBy) {
        public boolean blocks() {
            return candidates.isEmpty();
        }
    }

    private final Map<String, Entry> entries;

    private PlaceLexicon(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The lexicon of these features alone, without place-name rules or catalogue names (for tests). */
    public static PlaceLexicon of(Collection<StoredFeature> features) {
        return of(features, PlaceNames.NONE, List.of());
    }

    /**
     * A place-name row whose feature is not among {@code features} is left out, not an error: the data may lack it
     * (a feature staff removed, a test's partial data), and one stale row must not stop every snapshot rebuild.
     * {@code PlaceNamesTests} checks that every row targets a feature of the shipped geodata.
     *
     * @param unmappedItemNames names of the column items no feature maps; they block
     */
    public static PlaceLexicon of(Collection<StoredFeature> features, PlaceNames places, Collection<String> unmappedItemNames) {
        Map<String, StoredFeature> byId = new LinkedHashMap<>();
        features.forEach(f -> byId.put(f.id(), f));
        Builder b = new Builder();
        for (StoredFeature f : features) {
            if (isStation(f)) {
                b.add(stationName(f.name()), f, Kind.NAME);
                continue;
            }
            b.add(f.name(), f, Kind.NAME);
            for (String alias : aliases(f)) b.add(alias, f, Kind.ALIAS);
        }
        for (PlaceNames.Entry e : places.entries()) {
            if (e.relation() == PlaceNames.Relation.OTHER) {
                b.block(e.name(), e.reason());
                continue;
            }
            StoredFeature target = byId.get(e.featureId());
            if (target == null) continue;
            b.add(e.name(), target, e.relation() == PlaceNames.Relation.NAMES ? Kind.VARIANT : Kind.WITHIN);
        }
        for (String item : unmappedItemNames) b.block(item, "an unmapped catalogue item");
        return new PlaceLexicon(b.entries);
    }

    /** The entry of a folded name, or null. */
    public Entry get(String foldedName) {
        return entries.get(foldedName);
    }

    /** Every entry, keyed by folded name. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /**
     * The form names and texts are compared in: middle dots (·•・‧∙) become "·" and dashes (—–－‐) "-", one
     * character for one, so offsets in the folded text are offsets in the text.
     */
    public static String fold(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            switch (c[i]) {
                case '•', '・', '‧', '∙', '⋅', '･' -> c[i] = '·';
                case '—', '–', '－', '‐', '―', '‑' -> c[i] = '-';
                default -> { }
            }
        }
        return new String(c);
    }

    /**
     * A station's own record: a context station, or an OSM building tagged {@code train_station} or described in
     * English as a station building ("Daxuecheng station (building)", "Daxuecheng Station building (Line 1)"):
     * OSM tags two Line 1 buildings, 大学城 and 陈家桥, as plain buildings. Project sites are not stations in
     * this sense: they carry the plan's names ("沙坪坝站"), never a bare place name.
     */
    public static boolean isStation(StoredFeature f) {
        if (f.collection().equals("context-stations")) return true;
        if (!f.collection().equals("context-landmarks")) return false;
        if ("train_station".equals(f.properties().get("buildingType"))) return true;
        String en = f.nameEn() == null ? "" : f.nameEn().toLowerCase(Locale.ROOT);
        return en.contains("station building") || en.endsWith("station (building)");
    }

    /** "磁器口" → "磁器口站"; "重庆西站（地铁）" → "重庆西站"; an unnamed one → null. */
    public static String stationName(String name) {
        if (name == null || name.startsWith("未命名")) return null;
        String n = QUALIFIER.matcher(name.strip()).replaceAll("");
        return n.endsWith("站") ? n : n + "站";
    }

    static List<String> aliases(StoredFeature f) {
        List<String> out = new ArrayList<>();
        if (f.properties().get("aliases") instanceof List<?> list) {
            for (Object a : list) if (a != null) out.add(a.toString());
        }
        return out;
    }

    static boolean usable(String name) {
        if (name == null) return false;
        String n = name.strip();
        return n.codePointCount(0, n.length()) >= 2 && !STOP.contains(n)
                && n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static final class Builder {
        final Map<String, Entry> entries = new LinkedHashMap<>();

        void add(String name, StoredFeature f, Kind kind) {
            if (!usable(name)) return;
            String key = fold(name.strip());
            Entry e = entries.get(key);
            List<Candidate> list = e == null ? new ArrayList<>() : new ArrayList<>(e.candidates());
            if (list.stream().anyMatch(c -> c.feature().id().equals(f.id()))) return;
            list.add(new Candidate(f, kind));
            entries.put(key, new Entry(name.strip(), List.copyOf(list), null));
        }

        /** A name of another thing; a name that also names a feature stays a link. */
        void block(String name, String reason) {
            if (!usable(name)) return;
            String key = fold(name.strip());
            entries.putIfAbsent(key, new Entry(name.strip(), List.of(), reason));
        }
    }
}
