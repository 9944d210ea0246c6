package org.planmap.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.planmap.features.CatalogueRepository;
import org.planmap.features.StoredFeature;
import org.planmap.plan.PlanRepository;

/** The searchable texts, snapshotted after a load. Features of the plan's own layers rank a little higher than context. */
record SearchCorpus(List<FeatureEntry> features, List<PlanRepository.NodeRow> nodes, List<PlanRepository.ParagraphRow> paragraphs,
                    List<Map<String, Object>> indicators, List<CatalogueRepository.Item> unmappedItems) {
    static final SearchCorpus EMPTY = new SearchCorpus(List.of(), List.of(), List.of(), List.of(), List.of());

    record FeatureEntry(StoredFeature feature, List<String> names, String nameEn, double[] bbox, double rankBonus) { }

    static SearchCorpus of(List<StoredFeature> features, List<PlanRepository.NodeRow> nodes,
                           List<PlanRepository.ParagraphRow> paragraphs, List<Map<String, Object>> indicators,
                           List<CatalogueRepository.Item> unmappedItems) {
        return new SearchCorpus(features.stream().map(SearchCorpus::entry).toList(), nodes, paragraphs, indicators, unmappedItems);
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
