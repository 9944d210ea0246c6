package org.planmap.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeaturePage;
import org.planmap.features.FeatureQuery;
import org.planmap.features.FeatureRepository;
import org.planmap.features.FeatureSelection;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.DataSnapshot;
import org.planmap.system.ApiException;
import org.springframework.stereotype.Component;

/**
 * The collections the OGC API serves: the registry's (the feature table, read through the data snapshot) and then each
 * {@link OgcCollectionSource}'s.
 */
@Component
class OgcCollections {
    private final CollectionRegistry registry;
    private final Map<String, OgcCollectionSource> sources = new LinkedHashMap<>();

    OgcCollections(CollectionRegistry registry, List<OgcCollectionSource> sources) {
        this.registry = registry;
        for (OgcCollectionSource s : sources) {
            if (registry.find(s.def().id()).isPresent() || this.sources.containsKey(s.def().id())) {
                throw new IllegalStateException("Two OGC collections named " + s.def().id());
            }
            this.sources.put(s.def().id(), s);
        }
    }

    List<CollectionDef> all() {
        List<CollectionDef> out = new ArrayList<>(registry.all());
        sources.values().forEach(s -> out.add(s.def()));
        return out;
    }

    CollectionDef find(String id) {
        Optional<CollectionDef> def = registry.find(id);
        if (def.isPresent()) return def.get();
        OgcCollectionSource s = id == null ? null : sources.get(id);
        if (s == null) throw ApiException.notFound("Collection", id);
        return s.def();
    }

    /** Count and bbox per non-empty collection: a feature table's from the snapshot, a source's from the source. */
    Map<String, FeatureRepository.CollectionStats> stats(DataSnapshot data) {
        Map<String, FeatureRepository.CollectionStats> out = new LinkedHashMap<>();
        for (CollectionDef def : registry.all()) data.stats(def.id()).ifPresent(st -> out.put(def.id(), st));
        sources.forEach((id, s) -> out.put(id, s.stats()));
        return out;
    }

    /** One page: a feature table's out of the snapshot (see {@link FeatureSelection}), a source's from the source. */
    FeaturePage find(FeatureQuery query, DataSnapshot data) {
        OgcCollectionSource s = sources.get(query.collection());
        return s == null ? FeatureSelection.page(data.features(query.collection()), query) : s.find(query);
    }

    /** One feature: a source's from the source, a feature table's from the snapshot (the data version of the ETag). */
    Optional<StoredFeature> get(CollectionDef def, String id, DataSnapshot data) {
        OgcCollectionSource s = sources.get(def.id());
        if (s != null) return s.get(id);
        return data.feature(id).filter(x -> x.collection().equals(def.id()));
    }

    Map<String, Object> queryableSchema(CollectionDef def, String name) {
        OgcCollectionSource s = sources.get(def.id());
        Map<String, Object> own = s == null ? null : s.queryableSchema(name);
        return own != null ? own : Queryables.schema(name);
    }
}
