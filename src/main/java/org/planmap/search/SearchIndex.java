package org.planmap.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.planmap.geodata.PlaceLexicon;
import org.planmap.geodata.PlaceNames;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.StoredFeature;
import org.planmap.search.SearchDocument.Field;
import org.planmap.search.SearchDocument.Name;

/**
 * Everything search can find, built once per data load from plain inputs (features, the place-name list, plan
 * nodes and paragraphs, indicators, unmapped catalogue items) and read without locks. A query is answered by
 * scanning the few thousand short names once per query form (the query and its {@link Synonyms}), ranking
 * with {@link SearchRanker}, adding plan-text hits and merging rows that are one place ({@link ResultMerger}).
 *
 * <p>English names are picked up by name, wherever the data carries them: a feature's {@code nameEn} and any
 * {@code aliasesEn}/{@code *NameEn} property, a node's {@code titleEn}, an indicator's or item's {@code nameEn}.
 */
final class SearchIndex {
    static final int MAX_RESULTS = 60;
    private static final int SNIPPET_CONTEXT = 36;
    private static final Pattern ENGLISH_NAME_KEY = Pattern.compile("(aliasesEn|[a-zA-Z]*NameEn)");
    /** The registry is a fixed list: which collections are the plan's area layers (ranked first) is asked of it. */
    private static final CollectionRegistry COLLECTIONS = new CollectionRegistry();
    private static final Pattern QUALIFIER = Pattern.compile("（[^（）]*）$");

    /** A plan node: part, chapter, section, column, table or figure. */
    record Concept(String id, String kind, String number, String title, String titleEn) { }

    record Text(String id, String nodeId, String nodeTitle, String text) { }

    /** An indicator row; {@code nameEn} null until the data has one. */
    record Indicator(String id, String name, String nameEn, String sectionId, Map<String, Object> values) { }

    /** A catalogue item no feature maps; {@code nameEn} null until the data has one. */
    record Item(String id, String name, String nameEn, String columnGroup, String status, String reason) { }

    static final SearchIndex EMPTY = new SearchIndex(List.of(), List.of(), Synonyms.NONE);

    private final List<SearchDocument> documents;
    private final List<Text> texts;
    private final List<String> foldedTexts;
    private final Synonyms synonyms;

    private SearchIndex(List<SearchDocument> documents, List<Text> texts, Synonyms synonyms) {
        this.documents = List.copyOf(documents);
        this.texts = List.copyOf(texts);
        this.foldedTexts = texts.stream().map(t -> SearchText.fold(t.text())).toList();
        this.synonyms = synonyms;
    }

    static SearchIndex of(List<StoredFeature> features, PlaceNames places, List<Concept> concepts, List<Text> texts,
                          List<Indicator> indicators, List<Item> items, Synonyms synonyms) {
        Map<String, List<PlaceNames.Entry>> placeNames = new LinkedHashMap<>();
        for (PlaceNames.Entry e : places.entries()) {
            if (e.featureId() != null) placeNames.computeIfAbsent(e.featureId(), k -> new ArrayList<>()).add(e);
        }
        List<SearchDocument> docs = new ArrayList<>();
        for (StoredFeature f : features) docs.add(feature(f, placeNames.getOrDefault(f.id(), List.of())));
        for (Concept c : concepts) {
            List<Name> names = new ArrayList<>();
            names.add(Name.of(c.title(), Field.TITLE));
            if (c.titleEn() != null) names.add(Name.of(c.titleEn(), Field.TITLE_EN));
            String title = (c.number() == null ? "" : c.number() + " ") + c.title();
            docs.add(new SearchDocument("section", c.id(), title, c.titleEn(), names, 0, 0, null, null, c.id(), null, null, null));
        }
        for (Indicator i : indicators) {
            List<Name> names = new ArrayList<>(List.of(Name.of(i.name(), Field.NAME)));
            if (i.nameEn() != null) names.add(Name.of(i.nameEn(), Field.NAME_EN));
            docs.add(new SearchDocument("indicator", i.id(), i.name(), i.nameEn(), names, 0, 0, null, null, i.sectionId(),
                    i.values(), null, null));
        }
        for (Item i : items) {
            List<Name> names = new ArrayList<>(List.of(Name.of(i.name(), Field.NAME)));
            if (i.nameEn() != null) names.add(Name.of(i.nameEn(), Field.NAME_EN));
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("status", i.status());
            values.put("reason", String.valueOf(i.reason()));
            values.put("columnGroup", i.columnGroup());
            docs.add(new SearchDocument("item", i.id(), i.name(), i.nameEn(), names, 0, 0, null, null, i.id(), values, null, null));
        }
        return new SearchIndex(docs, texts, synonyms);
    }

