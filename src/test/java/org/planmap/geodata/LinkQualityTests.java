package org.planmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.StoredFeature;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanParser;
import org.planmap.system.Csv;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text → map links of the real plan and geodata against two hand-made lists (method and figures in
 * docs/links.md):
 * <ul>
 *   <li>{@code links/labelled-links.csv}: every link the linker of main@87bc80e made and every link this linker
 *       makes, each labelled correct / incorrect / too-coarse with the reason. Precision is the share of
 *       labelled links made now that are correct; links made now without a label are listed so they can be
 *       labelled, and may not exceed 10 %.</li>
 *   <li>{@code links/recall.csv}: every place mention in ch.4 §1 and ch.16–18 (with 专栏8 and 9) that should
 *       link, with the features that would be right; mentions of places that have no feature are kept with an
 *       empty target and not counted.</li>
 * </ul>
 */
class LinkQualityTests {
    static final Set<String> LABELS = Set.of("correct", "incorrect", "too-coarse");
    static PlanDocument plan;
    static List<PlanRef> links;
    static List<Map<String, String>> labelled;
    static List<Map<String, String>> recall;
    static Set<String> featureIds;

    record Link(String paragraphId, int start, int end, String featureId) { }

    @BeforeAll
    static void link() throws IOException {
        String dir = System.getenv("PLANMAP_PROJECT_DIR");
        Path geodata = Path.of(dir != null ? dir : System.getProperty("user.dir")).resolve("geodata");
        JsonMapper json = JsonMapper.builder().build();
        plan = PlanParser.parse(Files.readString(geodata.resolve(GeodataLoader.PLAN_FILE)), GeodataLoader.PLAN_FILE);
        List<StoredFeature> features = new ArrayList<>();
        for (String c : new CollectionRegistry().all().stream().map(CollectionDef::id).toList()) {
            features.addAll(FeatureFileReader.read(json, c, Files.readString(geodata.resolve(c + ".geojson")), c));
        }
        links = PlanLinker.mentions(plan, features, new CollectionRegistry());
        featureIds = features.stream().map(StoredFeature::id).collect(java.util.stream.Collectors.toSet());
        labelled = resource("labelled-links.csv");
        recall = resource("recall.csv");
    }

    /** The linker skips a row whose feature is missing (so a staff deletion cannot stop a rebuild): catch typos here. */
    @Test
    void everyPlaceNameRowTargetsAShippedFeature() {
        List<String> stale = PlaceNames.bundled().entries().stream()
                .filter(e -> e.relation() != PlaceNames.Relation.OTHER && !featureIds.contains(e.featureId()))
                .map(e -> e.name() + " -> " + e.featureId()).toList();
        assertThat(stale).isEmpty();
    }

    @Test
    void labelsQuoteThePlanText() {
        for (Map<String, String> r : labelled) {
            String text = paragraph(r.get("paragraphId"));
            assertThat(text.substring(Integer.parseInt(r.get("start")), Integer.parseInt(r.get("end"))))
                    .as("phrase of %s", r).isEqualTo(r.get("phrase"));
            assertThat(r.get("label")).as("label of %s", r).isIn(LABELS);
            assertThat(r.get("reason")).as("reason of %s", r).isNotBlank();
        }
    }

