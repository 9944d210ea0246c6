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
import org.planmap.features.StoredFeature;
import org.planmap.geodata.DataSnapshot;
import org.planmap.system.ApiException;
import org.springframework.stereotype.Component;

/** The collections the OGC API serves: the registry's (feature table) and then each {@link OgcCollectionSource}'s. */
@Component
class OgcCollections {
    private final CollectionRegistry registry;
    private final FeatureRepository features;
    private final Map<String, OgcCollectionSource> sources = new LinkedHashMap<>();

    OgcCollections(CollectionRegistry registry, FeatureRepository features, List<OgcCollectionSource> sources) {
        this.registry = registry;
        this.features = features;
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

    Map<String, FeatureRepository.CollectionStats> stats() {
        Map<String, FeatureRepository.CollectionStats> out = new LinkedHashMap<>(features.stats());
        sources.forEach((id, s) -> out.put(id, s.stats()));
        return out;
    }

    FeaturePage find(FeatureQuery query) {
        OgcCollectionSource s = sources.get(query.collection());
        return s == null ? features.find(query) : s.find(query);
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
