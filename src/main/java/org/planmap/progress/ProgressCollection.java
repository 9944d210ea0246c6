package org.planmap.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.planmap.features.CollectionDef;
import org.planmap.features.FeaturePage;
import org.planmap.features.FeatureQuery;
import org.planmap.features.FeatureRepository;
import org.planmap.features.FeatureSelection;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.ogcapi.OgcCollectionSource;
import org.planmap.system.ApiException;
import org.springframework.stereotype.Component;

/**
 * The OGC API collection {@code progress}: one feature per catalogue item (all 393), id = the item id, with its
 * current status and the geometry of its project site — {@code null} where the item is not mapped. Queryable by
 * {@code status}, {@code column} and {@code zone}.
 */
@Component
class ProgressCollection implements OgcCollectionSource {
    static final String ID = "progress";
    private static final CollectionDef DEF = new CollectionDef(ID, "规划项目实施进展", "Implementation progress of the plan's projects",
            "十七个专栏全部 393 个项目的当前实施状态（未填报的项目为“未填报”），已落图项目带项目点位几何，未落图项目几何为空。",
            "The current implementation status of all 393 items of the 17 columns (\"not recorded\" where nobody has recorded it); "
                    + "mapped items carry their project site's geometry, unmapped items none.",
            "progress", "feature", List.of(), List.of("status", "column", "zone"));

    private final ProgressService progress;
    private final DataSnapshots snapshots;

    ProgressCollection(ProgressService progress, DataSnapshots snapshots) {
        this.progress = progress;
        this.snapshots = snapshots;
    }

    @Override
    public CollectionDef def() {
        return DEF;
    }

    @Override
    public FeaturePage find(FeatureQuery query) {
        String status = query.filters().get("status");
        if (status != null && ProgressStatus.parse(status).filter(s -> s.code().equals(status)).isEmpty()) {
            throw ApiException.badParameter("status", status, "must be one of " + codes());
        }
        // column and zone mean what they mean on the plan's collections (column 08 is column 8): the shared test
        Map<String, String> common = new LinkedHashMap<>(query.filters());
        common.remove("status");
        return OgcCollectionSource.page(features().stream()
                .filter(f -> status == null || status.equals(f.properties().get("status")))
                .filter(f -> FeatureSelection.matchesFilters(f, common)), query);
    }

    @Override
    public Optional<StoredFeature> get(String id) {
        return features().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    @Override
    public FeatureRepository.CollectionStats stats() {
        DataSnapshot data = snapshots.current();
        Envelope all = new Envelope();
        for (CatalogueItem i : data.catalogue()) {
            if (i.featureId() != null) data.feature(i.featureId()).ifPresent(f -> all.expandToInclude(f.envelope()));
        }
        return OgcCollectionSource.stats(data.catalogue().size(), all);
    }

    @Override
    public Map<String, Object> queryableSchema(String name) {
        if (!name.equals("status")) return null;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", "实施状态 Status");
        s.put("type", "string");
        s.put("enum", codes());
        return s;
    }

    /** Every item as a feature, in catalogue order, with today's state. */
    private List<StoredFeature> features() {
        DataSnapshot data = snapshots.current();
        Map<String, ProgressRecord> state = progress.asOf(progress.today());
        ItemPlaces places = data.get(ItemPlaces.VIEW);
        List<StoredFeature> out = new ArrayList<>(data.catalogue().size());
        for (CatalogueItem i : data.catalogue()) {
            StoredFeature site = i.featureId() == null ? null : data.feature(i.featureId()).orElse(null);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", i.name());
            p.put("nameEn", i.nameEn());
            p.put("catalogueId", i.id());
            p.put("column", i.column());
            p.put("columnGroup", i.columnGroup());
            p.put("mapped", site != null);
            p.put("featureId", site == null ? null : site.id());
            p.put("accuracy", site == null ? null : site.accuracy());
            p.put("zone", places.zone(i.id()));
            p.put("planRefs", List.of(i.id()));
            ProgressBoard.putState(p, state.get(i.id()));
            Geometry g = site == null ? null : site.geometry();
            out.add(new StoredFeature(i.id(), ID, i.name(), i.nameEn(), site == null ? null : site.accuracy(),
                    places.zone(i.id()), i.column(), p, g));
        }
        return out;
    }

    private static List<String> codes() {
        return java.util.Arrays.stream(ProgressStatus.values()).map(ProgressStatus::code).toList();
    }
}
