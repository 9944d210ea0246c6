package org.planmap.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.indicators.Indicators;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.PlanIndex;
import org.springframework.stereotype.Service;

/**
 * One search over feature names (zh, en, aliases), plan text (titles and paragraphs), indicators and unmapped
 * catalogue items. The corpus is a few thousand short strings, built once per data snapshot, so a
 * substring scan answers a query in well under a millisecond and matches Chinese substrings of any length —
 * no word segmentation needed. Ranking: an exact name beats a name that starts with the query, which beats a
 * name containing it, which beats a section title, an indicator and finally a passing mention in a paragraph.
 */
@Service
public class SearchService {
    static final int MAX_RESULTS = 60;
    private static final int SNIPPET_CONTEXT = 36;

    private final DataSnapshots snapshots;
    private final DataSnapshot.View<SearchCorpus> corpus;

    public SearchService(DataSnapshots snapshots, Indicators indicators) {
        this.snapshots = snapshots;
        this.corpus = DataSnapshot.View.of("search corpus", data -> SearchCorpus.of(data, indicators.catalog(data).namesEn()));
    }

    public List<SearchResult> search(SearchQuery q) {
        SearchCorpus c = snapshots.current().get(corpus);
        List<SearchResult> out = new ArrayList<>();
        for (SearchCorpus.FeatureEntry f : c.features()) {
            Match best = null;
            for (String name : f.names()) best = Match.better(best, Match.of(name, c.fold(name), q, 100, 85, 70));
            if (f.nameEn() != null) best = Match.better(best, Match.of(f.nameEn(), c.fold(f.nameEn()), q, 95, 80, 65));
            if (best == null) continue;
            String title = f.feature().name();
            out.add(new SearchResult("feature", f.feature().id(), title, f.nameEn(), best.text(), List.of(best.span()),
                    best.score() + f.rankBonus(), f.feature().collection(), f.bbox(), null, null));
        }
        for (PlanIndex.Entry n : c.plan().all()) {
            Object titleEn = n.body().get("titleEn");
            Match m = Match.better(Match.of(n.title(), c.fold(n.title()), q, 90, 75, 55),
                    titleEn == null ? null : Match.of(titleEn.toString(), c.fold(titleEn.toString()), q, 88, 72, 52));
            if (m == null) continue;
            out.add(new SearchResult("section", n.id(), (n.number() == null ? "" : n.number() + " ") + n.title(),
                    titleEn == null ? null : titleEn.toString(), m.text(), List.of(m.span()), m.score(), null, null, n.id(), null));
        }
        for (IndicatorRow row : c.indicators()) {
            String nameEn = c.indicatorNamesEn().get(row.id());
            Match m = Match.better(Match.of(row.name(), c.fold(row.name()), q, 88, 72, 58),
                    nameEn == null ? null : Match.of(nameEn, c.fold(nameEn), q, 86, 70, 56));
            if (m == null) continue;
            out.add(new SearchResult("indicator", row.id(), row.name(), nameEn,
                    m.text(), List.of(m.span()), m.score(), null, null, "table-" + row.table(), indicatorValues(row)));
        }
        for (CatalogueItem item : c.unmappedItems()) {
            Match zh = Match.of(item.name(), c.fold(item.name()), q, 80, 66, 50);
            Match en = item.nameEn() == null ? null : Match.of(item.nameEn(), c.fold(item.nameEn()), q, 78, 64, 48);
            Match m = Match.better(zh, en);
            if (m == null) continue;
            // the snippet is the text that matched: the Chinese column line, or the English name
            boolean inZh = m == zh;
            int offset = inZh ? item.columnGroup().length() + 1 : 0;
            out.add(new SearchResult("item", item.id(), item.name(), item.nameEn(), inZh ? item.columnGroup() + "：" + item.name() : m.text(),
                    List.of(new int[] {offset + m.span()[0], offset + m.span()[1]}),
                    m.score(), null, null, item.id(), Map.of("status", item.status(), "reason", String.valueOf(item.reason()))));
        }
        out.addAll(paragraphHits(c, q));
        out.sort(Comparator.comparingDouble(SearchResult::score).reversed());
        return out.size() > MAX_RESULTS ? List.copyOf(out.subList(0, MAX_RESULTS)) : out;
    }

    /** One hit per plan node whose paragraphs contain the query: the first match as snippet, more matches rank higher. */
    private List<SearchResult> paragraphHits(SearchCorpus c, SearchQuery q) {
        Map<String, SearchResult> byNode = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PlanIndex.Text p : c.plan().allParagraphs()) {
            int at = c.fold(p.text()).indexOf(q.folded());
            if (at < 0) continue;
            counts.merge(p.nodeId(), 1, Integer::sum);
            if (byNode.containsKey(p.nodeId())) continue;
            int from = Math.max(0, at - SNIPPET_CONTEXT);
            int to = Math.min(p.text().length(), at + q.text().length() + SNIPPET_CONTEXT);
            String prefix = from > 0 ? "…" : "";
            String snippet = prefix + p.text().substring(from, to) + (to < p.text().length() ? "…" : "");
            int start = prefix.length() + at - from;
            PlanIndex.Entry node = c.plan().node(p.nodeId()).orElse(null);
            String title = node == null ? p.nodeId() : (node.number() == null ? "" : node.number() + " ") + node.title();
            byNode.put(p.nodeId(), new SearchResult("text", p.id(), title, null, snippet,
                    List.of(new int[] {start, start + q.text().length()}), 20, null, null, p.nodeId(), null));
        }
        List<SearchResult> out = new ArrayList<>();
        byNode.forEach((node, r) -> out.add(new SearchResult(r.kind(), r.id(), r.title(), null, r.snippet(), r.highlights(),
                20 + Math.min(counts.get(node), 10), null, null, r.sectionId(), Map.of("matches", counts.get(node)))));
        return out;
    }

    private static Map<String, Object> indicatorValues(IndicatorRow row) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("table", row.table());
        v.put("unit", row.unit());
        v.put("attribute", row.attribute());
        if (row.target() != null) v.put("target", row.target().raw());
        if (row.result() != null) v.put("result", row.result().raw());
        return v;
    }
}
