package org.planmap.overlay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.StoredFeature;
import org.planmap.geo.Crs;
import org.planmap.geo.CrsTransform;
import org.planmap.geodata.DataSnapshot;

/**
 * The plan's area layers ({@link CollectionRegistry#areaCollections()}) and the project sites of one data snapshot,
 * projected once to the local metric CRS (EPSG:4544), prepared for repeated intersection tests and indexed by
 * envelope: built once per snapshot ({@link OverlayAnalysis}), so no request reprojects or re-reads them.
 */
final class PlanLayerIndex {
    /** One plan feature: its stored form (WGS84), its local geometry, that geometry prepared, its load order. */
    record Entry(StoredFeature feature, Geometry local, PreparedGeometry prepared, int order) { }

    private static final Comparator<Entry> LOAD_ORDER = Comparator.comparingInt(Entry::order);
    private final STRtree areas = new STRtree();
    private final STRtree sites = new STRtree();

    PlanLayerIndex(DataSnapshot data, CollectionRegistry registry) {
        int order = 0;
        // alphabetical collection order, as the store's ORDER BY collection, seq gave before
        for (String collection : registry.areaCollections().stream().sorted().toList()) {
            for (StoredFeature f : data.features(collection)) add(areas, f, order++);
        }
        for (StoredFeature f : data.features("project-sites")) add(sites, f, order++);
        areas.build();
        sites.build();
    }

    /** Plan areas whose envelope meets {@code local} (EPSG:4544), in collection then file order. */
    List<Entry> areas(Envelope local) {
        return query(areas, local);
    }

    /** Project sites whose envelope meets {@code local} (EPSG:4544), in file order. */
    List<Entry> sites(Envelope local) {
        return query(sites, local);
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> query(STRtree tree, Envelope e) {
        List<Entry> hits = new ArrayList<>(tree.query(e));
        hits.sort(LOAD_ORDER);
        return hits;
    }

    private static void add(STRtree tree, StoredFeature f, int order) {
        if (f.geometry() == null || f.geometry().isEmpty()) return;
        Geometry local = CrsTransform.transform(f.geometry(), Crs.CRS84, OverlayAnalysis.METRIC);
        tree.insert(local.getEnvelopeInternal(), new Entry(f, local, PreparedGeometryFactory.prepare(local), order));
    }
}
