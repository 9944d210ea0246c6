package org.planmap.geodata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planmap.system.Csv;

/**
 * The hand-kept list of names the plan uses that are not a feature's own {@code name} or {@code aliases}
 * ({@code links/place-names.csv} on the class path, one row per name and target, each with its reason):
 * <ul>
 *   <li>{@link Relation#NAMES}: the plan's own variant of a feature's name ("三峡商圈", "独角兽岛"); project sites
 *       get their variants here because the geodata builder gives sites no aliases;</li>
 *   <li>{@link Relation#WITHIN}: a place that has no feature of its own and lies in this one, the finest feature
 *       that holds it ("渣滓洞" in the 沙磁 showcase area);</li>
 *   <li>{@link Relation#OTHER}: a longer name of something else (a school, a substation, a play); it has no
 *       target and blocks the shorter place names inside it.</li>
 * </ul>
 * The names of unmapped catalogue items block in the same way without being listed here (see {@link PlaceLexicon}).
 */
public record PlaceNames(List<Entry> entries) {
    public static final String RESOURCE = "links/place-names.csv";

    public enum Relation { NAMES, WITHIN, OTHER }

    /** One row: {@code featureId} is null for {@link Relation#OTHER}. */
    public record Entry(String name, Relation relation, String featureId, String reason) { }

    public PlaceNames {
        entries = List.copyOf(entries);
    }

    public static final PlaceNames NONE = new PlaceNames(List.of());

    /** The list shipped with the app, read once (every data snapshot links with it). */
    public static PlaceNames bundled() {
        return Bundled.LIST;
    }

    private static final class Bundled {
        static final PlaceNames LIST = read();

        private static PlaceNames read() {
            try (InputStream in = PlaceNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " is not on the class path");
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Rows {@code name,relation,target,reason}; a bad row fails with its line number and {@code where}. */
    public static PlaceNames parse(String csv, String where) {
        List<Entry> out = new ArrayList<>();
        int line = 1;
        for (Map<String, String> r : Csv.records(csv)) {
            line++;
            String name = r.getOrDefault("name", "").strip();
            String relation = r.getOrDefault("relation", "").strip().toUpperCase(Locale.ROOT);
            String target = r.getOrDefault("target", "").strip();
            String reason = r.getOrDefault("reason", "").strip();
            String at = where + " line " + line + ": ";
            if (name.codePointCount(0, name.length()) < 2) throw new IllegalArgumentException(at + "a name needs two characters");
            Relation rel;
            try {
                rel = Relation.valueOf(relation);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "relation must be names, within or other, was '" + relation + "'", e);
            }
            if ((rel == Relation.OTHER) != target.isEmpty()) {
                throw new IllegalArgumentException(at + (rel == Relation.OTHER ? "an 'other' name has no target" : "a target feature is required"));
            }
            if (reason.isEmpty()) throw new IllegalArgumentException(at + "every name needs its reason");
            out.add(new Entry(name, rel, target.isEmpty() ? null : target, reason));
        }
        return new PlaceNames(out);
    }
}
