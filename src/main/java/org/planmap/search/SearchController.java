package org.planmap.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=}: places, plan text and indicators in one ranked list. The time spent finding and
 * ranking is sent as {@code Server-Timing: search;dur=…} (ms), so a benchmark can tell it from transfer time.
 */
@RestController
class SearchController {
    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    ResponseEntity<Map<String, Object>> search(@RequestParam(required = false) String q) {
        SearchQuery query = SearchQuery.parse(q);
        long start = System.nanoTime();
        List<SearchResult> results = search.search(query);
        String timing = String.format(Locale.ROOT, "search;dur=%.2f", (System.nanoTime() - start) / 1e6);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", query.text());
        out.put("count", results.size());
        out.put("results", results);
        return ResponseEntity.ok().header("Server-Timing", timing).body(out);
    }
}
