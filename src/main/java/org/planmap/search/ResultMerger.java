package org.planmap.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes one row of what is one place. Rows arrive best first; a feature row joins an earlier one when both
 * carry the same place name (a station's as "…站") and lie within {@value #SAME_PLACE_METRES} m of each other:
 * the Line 1 磁器口 station and its OSM building, the two OSM points of 小龙坎, a showcase area and the
 * 专栏8 project site that copies its outline. The row of the plan's own layer stays (a project site before
 * an OSM point; the first when equal), with the best score of the group, and lists the others in
 * {@code alsoIds}.
 * A document is one row however many of its names match; catalogue items that a feature maps are not indexed
 * (the feature stands for them), so an item and its feature never make two rows.
 */
final class ResultMerger {
    static final double SAME_PLACE_METRES = 500;

    /** A ranked result and the document it came from. */
    record Row(SearchDocument document, SearchResult result) { }

    private ResultMerger() { }

    static List<SearchResult> merge(List<Row> ranked) {
        List<Row> kept = new ArrayList<>();
        List<List<String>> also = new ArrayList<>();
        outer:
        for (Row r : ranked) {
            SearchDocument d = r.document();
            if (d.placeKey() != null) {
                for (int i = 0; i < kept.size(); i++) {
                    Row k = kept.get(i);
                    if (d.placeKey().equals(k.document().placeKey())
                            && metres(d.centre(), k.document().centre()) <= SAME_PLACE_METRES) {
                        // the plan's own layer speaks for the place, at the best score any of its rows had
                        if (d.layerRank() < k.document().layerRank()) {
                            also.get(i).add(k.document().id());
                            kept.set(i, new Row(d, r.result().withScore(k.result().score())));
                        } else {
                            also.get(i).add(d.id());
                        }
                        continue outer;
                    }
                }
            }
            kept.add(r);
            also.add(new ArrayList<>());
        }
        List<SearchResult> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            SearchResult s = kept.get(i).result();
            out.add(also.get(i).isEmpty() ? s : s.withAlsoIds(List.copyOf(also.get(i))));
        }
        return out;
    }

    /** Equirectangular distance: exact enough within a district. */
    static double metres(double[] a, double[] b) {
        double lat = Math.toRadians((a[1] + b[1]) / 2);
        double dx = Math.toRadians(b[0] - a[0]) * Math.cos(lat);
        double dy = Math.toRadians(b[1] - a[1]);
        return 6_371_000 * Math.sqrt(dx * dx + dy * dy);
    }
}
