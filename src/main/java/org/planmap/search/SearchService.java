package org.planmap.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.CatalogueRepository;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureRepository;
import org.planmap.features.GeodataLoader;
import org.planmap.features.PlaceNames;
import org.planmap.features.StoredFeature;
import org.planmap.plan.PlanIndex;
import org.planmap.plan.PlanRepository;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * One search over places (names, aliases, the plan's variants, English names), the plan's concepts (titles in
 * both languages), indicators, unmapped catalogue items and plan text. The {@link SearchIndex} is a few thousand
 * short strings, rebuilt in memory after each load; a query scans it once per query form in well under a
 * millisecond. Ranking and merging are {@link SearchRanker}'s and {@link ResultMerger}'s.
 */
@Service
public class SearchService {
    private final FeatureRepository features;
    private final CollectionRegistry registry;
    private final PlanRepository plan;
    private final PlanIndex planIndex;
    private final CatalogueRepository catalogue;
    private final Synonyms synonyms = Synonyms.bundled();
    private final PlaceNames places = PlaceNames.bundled();
    private volatile SearchIndex index = SearchIndex.EMPTY;

    public SearchService(FeatureRepository features, CollectionRegistry registry, PlanRepository plan, PlanIndex planIndex,
                         CatalogueRepository catalogue) {
        this.features = features;
        this.registry = registry;
        this.plan = plan;
        this.planIndex = planIndex;
        this.catalogue = catalogue;
    }

    @EventListener
    @Order(10)
    public void onLoaded(GeodataLoader.DataLoaded event) {
        List<StoredFeature> all = new ArrayList<>();
        for (CollectionDef def : registry.all()) all.addAll(features.all(def.id()));
        List<SearchIndex.Concept> concepts = planIndex.all().stream().map(n -> new SearchIndex.Concept(n.id(), n.kind(), n.number(),
                n.title(), n.body().get("titleEn") == null ? null : n.body().get("titleEn").toString())).toList();
        List<SearchIndex.Text> texts = plan.allParagraphs().stream().map(p -> new SearchIndex.Text(p.id(), p.nodeId(),
                planIndex.node(p.nodeId()).map(n -> (n.number() == null ? "" : n.number() + " ") + n.title()).orElse(p.nodeId()),
                p.text())).toList();
        List<SearchIndex.Indicator> indicators = plan.indicators().stream().map(SearchService::indicator).toList();
        List<SearchIndex.Item> items = catalogue.find(null).stream().filter(i -> !"mapped".equals(i.status()))
                .map(i -> new SearchIndex.Item(i.id(), i.name(), null, i.columnGroup(), i.status(), i.reason())).toList();
        index = SearchIndex.of(all, places, concepts, texts, indicators, items, synonyms);
    }

    public List<SearchResult> search(SearchQuery q) {
        return index.search(q);
    }

    private static SearchIndex.Indicator indicator(Map<String, Object> row) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("table", row.get("table"));
        v.put("unit", row.get("unit"));
        v.put("attribute", row.get("attribute"));
        if (row.get("target") instanceof Map<?, ?> t) v.put("target", t.get("raw"));
        if (row.get("result") instanceof Map<?, ?> r) v.put("result", r.get("raw"));
        Object nameEn = row.get("nameEn");
        return new SearchIndex.Indicator(String.valueOf(row.get("id")), String.valueOf(row.get("name")),
                nameEn == null ? null : nameEn.toString(), "table-" + row.get("table"), v);
    }
}
