package org.planmap.tour;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.DataSnapshot;
import org.planmap.indicators.IndicatorLinks;
import org.planmap.indicators.QuantifiedTarget;
import org.planmap.plan.Paragraph;
import org.planmap.plan.PlanNode;

/**
 * Checks read tour files against one data snapshot and resolves the valid ones: a step needs a known
 * {@code section}, known ids in {@code sections}/{@code features}/{@code collections}, and a {@code quote} (if
 * given) that occurs verbatim in its section with at most two sentences. Each problem names the file, the step
 * and the reason, in the order a step is read (title, section, sections, features, collections, map, quote); a
 * file with problems is left out of the tours.
 */
final class TourResolver {
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；]");
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^[^。！？；]+[。！？；]?");

    private final DataSnapshot data;
    private final IndicatorLinks links;
    private final CollectionRegistry collections;
    private final int maxTargets;

    TourResolver(DataSnapshot data, IndicatorLinks links, CollectionRegistry collections, int maxTargets) {
        this.data = data;
        this.links = links;
        this.collections = collections;
        this.maxTargets = maxTargets;
    }

    /** The tour of one read file, or {@code null} when it has problems (added to {@code problems}). */
    Tour resolve(TourReader.Read read, List<TourProblem> problems) {
        String file = read.file();
        int before = problems.size();
        TourFile tour = read.tour();
        read.violations().forEach((path, reason) -> {
            if (tour == null || !path.startsWith("steps[")) problems.add(TourProblem.of(file, stepOf(path), reason));
        });
        if (tour == null || tour.steps() == null) return null;
        List<Tour.Step> steps = new ArrayList<>();
        for (int i = 0; i < tour.steps().size(); i++) {
            Tour.Step step = step(read, i, problems);
            if (step != null) steps.add(step);
        }
        if (problems.size() > before) return null;
        String id = file.substring(0, file.length() - ".json".length());
        return new Tour(id, file, tour.title(), tour.titleEn(), tour.description(), steps);
    }

    private Tour.Step step(TourReader.Read read, int index, List<TourProblem> problems) {
        String file = read.file();
        int n = index + 1;
        String at = "steps[" + index + "]";
        List<String> reasons = new ArrayList<>();
        TourFile.Step s = read.tour().steps().get(index);
        if (s == null) {
            reasons.add(read.violation(at));
            reasons.forEach(r -> problems.add(TourProblem.of(file, n, r)));
            return null;
        }
        addIfPresent(reasons, read.violation(at + ".title"));
        PlanNode section = null;
        if (s.section() == null) {
            addIfPresent(reasons, read.violation(at + ".section"));
        } else {
            section = data.plan().node(s.section()).orElse(null);
            if (section == null) reasons.add("unknown section id '" + s.section() + "'");
        }
        List<String> sections = new ArrayList<>();
        if (s.section() != null) sections.add(s.section());
        for (String id : s.sections()) {
            if (data.plan().node(id).isEmpty()) reasons.add("unknown section id '" + id + "'");
            else if (!sections.contains(id)) sections.add(id);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : s.features()) {
            if (data.feature(id).isEmpty()) reasons.add("unknown feature id '" + id + "'");
            else ids.add(id);
        }
        for (String c : s.collections()) {
            if (collections.find(c).isEmpty()) reasons.add("unknown collection '" + c + "'");
            else data.features(c).forEach(f -> ids.add(f.id()));
        }
        addIfPresent(reasons, read.violation(at + ".showingSomething"));
        String quote = s.quote();
        if (section != null) {
            if (quote == null) {
                quote = section.paragraphs().isEmpty() ? null : firstSentence(section.paragraphs().get(0).text());
            } else if (!squash(sectionText(section)).contains(squash(quote))) {
                reasons.add("quote is not in section " + s.section() + ": “" + abbreviate(quote) + "”");
            } else if (sentences(quote) > 2) {
                reasons.add("quote has " + sentences(quote) + " sentences, at most 2");
            }
        }
        if (!reasons.isEmpty()) {
            reasons.forEach(r -> problems.add(TourProblem.of(file, n, r)));
            return null;
        }
        if (s.withSectionFeatures()) ids.addAll(links.featuresOfSections(sections));
        List<String> featureIds = List.copyOf(ids);
        List<QuantifiedTarget> targets = sections.stream()
                .flatMap(id -> links.targets(id, null).stream())
                .limit(maxTargets)
                .toList();
        return new Tour.Step(n, s.title(), s.titleEn(), s.section(), section.number() + " " + section.title(),
                List.copyOf(sections), quote, featureIds, bbox(featureIds), targets);
    }

    /** The 1-based step of a violation path ({@code steps[1].title} → 2), or null for the file as a whole. */
    private static Integer stepOf(String path) {
        if (!path.startsWith("steps[")) return null;
        return Integer.parseInt(path.substring(6, path.indexOf(']'))) + 1;
    }

    private static void addIfPresent(List<String> reasons, String reason) {
        if (reason != null) reasons.add(reason);
    }

    private double[] bbox(List<String> ids) {
        Envelope env = new Envelope();
        for (String id : ids) data.feature(id).map(StoredFeature::envelope).ifPresent(env::expandToInclude);
        return env.isNull() ? null : new double[] {env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY()};
    }

    private static String sectionText(PlanNode node) {
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : node.paragraphs()) sb.append(p.text()).append('\n');
        return sb.toString();
    }

    /** Sentences in a quote: sentence-ending marks, plus one for a trailing fragment. */
    static int sentences(String quote) {
        String q = quote.strip();
        Matcher m = SENTENCE_END.matcher(q);
        int count = 0;
        while (m.find()) count++;
        if (!q.isEmpty() && !SENTENCE_END.matcher(q.substring(q.length() - 1)).matches()) count++;
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
}
