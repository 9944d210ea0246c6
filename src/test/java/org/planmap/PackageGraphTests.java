package org.planmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph of {@code src/main/java/org/planmap} (docs/architecture.md, "Package graph"): read from the
 * sources with the JDK alone — import lines, and fully qualified names in code outside comments — so it needs no
 * build and no tool. A dependency of package A on package B is any file of A that names a type of B.
 *
 * <p>Run alone: {@code mvn -o -q test -Dtest=PackageGraphTests}.
 */
class PackageGraphTests {
    static final Path SOURCES = Path.of("src/main/java/org/planmap");

    /**
     * The floors of docs/architecture.md, lowest first. A package may use packages on its own floor or below, never
     * above; a package not listed here (a subpackage such as {@code geo.build} included) is only held to having no
     * cycle.
     */
    static final Map<String, Integer> FLOOR = Map.ofEntries(
            Map.entry("geo", 0), Map.entry("system", 0),
            Map.entry("plan", 1), Map.entry("features", 1),
            Map.entry("geodata", 2),
            Map.entry("ogcapi", 3), Map.entry("overlay", 3), Map.entry("export", 3), Map.entry("search", 3),
            Map.entry("indicators", 3), Map.entry("tour", 3),
            Map.entry("audit", 4), Map.entry("account", 4),
            Map.entry("consultation", 5), Map.entry("progress", 5), Map.entry("editing", 5));

    /** Pairs on one floor that must not depend on each other either way. */
    static final List<List<String>> APART = List.of(List.of("plan", "features"));

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?org\\.planmap\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z*]",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])org\\.planmap\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    // unrolled ("normal* (special normal*)*"): an alternation inside * recursed once per character and overflowed the
    // stack on a long string literal
    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"");

    @Test
    void noPackageCycle() {
        Map<String, Set<String>> graph = graph();
        assertThat(graph).as("packages read from " + SOURCES).containsKeys("plan", "features", "geodata");
        assertThat(cycles(graph)).as("package cycles (each line: packages that depend on each other)").isEmpty();
    }

    @Test
    void noArrowRunsUp() {
        List<String> up = new ArrayList<>();
        graph().forEach((from, targets) -> targets.forEach(to -> {
            Integer a = FLOOR.get(from);
            Integer b = FLOOR.get(to);
            if (a != null && b != null && b > a) up.add(from + " (floor " + a + ") -> " + to + " (floor " + b + ")");
        }));
        assertThat(up).as("dependencies on a higher floor").isEmpty();
    }

    @Test
    void planAndFeaturesKnowNothingOfEachOther() {
        Map<String, Set<String>> graph = graph();
        List<String> found = new ArrayList<>();
        for (List<String> pair : APART) {
            for (int i = 0; i < 2; i++) {
                String a = pair.get(i);
                String b = pair.get(1 - i);
                if (graph.getOrDefault(a, Set.of()).contains(b)) found.add(a + " -> " + b + ": " + witnesses(a, b));
            }
        }
        assertThat(found).isEmpty();
    }

    /** Package (relative to org.planmap, e.g. {@code geo.build}) → the packages it uses. */
    static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Path file : javaFiles()) {
            String from = packageOf(file);
            if (from.isEmpty()) continue;
            Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (String to : uses(file)) {
                if (!to.equals(from)) targets.add(to);
            }
        }
        return graph;
    }

    /** The packages one source file names: its imports, and qualified names in its code. */
    static Set<String> uses(Path file) {
        String text = read(file);
        Set<String> out = new TreeSet<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) out.add(m.group(1));
        String code = STRING.matcher(COMMENT.matcher(text).replaceAll(" ")).replaceAll("\"\"");
        code = IMPORT.matcher(code).replaceAll("");
        Matcher q = QUALIFIED.matcher(code);
        while (q.find()) out.add(q.group(1));
        return out;
    }

    /** Strongly connected components of more than one package, as "a, b, c". */
    static List<String> cycles(Map<String, Set<String>> graph) {
        // Tarjan's algorithm
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<String> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) connect(v, graph, index, low, stack, onStack, counter, out);
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, int[] counter, List<String> out) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, counter, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) out.add(String.join(", ", component) + " — e.g. " + witnessesAround(component));
        }
    }

    private static String witnessesAround(Set<String> component) {
        List<String> out = new ArrayList<>();
        for (String a : component) {
            for (String b : component) {
                if (!a.equals(b) && !witnesses(a, b).isEmpty()) out.add(a + " -> " + b + " in " + witnesses(a, b));
            }
        }
        return String.join("; ", out);
    }

    /** The files of package {@code from} that use package {@code to}. */
    private static List<String> witnesses(String from, String to) {
        return javaFiles().stream().filter(f -> packageOf(f).equals(from) && uses(f).contains(to))
                .map(f -> SOURCES.relativize(f).toString()).toList();
    }

    private static String packageOf(Path file) {
        Path dir = SOURCES.relativize(file).getParent();
        return dir == null ? "" : dir.toString().replace(java.io.File.separatorChar, '.');
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
