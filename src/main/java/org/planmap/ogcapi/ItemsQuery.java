package org.planmap.ogcapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.planmap.features.CollectionDef;
import org.planmap.features.FeatureQuery;
import org.planmap.geo.Crs;

/**
 * A parsed {@code /items} request: every parameter checked and typed by {@link ItemsQueryParser}.
 *
 * @param bbox     the bbox in CRS84 (lon/lat): empty when none was given, two boxes when it crosses the antimeridian
 * @param bboxText the bbox as the client wrote it (repeated in paging links)
 * @param limit    the page size actually used (after the default and the clamp to the maximum)
 * @param filters  public queryable name → value, equality
 * @param datetime accepted and validated; no collection has a temporal property, so it selects everything
 */
record ItemsQuery(CollectionDef collection, OgcFormat format, int limit, long offset, List<Envelope> bbox, String bboxText,
                  Crs bboxCrs, Crs crs, Map<String, String> filters, String datetime) {

    FeatureQuery toFeatureQuery() {
        return new FeatureQuery(collection.id(), bbox, filters, limit, offset);
    }

    /** The query parameters that select this result, in a fixed order, for links (offset and f excluded). */
    Map<String, String> selectionParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("limit", Integer.toString(limit));
        if (bboxText != null) {
            p.put("bbox", bboxText);
            if (bboxCrs != Crs.CRS84) p.put("bbox-crs", bboxCrs.uri());
        }
        if (crs != Crs.CRS84) p.put("crs", crs.uri());
        if (datetime != null) p.put("datetime", datetime);
        filters.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> p.put(e.getKey(), e.getValue()));
        return p;
    }
}
