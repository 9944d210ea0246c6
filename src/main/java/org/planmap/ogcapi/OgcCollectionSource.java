package org.planmap.ogcapi;

import java.util.Map;
import java.util.Optional;
import org.planmap.features.CollectionDef;
import org.planmap.features.FeaturePage;
import org.planmap.features.FeatureQuery;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;

/**
 * A collection the OGC API serves from somewhere other than the feature table, provided by a package above this one
 * (e.g. {@code progress}: one feature per catalogue item) without this package depending on it. Its features may
 * have no geometry ({@code null}, written as {@code "geometry": null}); a bbox query leaves those out. Its
 * responses are cached and tagged like the others, by the data version, so its data must be written through
 * {@code DataSnapshots.write}.
 */
public interface OgcCollectionSource {
    CollectionDef def();

    /** One page; {@code query.filters()} hold only this collection's queryables, values not yet checked. */
    FeaturePage find(FeatureQuery query);

    Optional<StoredFeature> get(String id);

    /** Count and bbox of the features that have a geometry (count: all of them). */
    FeatureRepository.CollectionStats stats();

    /** JSON Schema of a queryable of this collection, or null for the common ones ({@code zone}, {@code column}, …). */
    default Map<String, Object> queryableSchema(String name) {
        return null;
    }
}
