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
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.StoredFeature;
import org.planmap.geo.Crs;
import org.planmap.geo.CrsTransform;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.geodata.PlanRef;
import org.planmap.indicators.IndicatorLinks;
import org.planmap.indicators.Indicators;
import org.planmap.indicators.QuantifiedTarget;
import org.springframework.stereotype.Service;

/**
 * Overlays a planner's features on the plan's area layers and project sites. Everything comes from one data
 * snapshot: the plan features from its {@link PlanLayerIndex} (already in EPSG:4544, prepared and indexed), so a
 * request only projects the planner's own geometry; measures are computed with JTS in EPSG:4544 (see
 * {@link OverlayReport}); intersections use OverlayNG's robust mode, so near-coincident edges never fail. What the
 * plan says about every touched or nearby feature comes from the snapshot's plan links; the indicators and
 * quantified targets tied to those features from the indicators work ({@link IndicatorLinks}).
 */
@Service
public class OverlayAnalysis {
    public static final Crs METRIC = Crs.CGCS2000_GK.get(3);
    private static final int PLAN_REFS_PER_FEATURE = 12;
    /** A geometry's dimension → the word a UI names it by. */
    private static final String[] KINDS = {"point", "line", "polygon"};

    private final DataSnapshots snapshots;
    private final Indicators indicators;
    private final DataSnapshot.View<PlanLayerIndex> layerIndex;

    OverlayAnalysis(DataSnapshots snapshots, Indicators indicators, CollectionRegistry registry) {
        this.snapshots = snapshots;
        this.indicators = indicators;
        this.layerIndex = DataSnapshot.View.of("overlay layer index", data -> new PlanLayerIndex(data, registry));
    }

    /** The touches and nearby sites of one planner feature, before the plan text is attached. */
    private record Measured(int index, OverlayFeature feature, Geometry local, List<OverlayReport.Touch> touches,
                            List<OverlayReport.Nearby> nearby) {
        Set<String> ids() {
            Set<String> ids = new LinkedHashSet<>();
            touches.forEach(t -> ids.add(t.id()));
            nearby.forEach(n -> ids.add(n.id()));
            return ids;
        }
    }

    public OverlayReport analyze(PreparedOverlay overlay, double distanceMetres) {
        DataSnapshot data = snapshots.current();
        PlanLayerIndex layers = data.get(layerIndex);
        IndicatorLinks indicatorLinks = indicators.links(data);
        Map<String, StoredFeature> seen = new LinkedHashMap<>();
        List<Measured> measured = new ArrayList<>();
        int index = 0;
        for (OverlayFeature f : overlay.features()) measured.add(measure(layers, index++, f, distanceMetres, seen));

        Map<String, List<OverlayReport.PlanRef>> refs = planRefs(data, seen.values());
        Map<String, List<OverlayReport.Indicator>> indicatorsOf = new LinkedHashMap<>();
        for (StoredFeature s : seen.values()) {
            List<OverlayReport.Indicator> list = new ArrayList<>();
            for (IndicatorLinks.FeatureIndicator i : indicatorLinks.indicatorsForFeature(s.id())) {
                list.add(new OverlayReport.Indicator(s.id(), s.name(), i.id(), i.tableId(), i.name(), i.unit(), i.target(), i.result(),
                        i.outcome() == null ? null : i.outcome().code(), i.reason()));
            }
            if (!list.isEmpty()) indicatorsOf.put(s.id(), list);
        }
        List<QuantifiedTarget> allTargets = seen.isEmpty() ? List.of() : indicatorLinks.targets(null, null);

        List<OverlayReport.FeatureReport> reports = new ArrayList<>();
        List<Map<String, ReportSummary.Relevance>> relevance = new ArrayList<>();
        List<List<OverlayReport.PlanRef>> allRefs = new ArrayList<>();
        for (Measured m : measured) {
            Set<String> ids = m.ids();
            Map<String, ReportSummary.Relevance> rel = ReportSummary.relevance(m.touches(), m.nearby(), distanceMetres);
            List<OverlayReport.PlanRef> said = new ArrayList<>();
            ids.forEach(id -> said.addAll(refs.getOrDefault(id, List.of())));
            List<OverlayReport.PlanRef> plan = ReportSummary.orderPlan(said, rel);
            List<OverlayReport.Indicator> indicators = new ArrayList<>();
            ids.forEach(id -> indicators.addAll(indicatorsOf.getOrDefault(id, List.of())));
            List<OverlayReport.Target> targets = ReportSummary.orderTargets(targets(allTargets, ids), said, rel);
            Geometry local = m.local();
            int dim = local.getDimension();
            double area = dim == 2 ? local.getArea() : 0;
            OverlayFeature f = m.feature();
            reports.add(new OverlayReport.FeatureReport(m.index(), f.name(), UploadNames.nameOf(f.properties(), null) != null,
                    KINDS[dim], f.geometry().getGeometryType(),
                    dim == 2 ? round(area, 1) : null, dim == 2 ? round(area / 10_000, 4) : null,
                    dim == 1 ? round(local.getLength(), 1) : null, m.touches(), m.nearby(), plan, indicators, targets));
            relevance.add(rel);
            allRefs.add(said);
        }
        return new OverlayReport(overlay.format(), overlay.crs(), overlay.crsSource(), METRIC.proj4Name(), distanceMetres,
                overlay.notes(), caveats(seen.values()), indicative(seen.values()), ReportSummary.summarize(reports, relevance, allRefs), reports);
    }

