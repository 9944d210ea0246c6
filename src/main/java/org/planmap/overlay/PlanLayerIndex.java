package org.planmap.overlay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.planmap.features.FeatureRepository;
import org.planmap.features.GeodataLoader;
import org.planmap.features.StoredFeature;
import org.planmap.geo.Crs;
import org.planmap.geo.CrsTransform;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The plan's layout layers ({@link OverlayAnalysis#AREA_LAYERS}) and the project sites, projected once to the
 * local metric CRS (EPSG:4544), prepared for repeated intersection tests and indexed by envelope. They change
 * only when the geodata loader runs, so the index is rebuilt on {@link GeodataLoader.DataLoaded} and no request
 * reprojects or re-reads them. Built on first use when a request comes before the first load event.
 */
@Component
class PlanLayerIndex {
    /** One plan feature: its stored form (WGS84), its local geometry, that geometry prepared, its load order. */
    record Entry(StoredFeature feature, Geometry local, PreparedGeometry prepared, int order) { }

    private record Snapshot(STRtree areas, STRtree sites) { }

    private static final Comparator<Entry> LOAD_ORDER = Comparator.comparingInt(Entry::order);
    private final FeatureRepository features;
    private volatile Snapshot snapshot;

    PlanLayerIndex(FeatureRepository features) {
        this.features = features;
    }

    @EventListener
    void onLoaded(GeodataLoader.DataLoaded event) {
        snapshot = build();
    }

    /** Plan areas whose envelope meets {@code local} (EPSG:4544), in collection then file order. */
    List<Entry> areas(Envelope local) {
        return query(snapshot().areas(), local);
    }

    /** Project sites whose envelope meets {@code local} (EPSG:4544), in file order. */
    List<Entry> sites(Envelope local) {
        return query(snapshot().sites(), local);
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> query(STRtree tree, Envelope e) {
        List<Entry> hits = new ArrayList<>(tree.query(e));
        hits.sort(LOAD_ORDER);
        return hits;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) snapshot = build();
                s = snapshot;
            }
        }
        return s;
    }

    private Snapshot build() {
        int[] order = {0};
        STRtree areas = new STRtree();
        // alphabetical collection order, as the store's ORDER BY collection, seq gave before
        for (String collection : OverlayAnalysis.AREA_LAYERS.stream().sorted().toList()) {
            features.all(collection).forEach(f -> add(areas, f, order[0]++));
        }
        STRtree sites = new STRtree();
        features.all("project-sites").forEach(f -> add(sites, f, order[0]++));
        areas.build();
        sites.build();
        return new Snapshot(areas, sites);
    }

    private static void add(STRtree tree, StoredFeature f, int order) {
        if (f.geometry() == null || f.geometry().isEmpty()) return;
        Geometry local = CrsTransform.transform(f.geometry(), Crs.CRS84, OverlayAnalysis.METRIC);
        tree.insert(local.getEnvelopeInternal(), new Entry(f, local, PreparedGeometryFactory.prepare(local), order));
    }
}
