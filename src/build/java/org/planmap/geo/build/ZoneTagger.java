package org.planmap.geo.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * Sets {@code zone}, {@code zoneShare} and, for features in more than one zone, {@code zones}.
 *
 * <p>{@code zone} is the ch.16 zone that holds the largest part of the feature: of its area (UTM 48N)
 * for polygons, of its length for lines, of its points for multi-points; a single point is in the zone
 * that covers it (share 1). {@code zoneShare} is that part, rounded to 3 decimals. {@code zones} lists
 * every zone holding at least 0.5 % of the feature with its share, largest first; it is omitted when
 * one zone holds everything. A point outside every zone (just beyond the district edge, within the
 * builder's 50 m tolerance) gets the nearest zone. Zones get their own id; the district gets null.
 */
final class ZoneTagger {

    /** Shares below this are boundary noise of the schematic outlines, not a second zone. */
    static final double MIN_LISTED_SHARE = 0.005;

    private final List<Feature> zones;

    ZoneTagger(List<Feature> zones) {
        this.zones = zones;
    }

    void tag(List<Feature> features) {
        for (Feature f : features) {
            Map<String, Double> shares = shares(f.geometry);
            Map.Entry<String, Double> top = shares.entrySet().iterator().next();
            f.props.put("zone", top.getKey());
            f.putAfter("zone", "zoneShare", round3(top.getValue()));
            List<Map<String, Object>> listed = new ArrayList<>();
            shares.forEach((zone, share) -> {
                if (share >= MIN_LISTED_SHARE) {
                    Map<String, Object> z = new LinkedHashMap<>();
                    z.put("zone", zone);
                    z.put("share", round3(share));
                    listed.add(z);
                }
            });
            if (listed.size() > 1) {
                f.putAfter("zoneShare", "zones", listed);
            }
        }
    }

    /** Share of the feature in each zone that holds any of it, largest first (ties: zone order). */
    Map<String, Double> shares(Geometry g) {
        Map<String, Double> raw = new LinkedHashMap<>();
        if (g instanceof Point p) {
            raw.put(containingOrNearest(p), 1.0);
        } else if (g instanceof Puntal) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                raw.merge(containingOrNearest((Point) g.getGeometryN(i)), 1.0 / g.getNumGeometries(), Double::sum);
            }
        } else {
            int dim = g.getDimension();
            double total = measure(g, dim);
            for (Feature zone : zones) {
                if (zone.geometry.intersects(g)) {
                    double part = measure(Metric.intersection(g, zone.geometry), dim);
                    if (part > 0) {
                        raw.put(zone.id, part / total);
                    }
                }
            }
            if (raw.isEmpty()) {
                raw.put(containingOrNearest(g.getInteriorPoint()), 1.0);
            }
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        raw.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Area (m², dimension 2) or length (m, dimension 1) in UTM 48N; lower-dimensional parts count 0. */
    private static double measure(Geometry g, int dim) {
        Geometry utm = Metric.toUtm(g);
        return dim == 2 ? utm.getArea() : utm.getLength();
    }

    private String containingOrNearest(Point p) {
        Feature best = null;
        for (Feature zone : zones) {
            if (zone.geometry.covers(p)) {
                return zone.id;
            }
            if (best == null || zone.geometry.distance(p) < best.geometry.distance(p)) {
                best = zone;
            }
        }
        return best.id;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
