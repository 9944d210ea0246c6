package org.planmap.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.geodata.PlaceNames;
import org.planmap.indicators.Indicators;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.PlanIndex;
import org.springframework.stereotype.Service;

/**
 * One search over places (names, aliases, the plan's variants, English names), the plan's concepts (titles in
 * both languages), indicators and unmapped catalogue items (Chinese and English names) and plan text. The
 * {@link SearchIndex} is a few thousand short strings, built once per data snapshot (a view, on the snapshot's
 * first search); a query scans it once per query form in well under a millisecond. Ranking and merging are
 * {@link SearchRanker}'s and {@link ResultMerger}'s.
 */
@Service
public class SearchService {
    private final DataSnapshots snapshots;
    private final DataSnapshot.View<SearchIndex> index;

    public SearchService(DataSnapshots snapshots, Indicators indicators) {
        this.snapshots = snapshots;
        this.index = DataSnapshot.View.of("search index", data -> index(data, indicators.catalog(data).namesEn()));
    }

    public List<SearchResult> search(SearchQuery q) {
        return snapshots.current().get(index).search(q);
    }

    /** The index of a snapshot; {@code indicatorNamesEn}: indicator id → English name. */
    static SearchIndex index(DataSnapshot data, Map<String, String> indicatorNamesEn) {
        PlanIndex plan = data.planIndex();
        List<SearchIndex.Concept> concepts = plan.all().stream().map(n -> new SearchIndex.Concept(n.id(), n.kind(), n.number(),
                n.title(), n.body().get("titleEn") == null ? null : n.body().get("titleEn").toString())).toList();
        List<SearchIndex.Text> texts = plan.allParagraphs().stream().map(p -> new SearchIndex.Text(p.id(), p.nodeId(),
                plan.node(p.nodeId()).map(n -> (n.number() == null ? "" : n.number() + " ") + n.title()).orElse(p.nodeId()),
                p.text())).toList();
        List<SearchIndex.Indicator> indicators = data.plan().tables().stream().flatMap(t -> t.rows().stream())
                .map(r -> new SearchIndex.Indicator(r.id(), r.name(), indicatorNamesEn.get(r.id()), "table-" + r.table(), values(r)))
                .toList();
        List<SearchIndex.Item> items = data.catalogue().stream().filter(i -> !i.mapped())
                .map(i -> new SearchIndex.Item(i.id(), i.name(), i.nameEn(), i.columnGroup(), i.status(), i.reason())).toList();
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
