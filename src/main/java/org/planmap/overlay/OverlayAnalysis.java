package org.planmap.overlay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;
import org.planmap.geo.Crs;
import org.planmap.geo.CrsTransform;
import org.planmap.geo.GeoJsonFeatures;
import org.springframework.stereotype.Service;

/**
 * Overlays a planner's features on the plan's layout layers and project sites. Candidates come from the store
 * with a bbox + {@code ST_Intersects} query; measures are computed with JTS in EPSG:4544 (see
 * {@link OverlayReport}); intersections use OverlayNG's robust mode, so near-coincident edges never fail.
 */
@Service
public class OverlayAnalysis {
    /** The plan layers an overlay is measured against. */
    public static final List<String> AREA_LAYERS = List.of("zones", "showcase-areas", "demonstration-zones", "science-city");
    public static final Crs METRIC = Crs.CGCS2000_GK.get(3);
    private static final int PLAN_REFS_PER_FEATURE = 12;

    private final FeatureRepository features;
    private final PlanLinks planLinks;
    private final IndicatorLinks indicatorLinks;

    public OverlayAnalysis(FeatureRepository features, PlanLinks planLinks, IndicatorLinks indicatorLinks) {
        this.features = features;
        this.planLinks = planLinks;
        this.indicatorLinks = indicatorLinks;
    }

    public OverlayReport analyze(PreparedOverlay overlay, double distanceMetres) {
        List<OverlayReport.FeatureReport> reports = new ArrayList<>();
        Map<String, StoredFeature> seen = new LinkedHashMap<>();
        int index = 0;
        for (OverlayFeature f : overlay.features()) {
            reports.add(analyzeOne(index++, f, distanceMetres, seen));
        }
        List<String> caveats = caveats(seen.values());
        return new OverlayReport(overlay.format(), overlay.crs(), overlay.crsSource(), METRIC.proj4Name(), distanceMetres,
                overlay.notes(), caveats, reports);
    }

    private OverlayReport.FeatureReport analyzeOne(int index, OverlayFeature f, double distance, Map<String, StoredFeature> seen) {
        Geometry wgs = f.geometry();
        Geometry local = CrsTransform.transform(wgs, Crs.CRS84, METRIC);
        int dim = local.getDimension();
        double area = dim == 2 ? local.getArea() : 0;
        double length = dim == 1 ? local.getLength() : dim == 2 ? 0 : 0;

        List<OverlayReport.Touch> touches = new ArrayList<>();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(local);
        for (StoredFeature z : features.intersecting(wgs, AREA_LAYERS)) {
            Geometry zl = CrsTransform.transform(z.geometry(), Crs.CRS84, METRIC);
            if (!prepared.intersects(zl)) continue;
            seen.put(z.id(), z);
            Double a = null, ha = null, shareP = null, shareZ = null, len = null;
            if (dim == 2 && zl.getDimension() == 2) {
                double inter = prepared.covers(zl) ? zl.getArea() : zl.covers(local) ? area
                        : OverlayNGRobust.overlay(local, zl, OverlayNG.INTERSECTION).getArea();
                a = round(inter, 1);
                ha = round(inter / 10_000, 4);
                shareP = area > 0 ? round(inter / area, 4) : null;
                shareZ = zl.getArea() > 0 ? round(inter / zl.getArea(), 4) : null;
            } else if (dim == 1 && zl.getDimension() == 2) {
                double inside = OverlayNGRobust.overlay(local, zl, OverlayNG.INTERSECTION).getLength();
                len = round(inside, 1);
                shareP = length > 0 ? round(inside / length, 4) : null;
            } else if (dim == 2 && zl.getDimension() == 1) {
                len = round(OverlayNGRobust.overlay(zl, local, OverlayNG.INTERSECTION).getLength(), 1);
            }
            touches.add(new OverlayReport.Touch(z.id(), z.collection(), z.name(), z.accuracy(), a, ha, shareP, shareZ, len));
        }

        List<OverlayReport.Nearby> nearby = new ArrayList<>();
        Envelope e = new Envelope(wgs.getEnvelopeInternal());
        double lat = e.centre().y;
        e.expandBy(distance / (111_320 * Math.cos(Math.toRadians(lat))) * 1.05, distance / 110_574 * 1.05);
        for (StoredFeature s : features.intersecting(GeoJsonFeatures.WGS84.toGeometry(e), List.of("project-sites"))) {
            double d = local.distance(CrsTransform.transform(s.geometry(), Crs.CRS84, METRIC));
            if (d > distance) continue;
            seen.put(s.id(), s);
            Object catalogue = s.properties().get("catalogueId");
            nearby.add(new OverlayReport.Nearby(s.id(), s.name(), s.accuracy(), s.column(),
                    catalogue == null ? null : catalogue.toString(), round(d, 1)));
        }
        nearby.sort(Comparator.comparingDouble(OverlayReport.Nearby::distanceM).thenComparing(OverlayReport.Nearby::id));

        Set<String> ids = new LinkedHashSet<>();
        Map<String, String> names = new LinkedHashMap<>();
        touches.forEach(t -> { ids.add(t.id()); names.put(t.id(), t.name()); });
        nearby.forEach(n -> { ids.add(n.id()); names.put(n.id(), n.name()); });
        List<OverlayReport.PlanRef> plan = new ArrayList<>();
        planLinks.refs(ids, names, PLAN_REFS_PER_FEATURE).values().forEach(plan::addAll);
        List<Map<String, Object>> indicators = indicatorLinks.forFeatures(ids);

        return new OverlayReport.FeatureReport(index, f.name(), wgs.getGeometryType(),
                dim == 2 ? round(area, 1) : null, dim == 2 ? round(area / 10_000, 4) : null, dim == 1 ? round(length, 1) : null,
                touches, nearby, plan, indicators.isEmpty() ? null : indicators);
    }

    private static List<String> caveats(java.util.Collection<StoredFeature> touched) {
        List<String> out = new ArrayList<>();
        List<String> schematic = touched.stream().filter(s -> "schematic".equals(s.accuracy())).map(StoredFeature::name).distinct().toList();
        List<String> approximate = touched.stream().filter(s -> "approximate".equals(s.accuracy())).map(StoredFeature::name).distinct().toList();
        if (!schematic.isEmpty()) {
            out.add("Schematic (drawn from the plan's words, not an official boundary): " + String.join("、", schematic)
                    + ". Areas and shares involving them are indicative only.");
        }
        if (!approximate.isEmpty()) {
            out.add("Approximate (placed from a cited point, may be off by hundreds of metres): " + String.join("、", approximate)
                    + ". Distances to them are indicative only.");
        }
        return out;
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