    private static SearchDocument feature(StoredFeature f, List<PlaceNames.Entry> places) {
        List<Name> names = new ArrayList<>();
        // as the linker: a station answers to 「…站」; its bare name is its place's
        String stationName = PlaceLexicon.isStation(f) ? PlaceLexicon.stationName(f.name()) : null;
        boolean station = stationName != null;
        if (station) {
            names.add(Name.of(stationName, Field.NAME));
            if (!stationName.equals(f.name())) names.add(Name.of(f.name(), Field.STATION_PLACE));
        } else {
            names.add(Name.of(f.name(), Field.NAME));
        }
        for (Object alias : list(f.properties().get("aliases"))) names.add(Name.of(alias.toString(), Field.ALIAS));
        for (PlaceNames.Entry e : places) {
            names.add(Name.of(e.name(), e.relation() == PlaceNames.Relation.WITHIN ? Field.WITHIN : Field.VARIANT));
        }
        if (f.nameEn() != null) names.add(Name.of(f.nameEn(), Field.NAME_EN));
        f.properties().forEach((key, value) -> {
            if (key.equals("nameEn") || !ENGLISH_NAME_KEY.matcher(key).matches()) return;
            for (Object v : value instanceof List<?> l ? l : List.of(value == null ? "" : value)) {
                if (!v.toString().isBlank()) names.add(Name.of(v.toString(), Field.NAME_EN));
            }
        });
        var e = f.envelope();
        Geometry g = f.geometry();
        Point c = g.getDimension() == 2 ? g.getInteriorPoint() : g.getCentroid();
        // the district and OSM's unnamed stations and water bodies rank below everything with a name of its own
        int rank = COLLECTIONS.isArea(f.collection()) ? 0 : f.collection().equals("project-sites") ? 1
                : f.collection().equals("district") || f.name().startsWith("未命名") ? 3 : 2;
        String key = SearchText.fold(stationName != null ? stationName : QUALIFIER.matcher(f.name().strip()).replaceAll(""));
        return new SearchDocument("feature", f.id(), f.name(), f.nameEn(), names, rank, g.getDimension() == 2 ? g.getArea() : 0,
                f.collection(), new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()}, null, null, key,
                new double[] {c.getX(), c.getY()});
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    /** The ranked, merged results for a query. */
    List<SearchResult> search(SearchQuery query) {
        List<SearchRanker.Query> forms = forms(SearchText.fold(query.text()));
        List<ResultMerger.Row> rows = new ArrayList<>();
        for (SearchDocument d : documents) {
            SearchRanker.Scored best = null;
            for (SearchRanker.Query form : forms) {
                for (Name n : d.names()) {
                    SearchRanker.Scored s = SearchRanker.score(d.kind(), n, form);
                    if (s != null && (best == null || s.score() > best.score())) best = s;
                }
            }
            if (best != null) rows.add(new ResultMerger.Row(d, result(d, best)));
        }
        rows.sort(ORDER);
        List<SearchResult> out = new ArrayList<>(ResultMerger.merge(rows));
        out.addAll(textHits(forms));
        out.sort(Comparator.comparingDouble(SearchResult::score).reversed());
        return out.size() > MAX_RESULTS ? List.copyOf(out.subList(0, MAX_RESULTS)) : out;
    }

    /** Better score first; of equal scores the finer feature, then the plan's layers before context. */
    static final Comparator<ResultMerger.Row> ORDER = Comparator
            .comparingDouble((ResultMerger.Row r) -> -r.result().score())
            .thenComparingDouble(r -> r.document().area())
            .thenComparingInt(r -> r.document().layerRank())
            .thenComparing(r -> r.document().id());

