package org.planmap.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planmap.system.Csv;

/**
 * Search over the real data against {@code search/queries.csv}: each row a query, the ids of which at least one
 * must be among the first {@code rank} results (a merged row counts for the ids in its {@code alsoIds}), and why.
 * Half the queries are English.
 */
class SearchQualityTests {
    static SearchIndex index;
    static List<Map<String, String>> queries;

    @BeforeAll
    static void build() throws IOException {
        index = SearchFixtures.realIndex();
        try (var in = SearchQualityTests.class.getResourceAsStream("/search/queries.csv")) {
            queries = Csv.records(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theQueryListIsAtLeastFortyQueriesHalfOfThemEnglish() {
        long distinct = queries.stream().map(q -> q.get("query")).distinct().count();
        long english = queries.stream().map(q -> q.get("query")).distinct().filter(q -> !SearchText.hasHan(q)).count();
        assertThat(distinct).isGreaterThanOrEqualTo(40);
        assertThat(english * 2).isGreaterThanOrEqualTo(distinct);
    }

    @Test
    void everyQueryFindsWhatItMustNearTheTop() {
        List<String> failures = new ArrayList<>();
        for (Map<String, String> q : queries) {
            List<SearchResult> results = index.search(SearchQuery.parse(q.get("query")));
            int rank = Integer.parseInt(q.get("rank"));
            List<String> top = new ArrayList<>();
            for (SearchResult r : results.subList(0, Math.min(rank, results.size()))) {
                top.add(r.id());
                top.addAll(r.alsoIds());
            }
            List<String> expected = List.of(q.get("expected").split("\\|"));
            if (expected.stream().noneMatch(top::contains)) {
                failures.add(q.get("query") + ": expected one of " + expected + " in the first " + rank + ", got "
                        + results.stream().limit(5).map(r -> r.id() + "(" + Math.round(r.score()) + ")").toList() + " — " + q.get("why"));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void onePlaceIsOneRow() {
        List<SearchResult> results = index.search(SearchQuery.parse("磁器口"));
        List<String> titles = results.stream().filter(r -> r.kind().equals("feature")).map(SearchResult::title).toList();
        assertThat(titles).doesNotHaveDuplicates();
        assertThat(results.stream().filter(r -> r.id().equals("station-osm-240")).findFirst().orElseThrow().alsoIds())
                .containsExactly("landmark-osm-584308338");
    }

    @Test
    void highlightsMarkTheMatchInTheSnippet() {
        for (String q : List.of("科学城", "Science City", "磁器口", "forest cover", "university town")) {
            for (SearchResult r : index.search(SearchQuery.parse(q))) {
                for (int[] h : r.highlights()) {
                    assertThat(h[0]).as("%s in %s", q, r.id()).isBetween(0, h[1]);
                    assertThat(h[1]).as("%s in %s", q, r.id()).isLessThanOrEqualTo(r.snippet().length());
                }
            }
        }
        SearchResult first = index.search(SearchQuery.parse("Science City")).get(0);
        int[] h = first.highlights().get(0);
        assertThat(first.snippet().substring(h[0], h[1])).isEqualToIgnoringCase("Science");
    }
}
