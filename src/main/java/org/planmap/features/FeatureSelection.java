package org.planmap.features;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A {@link FeatureQuery} answered from features held in memory (the data snapshot, or a source's own list), with the
 * meaning the store's SQL had: a feature matches when it intersects any of the query's boxes (envelope test first,
 * then the exact {@code intersects}, as {@code &&} then {@code ST_Intersects}; a feature without geometry is in no
 * box) and equals every filter; the page keeps the given order; the count is of every match.
 *
 * <p>Why in memory: the snapshot already holds every feature of the plan (a few hundred), read once per data
 * version. Answering from it costs no round trip, no WKB decoding and no JSON parsing per row, and the answer is
 * always of the same data version as the ETag that was computed from that snapshot.
 */
public final class FeatureSelection {
    /** The public queryable names, as {@code FeatureQuery.filters()} keys them. */
    public static final List<String> QUERYABLES = List.of("accuracy", "zone", "column", "columnGroup", "kind");

    private FeatureSelection() { }

    /** The page {@code query} asks for out of {@code features} (in their order), filters and boxes applied. */
    public static FeaturePage page(List<StoredFeature> features, FeatureQuery query) {
        return page(features.stream().filter(f -> matchesFilters(f, query.filters())), query);
    }

    /**
     * The page {@code query} asks for out of {@code candidates} already filtered by their own queryables: boxes, then
     * offset and limit.
     */
    public static FeaturePage page(Stream<StoredFeature> candidates, FeatureQuery query) {
        List<StoredFeature> matched = query.boxes().isEmpty() ? candidates.toList()
                : candidates.filter(f -> inAnyBox(f.geometry(), query.boxes())).toList();
        int from = (int) Math.min(query.offset(), matched.size());
        int to = (int) Math.min(matched.size(), (long) from + query.limit());
        return new FeaturePage(List.copyOf(matched.subList(from, to)), matched.size());
    }

    /** Whether {@code f} has each filter's value; the names are {@link #QUERYABLES}, {@code column} a number. */
    public static boolean matchesFilters(StoredFeature f, Map<String, String> filters) {
        for (Map.Entry<String, String> e : filters.entrySet()) {
            if (!has(f, e.getKey(), e.getValue())) return false;
        }
        return true;
    }

    private static boolean has(StoredFeature f, String queryable, String wanted) {
        return switch (queryable) {
            case "accuracy" -> wanted.equals(f.accuracy());
            case "zone" -> wanted.equals(f.zone());
            case "column" -> f.column() != null && f.column() == Integer.parseInt(wanted);   // "07" is column 7
            case "columnGroup", "kind" -> wanted.equals(Objects.toString(f.properties().get(queryable), null));
            default -> throw new IllegalArgumentException("not queryable: " + queryable);
        };
    }

    private static boolean inAnyBox(Geometry g, List<Envelope> boxes) {
        if (g == null) return false;
        Envelope own = g.getEnvelopeInternal();
        for (Envelope b : boxes) {
            if (own.intersects(b) && (b.covers(own) || g.intersects(g.getFactory().toGeometry(b)))) return true;
        }
        return false;
    }
}
