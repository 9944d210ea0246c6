package org.planmap.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.geodata.PlaceNames;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.PlanIndex;
import org.springframework.stereotype.Service;

/**
 * One search over places (names, aliases, the plan's variants, English names), the plan's concepts (titles in
 * both languages), indicators, unmapped catalogue items and plan text. The {@link SearchIndex} is a few thousand
 * short strings, built once per data snapshot ({@link #INDEX}); a query scans it once per query form in well
 * under a millisecond. Ranking and merging are {@link SearchRanker}'s and {@link ResultMerger}'s.
 */
@Service
public class SearchService {
    /** The index of a snapshot, built on its first search. */
    static final DataSnapshot.View<SearchIndex> INDEX = DataSnapshot.View.of("search index", SearchService::index);

    private final DataSnapshots snapshots;

    public SearchService(DataSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public List<SearchResult> search(SearchQuery q) {
        return snapshots.current().get(INDEX).search(q);
    }

    static SearchIndex index(DataSnapshot data) {
        PlanIndex plan = data.planIndex();
        List<SearchIndex.Concept> concepts = plan.all().stream().map(n -> new SearchIndex.Concept(n.id(), n.kind(), n.number(),
                n.title(), n.body().get("titleEn") == null ? null : n.body().get("titleEn").toString())).toList();
        List<SearchIndex.Text> texts = plan.allParagraphs().stream().map(p -> new SearchIndex.Text(p.id(), p.nodeId(),
                plan.node(p.nodeId()).map(n -> (n.number() == null ? "" : n.number() + " ") + n.title()).orElse(p.nodeId()),
                p.text())).toList();
        // indicator rows and catalogue items carry no English name yet; SearchIndex indexes one as soon as they do
        List<SearchIndex.Indicator> indicators = data.plan().tables().stream().flatMap(t -> t.rows().stream())
                .map(r -> new SearchIndex.Indicator(r.id(), r.name(), null, "table-" + r.table(), values(r))).toList();
        List<SearchIndex.Item> items = data.catalogue().stream().filter(i -> !i.mapped())
                .map(i -> new SearchIndex.Item(i.id(), i.name(), null, i.columnGroup(), i.status(), i.reason())).toList();
        return SearchIndex.of(data.features(), PlaceNames.bundled(), concepts, texts, indicators, items, Synonyms.bundled());
    }

    private static Map<String, Object> values(IndicatorRow row) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("table", row.table());
        v.put("unit", row.unit());
        v.put("attribute", row.attribute());
        if (row.target() != null) v.put("target", row.target().raw());
        if (row.result() != null) v.put("result", row.result().raw());
        return v;
    }
}