    @Test
    void atLeast99PercentOfTheLinksAreCorrect() {
        // a row of this linker ("after", "both") outranks a row of the old one for the same link: the data may have
        // changed since (a site redrawn), and the old row keeps the label the before figure was measured with
        Map<Link, String> labels = new HashMap<>();
        for (Map<String, String> r : labelled) if (r.get("linker").equals("before")) labels.put(link(r), r.get("label"));
        for (Map<String, String> r : labelled) if (!r.get("linker").equals("before")) labels.put(link(r), r.get("label"));
        int correct = 0;
        int wrong = 0;
        List<String> unlabelled = new ArrayList<>();
        List<String> notCorrect = new ArrayList<>();
        for (PlanRef l : links) {
            Link key = new Link(l.paragraphId(), l.start(), l.end(), l.featureId());
            String label = labels.get(key);
            if (label == null) unlabelled.add(l.paragraphId() + "," + l.start() + "," + l.end() + "," + l.matchedName() + "," + l.featureId());
            else if (label.equals("correct")) correct++;
            else {
                wrong++;
                notCorrect.add(key + " " + label);
            }
        }
        double precision = correct / (double) (correct + wrong);
        System.out.printf("links: %d made, %d labelled, precision %.1f %% (%d not correct: %s)%n", links.size(),
                correct + wrong, 100 * precision, wrong, notCorrect);
        System.out.printf("links before (main@87bc80e, from the labels): %s%n", before());
        if (!unlabelled.isEmpty()) System.out.printf("links without a label (paragraphId,start,end,phrase,featureId):%n%s%n", String.join("\n", unlabelled));
        assertThat(unlabelled).as("links without a label (add them to labelled-links.csv)").hasSizeLessThanOrEqualTo(links.size() / 10);
        assertThat(precision).as("precision; not correct: %s", notCorrect).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void atLeast90PercentOfTheSpatialChaptersPlacesAreLinked() {
        Map<String, List<PlanRef>> byParagraph = new HashMap<>();
        for (PlanRef l : links) byParagraph.computeIfAbsent(l.paragraphId(), k -> new ArrayList<>()).add(l);
        Map<String, List<Link>> beforeByParagraph = new HashMap<>();
        for (Map<String, String> r : labelled) {
            if (!r.get("linker").equals("after")) beforeByParagraph.computeIfAbsent(r.get("paragraphId"), k -> new ArrayList<>()).add(link(r));
        }
        int expected = 0;
        int found = 0;
        int foundBefore = 0;
        List<String> missed = new ArrayList<>();
        for (Map<String, String> r : recall) {
            if (r.get("featureIds").isBlank()) continue;
            expected++;
            String p = r.get("paragraphId");
            int start = occurrence(paragraph(p), r.get("phrase"), Integer.parseInt(r.get("occurrence")));
            assertThat(start).as("%s in %s", r.get("phrase"), p).isGreaterThanOrEqualTo(0);
            int end = start + r.get("phrase").length();
            List<String> ids = List.of(r.get("featureIds").split("\\|"));
            boolean hit = byParagraph.getOrDefault(p, List.of()).stream()
                    .anyMatch(l -> l.start() < end && start < l.end() && ids.contains(l.featureId()));
            if (hit) found++;
            else missed.add(p + " " + r.get("phrase") + " → " + ids);
            if (beforeByParagraph.getOrDefault(p, List.of()).stream()
                    .anyMatch(l -> l.start() < end && start < l.end() && ids.contains(l.featureId()))) foundBefore++;
        }
        double recallNow = found / (double) expected;
        System.out.printf("recall ch.4 §1, ch.16–18: %d of %d (%.1f %%); before %d (%.1f %%); missed %s%n", found, expected,
                100 * recallNow, foundBefore, 100.0 * foundBefore / expected, missed);
        assertThat(recallNow).as("recall; missed %s", missed).isGreaterThanOrEqualTo(0.90);
    }

    /** Precision of the old linker's links, from their labels. */
    private static String before() {
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, String> r : labelled) if (!r.get("linker").equals("after")) counts.merge(r.get("label"), 1, Integer::sum);
        int all = counts.values().stream().mapToInt(Integer::intValue).sum();
        return String.format("%d links, %s, precision %.1f %%", all, counts, 100.0 * counts.getOrDefault("correct", 0) / all);
    }

    private static Link link(Map<String, String> r) {
        return new Link(r.get("paragraphId"), Integer.parseInt(r.get("start")), Integer.parseInt(r.get("end")), r.get("featureId"));
    }

    private static String paragraph(String id) {
        return plan.paragraph(id).orElseThrow(() -> new AssertionError("no paragraph " + id)).text();
    }

    /** Start of the k-th (1-based) occurrence of {@code phrase}, or -1. */
    private static int occurrence(String text, String phrase, int k) {
        int at = -1;
        for (int i = 0; i < k; i++) {
            at = text.indexOf(phrase, at + 1);
            if (at < 0) return -1;
        }
        return at;
    }

    private static List<Map<String, String>> resource(String name) throws IOException {
        try (var in = LinkQualityTests.class.getResourceAsStream("/links/" + name)) {
            if (in == null) throw new IOException("links/" + name + " is not on the test class path");
            return Csv.records(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
