package org.planmap.geo.build;

import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Sets the {@code zone} property: the ch.16 zone containing the feature's point (a Point itself,
 * otherwise its centroid, or its interior point when the centroid falls outside every zone), or the
 * nearest zone for points just outside the district edge. Zones get their own id; the district gets
 * null.
 */
final class ZoneTagger {

    private final List<Feature> zones;

    ZoneTagger(List<Feature> zones) {
        this.zones = zones;
    }

    void tag(List<Feature> features) {
        for (Feature f : features) {
            f.props.put("zone", zoneOf(f.geometry));
        }
    }

    String zoneOf(Geometry g) {
        Point p = g instanceof Point pt ? pt : g.getCentroid();
        String z = containing(p);
        if (z == null && !(g instanceof Point)) {
            z = containing(g.getInteriorPoint());
        }
        if (z != null) {
            return z;
        }
        Feature best = null;
        for (Feature zone : zones) {
            if (best == null || zone.geometry.distance(p) < best.geometry.distance(p)) {
                best = zone;
            }
        }
        return best.id;
    }

    private String containing(Point p) {
        for (Feature zone : zones) {
            if (zone.geometry.covers(p)) {
                return zone.id;
            }
        }
        return null;
    }
}
