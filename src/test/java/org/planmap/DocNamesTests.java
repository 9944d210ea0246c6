package org.planmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages that describe the code name only code that exists: every backticked name in UpperCamelCase
 * ({@code `PlanIndex`}, {@code `DataSnapshot.View`}, {@code `OgcApiContract.limitAboveTheMaximumIsClampedNotRefused`})
 * in {@code docs/*.md}, {@code geodata/README.md} and {@code web/js/README.md} must be a class, record, interface or
 * enum declared in a {@code .java} file of this repository, and each {@code .member} after it must occur in that
 * file. Code blocks are skipped.
 */
class DocNamesTests {
    /**
     * Backticked UpperCamelCase words that are not types of this repository: an HTTP header, JSON's non-numbers, and
     * classes of the libraries we use where a page says what we do with them. Add a word here only when it names
     * something outside our code.
     */
    static final Set<String> NOT_OURS = Set.of(
            "Accept", "NaN", "Infinity",              // an HTTP header; numbers JSON cannot carry
            "CookieCsrfTokenRepository",              // Spring Security (web/js/README.md: the CSRF cookie's names)
            "ProblemDetail", "ErrorResponseException", // Spring Framework (docs/architecture.md: what the errors are built on)
            "ForwardedHeaderFilter");                 // Spring Framework (docs/ogcapi.md: how X-Forwarded-Prefix is read)

    private static final Pattern NAME = Pattern.compile("`([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*)((?:[.#][A-Za-z_][A-Za-z0-9_]*)*)(?:\\(\\))?`");
    private static final Pattern FENCE = Pattern.compile("^```.*?^```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z][A-Za-z0-9]*)");

    @Test
    void everyClassTheDocsNameExists() {
        Map<String, Path> declared = declaredTypes();
        assertThat(declared).containsKeys("PlanIndex", "DataSnapshots");
        List<String> missing = new ArrayList<>();
        for (Path page : pages()) {
            String text = FENCE.matcher(read(page)).replaceAll("");
            Matcher m = NAME.matcher(text);
            while (m.find()) {
                String type = m.group(1);
                if (NOT_OURS.contains(type)) continue;
                Path file = declared.get(type);
                if (file == null) {
                    missing.add(page + ": `" + m.group(0).replace("`", "") + "` — no such class");
                    continue;
                }
                String source = read(file);
                for (String member : m.group(2).split("[.#]")) {
                    if (!member.isEmpty() && !Pattern.compile("\\b" + Pattern.quote(member) + "\\b").matcher(source).find()) {
                        missing.add(page + ": `" + m.group(0).replace("`", "") + "` — " + type + " has no " + member);
                    }
                }
            }
        }
        assertThat(missing).as("names in the docs that the code does not have").isEmpty();
    }

    static List<Path> pages() {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.add(Path.of("geodata/README.md"));
        out.add(Path.of("web/js/README.md"));
        return out;
    }

    /** Simple name → file of every type declared in a .java file of the repository (outside build output). */
    static Map<String, Path> declaredTypes() {
        Map<String, Path> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .forEach(p -> {
                        Matcher m = DECLARATION.matcher(read(p));
                        while (m.find()) out.putIfAbsent(m.group(1), p);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
