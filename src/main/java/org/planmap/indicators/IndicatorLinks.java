package org.planmap.indicators;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.planmap.features.FeatureSummary;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.DataSnapshot;
import org.planmap.plan.PlanDocument;

/**
 * Ties indicators and quantified targets to the map features of one data snapshot, for the indicator endpoints,
 * the feature panel ({@code /api/features/{id}} includes {@link #indicatorsForFeature} and
 * {@link #targetsForFeature}), the tours and the overlay report. Built once per snapshot ({@link Indicators}).
 *
 * <p>An indicator concerns the features listed for it in {@code geodata/indicators/indicator-zones.csv}. A
 * target concerns the features whose {@code planRefs} point at the target's section (a section id, the id of a
 * paragraph in it, or for a column its id or one of its item ids). Context collections ({@code context-*}) are
 * never linked.
 */
public final class IndicatorLinks {

    private final IndicatorCatalog catalog;
    private final DataSnapshot data;
    private final Map<String, Set<String>> featuresBySection;
    private final List<QuantifiedTarget> targets;

    /** An indicator that concerns a feature, as the feature panel shows it. */
    public record FeatureIndicator(String id, String tableId, int table, String name, String unit, String target, String result,
            Outcome outcome, String reason) {
    }

    /** A feature an indicator is tied to, with the reason given in {@code indicator-zones.csv}. */
    public record FeatureRef(@JsonUnwrapped FeatureSummary feature, String reason) {
    }

    IndicatorLinks(IndicatorCatalog catalog, DataSnapshot data) {
        this.catalog = catalog;
        this.data = data;
        this.featuresBySection = featuresBySection(catalog.plan(), data);
        this.targets = catalog.targets().stream()
                .map(t -> t.withFeatures(List.copyOf(featuresBySection.getOrDefault(t.sectionId(), Set.of()))))
                .toList();
    }

    public IndicatorCatalog catalog() {
        return catalog;
    }

    /** Indicators listed for this feature in {@code indicator-zones.csv}, in table order. */
    public List<FeatureIndicator> indicatorsForFeature(String featureId) {
        List<FeatureIndicator> out = new ArrayList<>();
        for (IndicatorCatalog.ZoneLink link : catalog.zoneLinks()) {
            if (!link.featureId().equals(featureId)) {
                continue;
            }
            catalog.plan().indicator(link.indicatorId()).ifPresent(row -> out.add(new FeatureIndicator(row.id(),
                    "table-" + row.table(), row.table(), row.name(), row.unit(), row.target() == null ? null : row.target().text(),
                    row.result() == null ? null : row.result().text(),
                    row.result() == null ? null : catalog.comparison(row).outcome(), link.reason())));
        }
        return out;
    }

    /** Quantified targets of the sections this feature refers to, each with all its features. */
    public List<QuantifiedTarget> targetsForFeature(String featureId) {
        return targets.stream().filter(t -> t.features().contains(featureId)).toList();
    }

    /** All targets with their features; optionally only those of one section (and below) or one feature. */
    public List<QuantifiedTarget> targets(String sectionId, String featureId) {
        return targets.stream()
                .filter(t -> sectionId == null || t.sectionId().equals(sectionId)
                        || t.sectionId().startsWith(sectionId + "-"))
                .filter(t -> featureId == null || t.features().contains(featureId))
                .toList();
    }

    /** Features tied to an indicator by {@code indicator-zones.csv} that exist in the snapshot. */
    public List<FeatureRef> featuresForIndicator(String indicatorId) {
        List<FeatureRef> out = new ArrayList<>();
        for (IndicatorCatalog.ZoneLink link : catalog.zoneLinks()) {
            if (link.indicatorId().equals(indicatorId)) {
                data.feature(link.featureId()).ifPresent(f -> out.add(new FeatureRef(FeatureSummary.of(f), link.reason())));
            }
        }
        return out;
    }

    /** Mapping rows whose indicator or feature id is unknown (reported by {@code GET /api/indicators}). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        int line = 1;
        for (IndicatorCatalog.ZoneLink link : catalog.zoneLinks()) {
            line++;
            if (catalog.plan().indicator(link.indicatorId()).isEmpty()) {
                problems.add("indicator-zones.csv line " + line + ": unknown indicator id '" + link.indicatorId()
                        + "'");
            }
            if (data.feature(link.featureId()).isEmpty()) {
                problems.add("indicator-zones.csv line " + line + ": unknown feature id '" + link.featureId() + "'");
            }
        }
        return problems;
    }

    /** Plan node id → ids of the (non-context) features that refer to it. */
    public Map<String, Set<String>> featuresBySection() {
        return featuresBySection;
    }

    /** Ids of the features that refer to any of these plan nodes. */
    public Set<String> featuresOfSections(Collection<String> sectionIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String s : sectionIds) {
            ids.addAll(featuresBySection.getOrDefault(s, Set.of()));
        }
        return ids;
    }

    private static Map<String, Set<String>> featuresBySection(PlanDocument plan, DataSnapshot data) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (StoredFeature f : data.features()) {
            if (f.collection().startsWith("context-")) {
                continue;
            }
            for (String ref : planRefs(f)) {
                nodeOf(plan, ref).ifPresent(node -> out.computeIfAbsent(node, k -> new LinkedHashSet<>()).add(f.id()));
            }
        }
        out.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return Collections.unmodifiableMap(out);
    }

    private static Optional<String> nodeOf(PlanDocument plan, String ref) {
        if (plan.node(ref).isPresent()) {
            return Optional.of(ref);
        }
        if (ref.matches("col-\\d+-item-\\d+")) {
            return Optional.of(ref.replaceAll("-item-\\d+$", ""));
        }
        if (ref.contains("-para-")) {
            return Optional.of(ref.substring(0, ref.indexOf("-para-")));
        }
        return Optional.empty();
    }

    private static List<String> planRefs(StoredFeature f) {
        Object refs = f.properties() == null ? null : f.properties().get("planRefs");
        if (refs instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
