package org.planmap.consultation;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.planmap.features.StoredFeature;
import org.planmap.geo.GeoJsonFeatures;
import org.planmap.geodata.DataSnapshot;

/**
 * Where a comment falls, for one data snapshot: inside the district or not, which ch.16 zone, which showcase areas
 * (ch.17) and demonstration zones (ch.18). Built once per snapshot ({@link #VIEW}), prepared for repeated tests.
 */
final class CommentPlaces {
    static final DataSnapshot.View<CommentPlaces> VIEW = DataSnapshot.View.of("comment places", CommentPlaces::new);

    /** A line-shaped area (the 科学大道 corridor) counts a comment within this many degrees (about 300 m). */
    private static final double LINE_REACH_DEGREES = 0.003;
    /** A drawn area must lie at least this share inside the district. */
    static final double MIN_SHARE_INSIDE = 0.9;

    private record Area(String id, Geometry geometry, PreparedGeometry prepared) { }

    private final Geometry district;
    private final PreparedGeometry districtPrepared;
    private final List<Area> zones = new ArrayList<>();
    private final List<Area> areas = new ArrayList<>();

    private CommentPlaces(DataSnapshot data) {
        List<StoredFeature> rows = data.features("district");
        district = rows.isEmpty() ? null
                : GeoJsonFeatures.WGS84.buildGeometry(rows.stream().map(StoredFeature::geometry).toList()).union();
        districtPrepared = district == null ? null : PreparedGeometryFactory.prepare(district);
        for (StoredFeature f : data.features("zones")) add(zones, f);
        for (StoredFeature f : data.features("showcase-areas")) add(areas, f);
        for (StoredFeature f : data.features("demonstration-zones")) add(areas, f);
    }

    private static void add(List<Area> list, StoredFeature f) {
        if (f.geometry() == null || f.geometry().isEmpty()) return;
        list.add(new Area(f.id(), f.geometry(), PreparedGeometryFactory.prepare(f.geometry())));
    }

    /** True when the point or area lies in the district (an area: at least {@link #MIN_SHARE_INSIDE} of it). */
    boolean inDistrict(Geometry g) {
        if (districtPrepared == null) return false;
        if (g.getDimension() < 2) return districtPrepared.covers(g);
        if (!districtPrepared.intersects(g)) return false;
        return g.intersection(district).getArea() >= MIN_SHARE_INSIDE * g.getArea();
    }

    /** The zone holding the point, or the largest part of the area; null outside every zone. */
    String zone(Geometry g) {
        if (g.getDimension() < 2) {
            for (Area z : zones) if (z.prepared().covers(g)) return z.id();
            return null;
        }
        String best = null;
        double most = 0;
        for (Area z : zones) {
            if (!z.prepared().intersects(g)) continue;
            double a = z.geometry().intersection(g).getArea();
            if (a > most) {
                most = a;
                best = z.id();
            }
        }
        return best;
    }

    /** True for the id of a showcase area or demonstration zone. */
    boolean isArea(String id) {
        return areas.stream().anyMatch(a -> a.id().equals(id));
    }

    /** Showcase areas and demonstration zones the comment touches (near enough, for a corridor line). */
    List<String> areas(Geometry g) {
        List<String> hits = new ArrayList<>();
        for (Area a : areas) {
            boolean hit = a.geometry().getDimension() < 2 ? a.geometry().isWithinDistance(g, LINE_REACH_DEGREES) : a.prepared().intersects(g);
            if (hit) hits.add(a.id());
        }
        return hits;
    }
}
