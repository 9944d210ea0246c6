package org.planmap.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshot;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.PlanIndex;

/**
 * The searchable texts of one data snapshot, built once per snapshot (a view of {@link SearchService}). Features of
 * the plan's own layers rank a little higher than context. {@code indicatorNamesEn}: indicator id → English name.
 */
record SearchCorpus(List<FeatureEntry> features, PlanIndex plan, List<IndicatorRow> indicators, Map<String, String> indicatorNamesEn,
                    List<CatalogueItem> unmappedItems, Map<String, String> folds) {

    record FeatureEntry(StoredFeature feature, List<String> names, String nameEn, double[] bbox, double rankBonus) { }

    static SearchCorpus of(DataSnapshot data, Map<String, String> indicatorNamesEn) {
        PlanIndex plan = data.planIndex();
        List<IndicatorRow> indicators = data.plan().tables().stream().flatMap(t -> t.rows().stream()).toList();
        List<CatalogueItem> unmappedItems = data.catalogue().stream().filter(i -> !i.mapped()).toList();
        List<FeatureEntry> entries = data.features().stream().map(SearchCorpus::entry).toList();
        // every searchable string folded to lower case once, so a query never lower-cases the corpus again
        Map<String, String> folds = new java.util.HashMap<>();
        java.util.function.Consumer<Object> add = o -> {
            if (o != null) folds.computeIfAbsent(o.toString(), t -> t.toLowerCase(java.util.Locale.ROOT));
        };
        entries.forEach(e -> { e.names().forEach(add); add.accept(e.nameEn()); });
        plan.all().forEach(n -> { add.accept(n.title()); add.accept(n.body().get("titleEn")); });
        plan.allParagraphs().forEach(p -> add.accept(p.text()));
        indicators.forEach(r -> add.accept(r.name()));
        indicatorNamesEn.values().forEach(add);
        unmappedItems.forEach(i -> { add.accept(i.name()); add.accept(i.nameEn()); });
        return new SearchCorpus(entries, plan, indicators, Map.copyOf(indicatorNamesEn), unmappedItems, Map.copyOf(folds));
    }

    /** The lower-case form of a corpus string. */
    String fold(String text) {
        String f = folds.get(text);
        return f != null ? f : text.toLowerCase(java.util.Locale.ROOT);
    }

    private static FeatureEntry entry(StoredFeature f) {
        List<String> names = new ArrayList<>();
        names.add(f.name());
        if (f.properties().get("aliases") instanceof List<?> aliases) {
            for (Object a : aliases) if (a != null) names.add(a.toString());
        }
        var e = f.envelope();
        double bonus = f.collection().startsWith("context-") ? 0 : f.collection().equals("district") ? -5 : 2;
        return new FeatureEntry(f, names, f.nameEn(), new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()}, bonus);
    }
}