    private static SearchResult result(SearchDocument d, SearchRanker.Scored s) {
        double score = s.score();
        // a partial match of a context feature ranks below the plan's own; the district below everything it holds
        if (score < 900 && d.kind().equals("feature")) score += d.layerRank() == 0 ? 10 : d.layerRank() == 1 ? 5 : d.layerRank() == 3 ? -100 : 0;
        String snippet = s.name().text();
        List<int[]> highlights = s.spans();
        if (d.kind().equals("item")) {
            String prefix = d.values().get("columnGroup") + "：";
            snippet = prefix + snippet;
            highlights = highlights.stream().map(h -> new int[] {h[0] + prefix.length(), h[1] + prefix.length()}).toList();
        }
        Map<String, Object> values = d.values();
        if (values != null && values.containsKey("columnGroup")) {
            values = new LinkedHashMap<>(values);
            values.remove("columnGroup");
        }
        return new SearchResult(d.kind(), d.id(), d.title(), d.titleEn(), snippet, highlights, score, d.collection(), d.bbox(),
                d.sectionId(), values, s.synonym() ? "synonym" : s.name().field().name().toLowerCase(Locale.ROOT), List.of());
    }

    /** The query and what stands for it: itself, then each synonym of the whole query. */
    List<SearchRanker.Query> forms(String folded) {
        List<SearchRanker.Query> out = new ArrayList<>();
        out.add(SearchRanker.Query.of(folded, words(folded), false));
        for (String alt : synonyms.of(folded)) out.add(SearchRanker.Query.of(alt, words(alt), true));
        return out;
    }

    /** The query's English words, each with the one-word synonyms that may stand for it. */
    private List<SearchRanker.Word> words(String folded) {
        List<SearchRanker.Word> out = new ArrayList<>();
        for (SearchText.Token t : SearchText.tokens(folded)) {
            Set<String> stems = new LinkedHashSet<>();
            stems.add(t.stem());
            stems.addAll(synonyms.ofStem(t.stem()));
            out.add(SearchRanker.Word.of(stems));
        }
        return out;
    }

    /** One row per plan node whose paragraphs contain a form of the query; more matches rank higher. */
    private List<SearchResult> textHits(List<SearchRanker.Query> forms) {
        Map<String, SearchResult> byNode = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SearchRanker.Query form : forms) {
            if (form.text().length() < (form.han() ? 1 : 2)) continue;
            // a synonym holding another form finds nothing the shorter one does not (轨道交通 after 轨道)
            if (form.synonym() && forms.stream().anyMatch(o -> o != form && o.text().length() < form.text().length() && o.text().length() > 1
                    && form.text().contains(o.text()))) continue;
            for (int i = 0; i < texts.size(); i++) {
                int at = foldedTexts.get(i).indexOf(form.text());
                if (at < 0) continue;
                Text p = texts.get(i);
                counts.merge(p.nodeId(), 1, Integer::sum);
                if (byNode.containsKey(p.nodeId())) continue;
                int from = Math.max(0, at - SNIPPET_CONTEXT);
                int to = Math.min(p.text().length(), at + form.text().length() + SNIPPET_CONTEXT);
                String prefix = from > 0 ? "…" : "";
                String snippet = prefix + p.text().substring(from, to) + (to < p.text().length() ? "…" : "");
                int start = prefix.length() + at - from;
                byNode.put(p.nodeId(), new SearchResult("text", p.id(), p.nodeTitle(), null, snippet,
                        List.of(new int[] {start, start + form.text().length()}), form.synonym() ? 190 : 200, null, null,
                        p.nodeId(), null, form.synonym() ? "synonym" : "text", List.of()));
            }
        }
        List<SearchResult> out = new ArrayList<>();
        byNode.forEach((node, r) -> out.add(new SearchResult(r.kind(), r.id(), r.title(), null, r.snippet(), r.highlights(),
                r.score() + 5 * Math.min(counts.get(node), 10), null, null, r.sectionId(), Map.of("matches", counts.get(node)),
                r.matched(), List.of())));
        return out;
    }
}
