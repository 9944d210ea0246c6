package org.planmap.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search?q=}: places, plan text and indicators in one ranked list. */
@RestController
class SearchController {
    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    Map<String, Object> search(@RequestParam(required = false) String q) {
        SearchQuery query = SearchQuery.parse(q);
        List<SearchResult> results = search.search(query);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", query.text());
        out.put("count", results.size());
        out.put("results", results);
        return out;
    }
}
