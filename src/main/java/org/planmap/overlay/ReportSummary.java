package org.planmap.overlay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks what an overlay report says, so that a reader sees the few things that matter first (issue #12 item 8: a
 * 4 km² parcel used to give 40 quotes, one paragraph four times, and targets of places kilometres away).
 *
 * <p><b>Relevance of a plan feature</b> to the planner's geometry, between 0 and 1:
 * <ul>
 * <li>a plan area the geometry lies in: its layer's weight × the share of the geometry inside it (at least 0.25, so a
 *     sliver still counts a little). Layer weights: showcase areas and demonstration zones 1 (they are specific),
 *     Science City 0.8, the four ch. 16 zones 0.5 (they partition the whole district, so lying in one says little);</li>
 * <li>a project site inside or touching the geometry: {@value #SITE_INSIDE};</li>
 * <li>a project site within the radius: {@value #SITE_NEARBY} × (1 − distance ÷ radius), so a site at the edge of the
 *     radius counts for almost nothing.</li>
 * </ul>
 * <b>A plan paragraph</b> scores its most relevant feature's relevance, × {@value #MENTION} when the feature is only
 * mentioned there (found by the gazetteer) rather than declared, + {@value #PER_EXTRA_FEATURE} for each further
 * feature it speaks of. Each paragraph is listed once; a reference to a whole node without a paragraph is dropped when
 * a paragraph of that node is listed. <b>A target</b> is relevant when its paragraph is one of those paragraphs or its
 * sentence names the feature, and it scores that feature's relevance; targets tied only through their section (a
 * column's target about another place in the same column) stay in the details.
 */
final class ReportSummary {
    /** Passages in the summary. */
    static final int PASSAGES = 5;
    /** Targets in the summary. */
    static final int TARGETS = 3;
    static final double SITE_INSIDE = 0.6;
    static final double SITE_NEARBY = 0.4;
    static final double MENTION = 0.7;
    static final double PER_EXTRA_FEATURE = 0.05;
    private static final Map<String, Double> LAYER_WEIGHT = Map.of("zones", 0.5, "science-city", 0.8,
            "showcase-areas", 1.0, "demonstration-zones", 1.0);

    private ReportSummary() { }

    /** A plan feature's relevance and why (see the class comment). */
    record Relevance(double weight, String relation, Double distanceM) {
        Relevance max(Relevance other) {
            return other == null || weight >= other.weight ? this : other;
        }
    }

    /** The relevance of every touched or nearby plan feature of one planner feature. */
    static Map<String, Relevance> relevance(List<OverlayReport.Touch> touches, List<OverlayReport.Nearby> nearby, double radius) {
        Map<String, Relevance> out = new HashMap<>();
        for (OverlayReport.Touch t : touches) {
            double share = t.shareOfProject() == null ? 1 : t.shareOfProject();
            double w = LAYER_WEIGHT.getOrDefault(t.collection(), 0.5) * Math.max(0.25, Math.min(1, share));
            out.merge(t.id(), new Relevance(w, "area", null), Relevance::max);
        }
        for (OverlayReport.Nearby n : nearby) {
            Relevance r = n.distanceM() <= 0 ? new Relevance(SITE_INSIDE, "inside", null)
                    : new Relevance(SITE_NEARBY * Math.max(0, 1 - n.distanceM() / Math.max(radius, 1)), "nearby", n.distanceM());
            out.merge(n.id(), r, Relevance::max);
        }
        return out;
    }

    /** One paragraph (or a whole node, when a reference names no paragraph) with the references to it. */
    private static final class Gathered {
        final OverlayReport.PlanRef first;
        final Map<String, OverlayReport.PlanRef> byFeature = new LinkedHashMap<>();
        double score;
        Relevance best;
        final int order;

        Gathered(OverlayReport.PlanRef first, int order) {
            this.first = first;
            this.order = order;
        }
    }

    /** The paragraphs the references name, each once, best first (see the class comment). */
    private static List<Gathered> gather(List<OverlayReport.PlanRef> refs, Map<String, Relevance> relevance) {
        Map<String, Gathered> byKey = new LinkedHashMap<>();
        for (OverlayReport.PlanRef r : refs) {
            String key = r.paragraphId() != null ? r.paragraphId() : "node:" + r.nodeId();
            Gathered g = byKey.computeIfAbsent(key, k -> new Gathered(r, byKey.size()));
            g.byFeature.putIfAbsent(r.featureId(), r);
        }
        Set<String> nodesWithParagraphs = new HashSet<>();
        byKey.values().forEach(g -> { if (g.first.paragraphId() != null) nodesWithParagraphs.add(g.first.nodeId()); });
        List<Gathered> out = new ArrayList<>();
        for (Gathered g : byKey.values()) {
            if (g.first.paragraphId() == null && nodesWithParagraphs.contains(g.first.nodeId())) continue;
            double best = 0;
            for (OverlayReport.PlanRef r : g.byFeature.values()) {
                Relevance rel = relevance.get(r.featureId());
                if (rel == null) continue;
                double score = rel.weight() * ("mention".equals(r.kind()) ? MENTION : 1);
                if (g.best == null || score > best) {
                    best = score;
                    g.best = rel;
                }
            }
            g.score = best + PER_EXTRA_FEATURE * (g.byFeature.size() - 1);
            out.add(g);
        }
        out.sort(Comparator.comparingDouble((Gathered g) -> -g.score).thenComparingInt(g -> g.order));
        return out;
    }

    /** A planner feature's plan references for the details: each paragraph once, the most relevant first. */
    static List<OverlayReport.PlanRef> orderPlan(List<OverlayReport.PlanRef> refs, Map<String, Relevance> relevance) {
        return gather(refs, relevance).stream().map(g -> g.first).toList();
    }

    /** The planner feature's targets, those tied to its paragraphs or named places first (see the class comment). */
    static List<OverlayReport.Target> orderTargets(List<OverlayReport.Target> targets, List<OverlayReport.PlanRef> refs,
                                                   Map<String, Relevance> relevance) {
        Map<OverlayReport.Target, Double> score = new HashMap<>();
        targets.forEach(t -> score.put(t, directScore(t, refs, relevance)));
        List<OverlayReport.Target> out = new ArrayList<>(targets);
        out.sort(Comparator.comparingDouble((OverlayReport.Target t) -> -score.get(t)));
        return out;
    }

    /** The relevance of the best feature a target is tied to by paragraph or by name; 0 when only by its section. */
    private static double directScore(OverlayReport.Target t, List<OverlayReport.PlanRef> refs, Map<String, Relevance> relevance) {
        double best = 0;
        for (OverlayReport.PlanRef r : refs) {
            Relevance rel = relevance.get(r.featureId());
            if (rel == null || !t.featureIds().contains(r.featureId())) continue;
            boolean sameParagraph = r.paragraphId() != null && t.id().startsWith(r.paragraphId() + "-t");
            boolean named = r.featureName() != null && t.sentence() != null && t.sentence().contains(r.featureName());
            if (sameParagraph || named) best = Math.max(best, rel.weight());
        }
        return best;
    }

    /**
     * The summary of the whole overlay. {@code features} are the finished per-feature reports; {@code relevance} and
     * {@code refs} (every plan reference of its touched and nearby features, before {@link #orderPlan}) are each one's,
     * in the same order.
     */
    static OverlayReport.Summary summarize(List<OverlayReport.FeatureReport> features, List<Map<String, Relevance>> relevance,
                                           List<List<OverlayReport.PlanRef>> refsOf) {
        double area = features.stream().mapToDouble(f -> f.areaM2() == null ? 0 : f.areaM2()).sum();
        double length = features.stream().mapToDouble(f -> f.lengthM() == null ? 0 : f.lengthM()).sum();
        String measure = area > 0 ? "area" : length > 0 ? "length" : "count";

        Map<String, OverlayReport.Share> shares = new LinkedHashMap<>();
        for (OverlayReport.FeatureReport f : features) {
            for (OverlayReport.Touch t : f.touches()) {
                OverlayReport.Share s = shares.get(t.id());
                double a = nz(t.areaM2()) + (s == null ? 0 : nz(s.areaM2()));
                double l = nz(t.lengthM()) + (s == null ? 0 : nz(s.lengthM()));
                Double zoneShare = t.shareOfZone() == null ? null : nz(t.shareOfZone()) + (s == null ? 0 : nz(s.shareOfZone()));
                Double projectShare = switch (measure) {
                    case "area" -> t.areaM2() == null ? null : a / area;
                    case "length" -> f.lengthM() == null ? null : l / length;
                    default -> null;
                };
                shares.put(t.id(), new OverlayReport.Share(t.id(), t.collection(), t.name(), t.nameEn(), t.accuracy(),
                        a > 0 ? OverlayAnalysis.round(a, 1) : null, a > 0 ? OverlayAnalysis.round(a / 10_000, 4) : null,
                        l > 0 ? OverlayAnalysis.round(l, 1) : null, projectShare == null ? null : OverlayAnalysis.round(projectShare, 4),
                        zoneShare == null ? null : OverlayAnalysis.round(zoneShare, 4)));
            }
        }
        Comparator<OverlayReport.Share> byShare = Comparator.comparingDouble(s -> -(s.shareOfProject() == null ? 0 : s.shareOfProject()));
        List<OverlayReport.Share> zones = shares.values().stream().filter(s -> "zones".equals(s.collection())).sorted(byShare).toList();
        List<OverlayReport.Share> areas = shares.values().stream().filter(s -> !"zones".equals(s.collection())).sorted(byShare).toList();

        // passages and targets of all planner features together: each paragraph once, its best score
        Map<String, Relevance> all = new HashMap<>();
        List<OverlayReport.PlanRef> refs = new ArrayList<>();
        Set<String> inside = new HashSet<>();
        Set<String> nearby = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            relevance.get(i).forEach((id, r) -> all.merge(id, r, Relevance::max));
            refs.addAll(refsOf.get(i));
            features.get(i).nearbySites().forEach(n -> (n.distanceM() <= 0 ? inside : nearby).add(n.id()));
        }
        nearby.removeAll(inside);
        List<Gathered> gathered = gather(refs, all);
        List<OverlayReport.Passage> passages = gathered.stream().filter(g -> g.first.sentence() != null && g.best != null)
                .limit(PASSAGES).map(ReportSummary::passage).toList();

        Map<String, OverlayReport.Target> targets = new LinkedHashMap<>();
        Map<String, Double> targetScore = new HashMap<>();
        for (OverlayReport.FeatureReport f : features) {
            for (OverlayReport.Target t : f.targets()) {
                targets.putIfAbsent(t.id(), t);
                targetScore.merge(t.id(), directScore(t, refs, all), Math::max);
            }
        }
        List<OverlayReport.Target> topTargets = targets.values().stream()
                .filter(t -> targetScore.get(t.id()) > 0 && closeBy(t, all))
                .sorted(Comparator.comparingDouble((OverlayReport.Target t) -> -targetScore.get(t.id())))
                .limit(TARGETS).toList();
        return new OverlayReport.Summary(measure, area > 0 ? OverlayAnalysis.round(area, 1) : null,
                area > 0 ? OverlayAnalysis.round(area / 10_000, 4) : null, length > 0 ? OverlayAnalysis.round(length, 1) : null,
                zones, areas, passages, topTargets, inside.size(), nearby.size(), gathered.size(), targets.size());
    }

    /** Whether a target concerns an area the overlay lies in or a site inside it (not only sites further away). */
    private static boolean closeBy(OverlayReport.Target t, Map<String, Relevance> relevance) {
        return t.featureIds().stream().map(relevance::get).anyMatch(r -> r != null && !"nearby".equals(r.relation()));
    }

    private static OverlayReport.Passage passage(Gathered g) {
        OverlayReport.PlanRef r = g.first;
        // a site that copies an area's outline has its name: name each place once
        Map<String, OverlayReport.PlanRef> byName = new LinkedHashMap<>();
        g.byFeature.values().forEach(p -> byName.putIfAbsent(p.featureName(), p));
        List<OverlayReport.PlanRef> all = List.copyOf(byName.values());
        return new OverlayReport.Passage(r.nodeId(), r.title(), r.paragraphId(), r.sentence(), r.kind(), g.best.relation(),
                g.best.distanceM(), all.stream().map(OverlayReport.PlanRef::featureId).toList(),
                all.stream().map(OverlayReport.PlanRef::featureName).toList(),
                all.stream().map(p -> p.featureNameEn() == null ? "" : p.featureNameEn()).toList());
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }
}
