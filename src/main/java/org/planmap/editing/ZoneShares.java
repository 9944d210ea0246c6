package org.planmap.editing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;
import org.planmap.features.StoredFeature;

/**
 * Sets {@code zone}, {@code zoneShare} and {@code zones} of a redrawn feature by the rule of the geodata builder
 * (its {@code ZoneTagger}, see docs/architecture.md): the ch.16 zone holding the largest part of its area, length or
 * points; {@code zones} when another zone holds at least 0.5 %. Shares are measured in lon/lat scaled by the cosine
 * of the district's latitude, which differs from the builder's UTM measure by far less than the 3 decimals kept.
 */
final class ZoneShares {
    static final double MIN_LISTED_SHARE = 0.005;
    /** cos(29.6°): one degree of longitude is this many degrees of latitude in length at the district. */
    private static final double LON_SCALE = Math.cos(Math.toRadians(29.6));

    private ZoneShares() { }

    /** The properties with the zone members set for {@code g}; unchanged when there are no zones. */
    static Map<String, Object> tag(Map<String, Object> props, Geometry g, List<StoredFeature> zones) {
        if (zones.isEmpty()) return props;
        Map<String, Double> shares = shares(g, zones);
        Map<String, Object> out = new LinkedHashMap<>(props);
        Map.Entry<String, Double> top = shares.entrySet().iterator().next();
        out.put("zone", top.getKey());
        out.put("zoneShare", round3(top.getValue()));
        List<Map<String, Object>> listed = new ArrayList<>();
        shares.forEach((zone, share) -> {
            if (share >= MIN_LISTED_SHARE) listed.add(new LinkedHashMap<>(Map.of("zone", zone, "share", round3(share))));
        });
        if (listed.size() > 1) out.put("zones", listed);
        else out.remove("zones");
        return out;
    }

    static Map<String, Double> shares(Geometry g, List<StoredFeature> zones) {
        Map<String, Double> raw = new LinkedHashMap<>();
        if (g instanceof Point p) {
            raw.put(containingOrNearest(p, zones), 1.0);
        } else if (g instanceof Puntal) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                raw.merge(containingOrNearest((Point) g.getGeometryN(i), zones), 1.0 / g.getNumGeometries(), Double::sum);
            }
        } else {
            int dim = g.getDimension();
            double total = measure(g, dim);
            for (StoredFeature zone : zones) {
                if (total > 0 && zone.geometry().intersects(g)) {
                    double part = measure(zone.geometry().intersection(g), dim);
                    if (part > 0) raw.put(zone.id(), part / total);
                }
            }
            if (raw.isEmpty()) raw.put(containingOrNearest(g.getInteriorPoint(), zones), 1.0);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        raw.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static double measure(Geometry g, int dim) {
        if (dim == 2) return g.getArea() * LON_SCALE;
        // length: scale each segment's longitude difference
        double length = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            var cs = g.getGeometryN(i).getCoordinates();
            for (int k = 1; k < cs.length; k++) {
                double dx = (cs[k].x - cs[k - 1].x) * LON_SCALE;
                double dy = cs[k].y - cs[k - 1].y;
                length += Math.hypot(dx, dy);
            }
        }
        return length;
    }

    private static String containingOrNearest(Point p, List<StoredFeature> zones) {
        StoredFeature best = null;
        for (StoredFeature zone : zones) {
            if (zone.geometry().covers(p)) return zone.id();
            if (best == null || zone.geometry().distance(p) < best.geometry().distance(p)) best = zone;
        }
        return best.id();
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
