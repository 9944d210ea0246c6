package org.planmap.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.system.Csv;

/**
 * Words that search treats as the same: {@code search/synonyms.csv} on the class path, one group per row
 * ({@code terms} separated by {@code |}, Chinese and English mixed, and a {@code note} saying where the plan uses
 * them). A query that is one of the terms also finds the others; an English query word also finds the
 * one-word English terms of its groups ("school" → "schools"). Groups are small and hand-kept: a synonym
 * match ranks just below a direct one.
 */
final class Synonyms {
    static final String RESOURCE = "search/synonyms.csv";
    static final Synonyms NONE = new Synonyms(List.of());

    private final Map<String, Set<String>> byTerm = new LinkedHashMap<>();
    private final Map<String, Set<String>> byStem = new LinkedHashMap<>();

    Synonyms(List<List<String>> groups) {
        for (List<String> group : groups) {
            List<String> folded = group.stream().map(t -> SearchText.fold(t.strip())).filter(t -> !t.isEmpty()).toList();
            for (String t : folded) {
                Set<String> others = byTerm.computeIfAbsent(key(t), k -> new LinkedHashSet<>());
                folded.stream().filter(o -> !o.equals(t)).forEach(others::add);
            }
            List<String> words = folded.stream().filter(t -> t.matches("[a-z0-9]+")).map(SearchText::stem).toList();
            for (String w : words) {
                Set<String> others = byStem.computeIfAbsent(w, k -> new LinkedHashSet<>());
                words.stream().filter(o -> !o.equals(w)).forEach(others::add);
            }
        }
    }

    /** The list shipped with the app, read once. */
    static Synonyms bundled() {
        return Bundled.LIST;
    }

    private static final class Bundled {
        static final Synonyms LIST = read();

        private static Synonyms read() {
            try (InputStream in = Synonyms.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " is not on the class path");
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Rows {@code terms,note}; a group needs two terms and a note. */
    static Synonyms parse(String csv) {
        List<List<String>> groups = new ArrayList<>();
        int line = 1;
        for (Map<String, String> r : Csv.records(csv)) {
            line++;
            List<String> terms = List.of(r.getOrDefault("terms", "").split("\\|")).stream().map(String::strip)
                    .filter(t -> !t.isEmpty()).toList();
            if (terms.size() < 2) throw new IllegalArgumentException(RESOURCE + " line " + line + ": a group needs two terms");
            if (r.getOrDefault("note", "").isBlank()) throw new IllegalArgumentException(RESOURCE + " line " + line + ": a group needs its note");
            groups.add(terms);
        }
        return new Synonyms(groups);
    }

    /** The other terms of every group that holds this folded term (English compared by stems: "schools" is "school"). */
    Set<String> of(String foldedTerm) {
        return byTerm.getOrDefault(key(foldedTerm), Set.of());
    }

    /** Chinese as it is, English as its stems: one key for "forest cover" and "Forest covers". */
    private static String key(String folded) {
        if (SearchText.hasHan(folded)) return folded;
        List<String> stems = SearchText.tokens(folded).stream().map(SearchText.Token::stem).toList();
        return stems.isEmpty() ? folded : String.join(" ", stems);
    }

    /** The other one-word English stems of every group that holds this stem. */
    Set<String> ofStem(String stem) {
        return byStem.getOrDefault(stem, Set.of());
    }
}