    /** What the plan says about each feature: declared links first, at most {@value #PLAN_REFS_PER_FEATURE} each. */
    private static Map<String, List<OverlayReport.PlanRef>> planRefs(DataSnapshot data, java.util.Collection<StoredFeature> features) {
        Map<String, List<OverlayReport.PlanRef>> out = new LinkedHashMap<>();
        for (StoredFeature f : features) {
            List<OverlayReport.PlanRef> list = new ArrayList<>();
            for (PlanRef r : data.references().forFeature(f.id())) {
                if (list.size() >= PLAN_REFS_PER_FEATURE) break;
                list.add(new OverlayReport.PlanRef(f.id(), f.name(), f.nameEn(), r.nodeId(), r.nodeTitle(), r.paragraphId(), r.kind(), r.sentence()));
            }
            if (!list.isEmpty()) out.put(f.id(), list);
        }
        return out;
    }

    private static Measured measure(PlanLayerIndex layers, int index, OverlayFeature f, double distance, Map<String, StoredFeature> seen) {
        Geometry local = CrsTransform.transform(f.geometry(), Crs.CRS84, METRIC);
        int dim = local.getDimension();
        double area = dim == 2 ? local.getArea() : 0;
        double length = dim == 1 ? local.getLength() : 0;
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(local);

        List<OverlayReport.Touch> touches = new ArrayList<>();
        for (PlanLayerIndex.Entry z : layers.areas(local.getEnvelopeInternal())) {
            if (!z.prepared().intersects(local)) continue;
            StoredFeature s = z.feature();
            Geometry zl = z.local();
            seen.put(s.id(), s);
            Double a = null, ha = null, shareP = null, shareZ = null, len = null;
            if (dim == 2 && zl.getDimension() == 2) {
                double zoneArea = zl.getArea();
                double inter = z.prepared().covers(local) ? area : prepared.covers(zl) ? zoneArea
                        : OverlayNGRobust.overlay(local, zl, OverlayNG.INTERSECTION).getArea();
                a = round(inter, 1);
                ha = round(inter / 10_000, 4);
                shareP = area > 0 ? round(inter / area, 4) : null;
                shareZ = zoneArea > 0 ? round(inter / zoneArea, 4) : null;
            } else if (dim == 1 && zl.getDimension() == 2) {
                double inside = z.prepared().covers(local) ? length : OverlayNGRobust.overlay(local, zl, OverlayNG.INTERSECTION).getLength();
                len = round(inside, 1);
                shareP = length > 0 ? round(inside / length, 4) : null;
            } else if (dim == 2 && zl.getDimension() == 1) {
                len = round(prepared.covers(zl) ? zl.getLength() : OverlayNGRobust.overlay(zl, local, OverlayNG.INTERSECTION).getLength(), 1);
            }
            touches.add(new OverlayReport.Touch(s.id(), s.collection(), s.name(), s.nameEn(), s.accuracy(), a, ha, shareP, shareZ, len));
        }

        List<OverlayReport.Nearby> nearby = new ArrayList<>();
        Envelope around = new Envelope(local.getEnvelopeInternal());
        around.expandBy(distance);
        IndexedFacetDistance facets = null;
        for (PlanLayerIndex.Entry site : layers.sites(around)) {
            double d;
            if (prepared.intersects(site.local())) {
                d = 0;
            } else {
                if (facets == null) facets = new IndexedFacetDistance(local);
                d = facets.distance(site.local());
            }
            if (d > distance) continue;
            StoredFeature s = site.feature();
            seen.put(s.id(), s);
            Object catalogue = s.properties().get("catalogueId");
            nearby.add(new OverlayReport.Nearby(s.id(), s.name(), s.nameEn(), s.accuracy(), s.column(),
                    catalogue == null ? null : catalogue.toString(), round(d, 1)));
        }
        nearby.sort(Comparator.comparingDouble(OverlayReport.Nearby::distanceM).thenComparing(OverlayReport.Nearby::id));
        return new Measured(index, f, local, touches, nearby);
    }

    /** The targets that concern any of {@code ids}, each once, naming which of those features it concerns. */
    private static List<OverlayReport.Target> targets(List<QuantifiedTarget> all, Set<String> ids) {
        List<OverlayReport.Target> out = new ArrayList<>();
        for (QuantifiedTarget t : all) {
            List<String> mine = t.features().stream().filter(ids::contains).toList();
            if (mine.isEmpty()) continue;
            out.add(new OverlayReport.Target(t.id(), t.sectionId(), t.label(), t.sentence(), t.value(), t.valueMax(), t.unit(),
                    t.comparator(), t.year(), mine));
        }
        return out;
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

    /** The touched or nearby features that are not a survey, by accuracy level (for a UI to say so in its language). */
    private static List<OverlayReport.Indicative> indicative(java.util.Collection<StoredFeature> touched) {
        List<OverlayReport.Indicative> out = new ArrayList<>();
        for (String accuracy : List.of("schematic", "approximate")) {
            Map<String, StoredFeature> byName = new LinkedHashMap<>();
            touched.stream().filter(s -> accuracy.equals(s.accuracy())).forEach(s -> byName.putIfAbsent(s.name(), s));
            if (byName.isEmpty()) continue;
            out.add(new OverlayReport.Indicative(accuracy, byName.values().stream().map(StoredFeature::id).toList(),
                    List.copyOf(byName.keySet()), byName.values().stream().map(s -> s.nameEn() == null ? "" : s.nameEn()).toList()));
        }
        return out;
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
