package org.planmap.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.PlanDocument;
import org.springframework.stereotype.Component;

/**
 * Ties indicators and quantified targets to map features, for the indicator endpoints and for the feature panel
 * ({@code /api/features/{id}} may include {@link #indicatorsForFeature} and {@link #targetsForFeature}).
 *
 * <p>An indicator concerns the features listed for it in {@code geodata/indicators/indicator-zones.csv}. A
 * target concerns the features whose {@code planRefs} point at the target's section (a section id, the id of a
 * paragraph in it, or for a column its id or one of its item ids). Context collections ({@code context-*}) are
 * never linked. Features are read from the store on each call, so a reload of the geodata is seen at once.
 *
 * <p>The bean is named {@code indicatorFeatureLinks}: the overlay package has a placeholder class of the same
 * simple name ({@code org.planmap.overlay.IndicatorLinks}) whose default bean name would clash.
 */
@Component("indicatorFeatureLinks")
public class IndicatorLinks {

    private final IndicatorCatalog catalog;
    private final FeatureRepository features;
    private final CollectionRegistry registry;

    /** An indicator that concerns a feature, as the feature panel shows it. */
    public record FeatureIndicator(String id, String tableId, int table, String name, String unit, String target, String result,
            Outcome outcome, String reason) {
    }

    /** A feature an indicator or a target is tied to. */
    public record FeatureRef(String id, String name, String collection, String reason, double[] bbox) {
    }

    public IndicatorLinks(IndicatorCatalog catalog, FeatureRepository features, CollectionRegistry registry) {
        this.catalog = catalog;
        this.features = features;
        this.registry = registry;
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

    /** Quantified targets of the sections this feature refers to. */
    public List<QuantifiedTarget> targetsForFeature(String featureId) {
        Map<String, Set<String>> bySection = featuresBySection();
        return catalog.targets().stream()
                .filter(t -> bySection.getOrDefault(t.sectionId(), Set.of()).contains(featureId))
                .map(t -> t.withFeatures(List.copyOf(bySection.get(t.sectionId()))))
                .toList();
    }

    /** All targets with their features; optionally only those of one section or one feature. */
    public List<QuantifiedTarget> targets(String sectionId, String featureId) {
        Map<String, Set<String>> bySection = featuresBySection();
        return catalog.targets().stream()
                .filter(t -> sectionId == null || t.sectionId().equals(sectionId)
                        || t.sectionId().startsWith(sectionId + "-"))
                .map(t -> t.withFeatures(List.copyOf(bySection.getOrDefault(t.sectionId(), Set.of()))))
                .filter(t -> featureId == null || t.features().contains(featureId))
                .toList();
    }

    /** Features tied to an indicator by {@code indicator-zones.csv} that exist in the store. */
    public List<FeatureRef> featuresForIndicator(String indicatorId) {
        List<FeatureRef> out = new ArrayList<>();
        for (IndicatorCatalog.ZoneLink link : catalog.zoneLinks()) {
            if (link.indicatorId().equals(indicatorId)) {
                features.get(link.featureId()).ifPresent(f -> out.add(new FeatureRef(f.id(), f.name(),
                        f.collection(), link.reason(), new double[] {f.envelope().getMinX(), f.envelope().getMinY(),
                            f.envelope().getMaxX(), f.envelope().getMaxY()})));
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
            if (features.get(link.featureId()).isEmpty()) {
                problems.add("indicator-zones.csv line " + line + ": unknown feature id '" + link.featureId() + "'");
            }
        }
        return problems;
    }

    /** Plan node id → ids of the (non-context) features that refer to it. */
    public Map<String, Set<String>> featuresBySection() {
        PlanDocument plan = catalog.plan();
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (CollectionDef def : registry.all()) {
            if (def.id().startsWith("context-")) {
                continue;
            }
            for (StoredFeature f : features.all(def.id())) {
                for (String ref : planRefs(f)) {
                    nodeOf(plan, ref).ifPresent(node -> out.computeIfAbsent(node, k -> new LinkedHashSet<>())
                            .add(f.id()));
                }
            }
        }
        return out;
    }

    /** Ids of the features that refer to any of these plan nodes. */
    public Set<String> featuresOfSections(Collection<String> sectionIds) {
        Map<String, Set<String>> bySection = featuresBySection();
        Set<String> ids = new LinkedHashSet<>();
        for (String s : sectionIds) {
            ids.addAll(bySection.getOrDefault(s, Set.of()));
        }
        return ids;
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

    /** Rows of both tables, for the controller. */
    List<IndicatorRow> rows() {
        return catalog.rows();
    }
}
