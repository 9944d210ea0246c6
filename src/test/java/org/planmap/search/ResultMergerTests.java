package org.planmap.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultMergerTests {
    static ResultMerger.Row row(String id, String key, int layerRank, double lon, double lat, double score) {
        SearchDocument d = new SearchDocument("feature", id, id, null, List.of(), layerRank, 0, "c", null, null, null, key,
                new double[] {lon, lat});
        return new ResultMerger.Row(d, new SearchResult("feature", id, id, null, id, List.of(), score, "c", null, null, null,
                "name", List.of()));
    }

    @Test
    void oneNameWithin500MetresIsOnePlaceAndThePlanLayerSpeaksForIt() {
        // 0.003° of latitude is about 330 m; 0.01° about 1.1 km
        List<SearchResult> merged = ResultMerger.merge(List.of(
                row("osm-point", "磁器口站", 2, 106.4424, 29.5794, 800),
                row("osm-building", "磁器口站", 2, 106.4424, 29.5824, 800),
                row("site", "磁器口站", 1, 106.4424, 29.5800, 700),
                row("far", "磁器口站", 2, 106.4424, 29.6000, 790),
                row("other", "宝轮寺", 2, 106.4424, 29.5794, 780)));
        assertThat(merged).extracting(SearchResult::id).containsExactly("site", "far", "other");
        assertThat(merged.get(0).alsoIds()).containsExactlyInAnyOrder("osm-point", "osm-building");
        assertThat(merged.get(0).score()).isEqualTo(800);
    }

    @Test
    void distanceIsInMetres() {
        assertThat(ResultMerger.metres(new double[] {106.4, 29.6}, new double[] {106.4, 29.61})).isBetween(1100.0, 1125.0);
    }
}
