package org.planmap.tour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Envelope;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;
import org.planmap.indicators.IndicatorCatalog;
import org.planmap.indicators.IndicatorLinks;
import org.planmap.indicators.QuantifiedTarget;
import org.planmap.plan.Paragraph;
import org.planmap.plan.PlanNode;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks the tour files of {@code planmap.tours.dir} on each call (they are small, and an edited file is
 * seen without a restart).
 *
 * <p>A tour file is JSON: {@code {"title": "…", "titleEn": "…", "description": "…", "steps": [step…]}}; a step is
 * {@code {"title": "…", "titleEn": "…", "section": "p6-c16-s1", "quote": "…", "sections": [...], "features": [...],
 * "collections": [...], "sectionFeatures": true}} (see {@code docs/tours.md}). A file is valid when it parses, has a
 * title and at least one step, and every step has a title, a known {@code section}, known ids in
 * {@code sections}/{@code features}/{@code collections}, something to show on the map, and a {@code quote} (if
 * given) that occurs verbatim in its section and has at most two sentences. Each problem names the file, the step
 * and the reason; a file with problems is left out of the list of tours.
 */
@Component
public class TourRepository {

    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；]");
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^[^。！？；]+[。！？；]?");

    private final TourProperties properties;
    private final JsonMapper json;
    private final IndicatorCatalog catalog;
    private final IndicatorLinks links;
    private final FeatureRepository features;
    private final CollectionRegistry collections;

    public TourRepository(TourProperties properties, JsonMapper json, IndicatorCatalog catalog, IndicatorLinks links,
            FeatureRepository features, CollectionRegistry collections) {
        this.properties = properties;
        this.json = json;
        this.catalog = catalog;
        this.links = links;
        this.features = features;
        this.collections = collections;
    }

    /** Valid tours and the problems of the others, in file-name order. */
    public record Listing(List<Tour> tours, List<TourProblem> problems) {
    }

    public Listing load() {
        List<Tour> tours = new ArrayList<>();
        List<TourProblem> problems = new ArrayList<>();
        Path dir = properties.dir();
        if (!Files.isDirectory(dir)) {
            problems.add(TourProblem.of(dir.toString(), null, "tour folder does not exist"));
            return new Listing(tours, problems);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            List<TourProblem> found = new ArrayList<>();
            Tour tour = read(file, found);
            if (found.isEmpty() && tour != null) {
                tours.add(tour);
            }
            problems.addAll(found);
        }
        return new Listing(tours, problems);
    }

    public Optional<Tour> find(String id) {
        return load().tours().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The problems of the tour file with this id ({@code id.json}), empty when it is valid or absent. */
    public List<TourProblem> problemsOf(String id) {
        return load().problems().stream().filter(p -> p.file().equals(id + ".json")).toList();
    }

    Tour read(Path path, List<TourProblem> problems) {
        String file = path.getFileName().toString();
        JsonNode root;
        try {
            root = json.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            problems.add(TourProblem.of(file, null, "not valid JSON" + where + ": " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(TourProblem.of(file, null, "cannot be read: " + e.getMessage()));
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(TourProblem.of(file, null, "must be a JSON object with \"title\" and \"steps\""));
            return null;
        }
        String title = text(root, "title");
        if (title == null) {
            problems.add(TourProblem.of(file, null, "missing title"));
        }
        JsonNode stepsNode = root.get("steps");
        if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
            problems.add(TourProblem.of(file, null, "missing steps (a non-empty array)"));
            return null;
        }
        List<Tour.Step> steps = new ArrayList<>();
        int n = 0;
        for (JsonNode s : stepsNode) {
            n++;
            Tour.Step step = step(file, n, s, problems);
            if (step != null) {
                steps.add(step);
            }
        }
        String id = file.substring(0, file.length() - ".json".length());
        return new Tour(id, file, title, text(root, "titleEn"), text(root, "description"), steps);
    }

    private Tour.Step step(String file, int n, JsonNode s, List<TourProblem> problems) {
        int before = problems.size();
        if (!s.isObject()) {
            problems.add(TourProblem.of(file, n, "a step must be a JSON object"));
            return null;
        }
        String title = text(s, "title");
        if (title == null) {
            problems.add(TourProblem.of(file, n, "missing title"));
        }
        String sectionId = text(s, "section");
        PlanNode section = null;
        if (sectionId == null) {
            problems.add(TourProblem.of(file, n, "missing section (the plan section id the step quotes)"));
        } else {
            section = catalog.plan().node(sectionId).orElse(null);
            if (section == null) {
                problems.add(TourProblem.of(file, n, "unknown section id '" + sectionId + "'"));
            }
        }
        List<String> sections = new ArrayList<>();
        if (sectionId != null) {
            sections.add(sectionId);
        }
        for (String id : strings(s, "sections")) {
            if (catalog.plan().node(id).isEmpty()) {
                problems.add(TourProblem.of(file, n, "unknown section id '" + id + "'"));
            } else if (!sections.contains(id)) {
                sections.add(id);
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        List<String> listed = strings(s, "features");
        for (String id : listed) {
            if (features.get(id).isEmpty()) {
                problems.add(TourProblem.of(file, n, "unknown feature id '" + id + "'"));
            } else {
                ids.add(id);
            }
        }
        List<String> cols = strings(s, "collections");
        for (String c : cols) {
            if (collections.find(c).isEmpty()) {
                problems.add(TourProblem.of(file, n, "unknown collection '" + c + "'"));
            } else {
                features.all(c).forEach(f -> ids.add(f.id()));
            }
        }
        boolean sectionFeatures = !s.has("sectionFeatures") || s.get("sectionFeatures").asBoolean();
        if (listed.isEmpty() && cols.isEmpty() && !sectionFeatures) {
            problems.add(TourProblem.of(file, n,
                    "nothing to show on the map: give features, collections or sectionFeatures: true"));
        }
        String quote = text(s, "quote");
        if (section != null) {
            String body = sectionText(section);
            if (quote == null) {
                quote = section.paragraphs().isEmpty() ? null : firstSentence(section.paragraphs().get(0).text());
            } else if (!squash(body).contains(squash(quote))) {
                problems.add(TourProblem.of(file, n, "quote is not in section " + sectionId + ": “"
                        + abbreviate(quote) + "”"));
            } else {
                int sentences = sentences(quote);
                if (sentences > 2) {
                    problems.add(TourProblem.of(file, n, "quote has " + sentences + " sentences, at most 2"));
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (sectionFeatures) {
            ids.addAll(links.featuresOfSections(sections));
        }
        List<String> featureIds = List.copyOf(ids);
        List<QuantifiedTarget> targets = sections.stream()
                .flatMap(id -> links.targets(id, null).stream())
                .limit(properties.maxTargets())
                .toList();
        return new Tour.Step(n, title, text(s, "titleEn"), sectionId,
                section.number() + " " + section.title(), List.copyOf(sections), quote, featureIds,
                bbox(featureIds), targets);
    }

    private double[] bbox(List<String> ids) {
        Envelope env = new Envelope();
        for (StoredFeature f : features.getAll(ids)) {
            env.expandToInclude(f.envelope());
        }
        return env.isNull() ? null : new double[] {env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY()};
    }

    private static String sectionText(PlanNode node) {
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : node.paragraphs()) {
            sb.append(p.text()).append('\n');
        }
        return sb.toString();
    }

    /** Sentences in a quote: sentence-ending marks, plus one for a trailing fragment. */
    static int sentences(String quote) {
        String q = quote.strip();
        Matcher m = SENTENCE_END.matcher(q);
        int count = 0;
        while (m.find()) {
            count++;
        }
        if (!q.isEmpty() && !SENTENCE_END.matcher(q.substring(q.length() - 1)).matches()) {
            count++;
        }
        return count;
    }

    private static String firstSentence(String text) {
        Matcher m = FIRST_SENTENCE.matcher(text);
        return m.find() ? m.group() : text;
    }

    private static String squash(String s) {
        return s.replaceAll("[\\s\u3000]+", "");
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            return null;
        }
        return v.asString().strip();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (e.isString()) {
                    out.add(e.asString().strip());
                }
            }
        }
        return out;
    }
}
