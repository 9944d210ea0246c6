package org.planmap.ogcapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Envelope;
import org.planmap.features.CollectionDef;
import org.planmap.features.FeaturePage;
import org.planmap.features.FeatureQuery;
import org.planmap.features.FeatureRepository;
import org.planmap.features.FeatureSelection;
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

    /**
     * The page {@code query} asks for out of {@code candidates} (already filtered by the source's own queryables):
     * features inside any of the query's boxes (a feature without geometry is in none), then offset and limit; the
     * count is of every match. For sources that hold their features in memory.
     */
    static FeaturePage page(Stream<StoredFeature> candidates, FeatureQuery query) {
        return FeatureSelection.page(candidates, query);
    }

    /** Count and bbox of a source's features ({@code extent} empty: the whole world, as for an empty collection). */
    static FeatureRepository.CollectionStats stats(long count, Envelope extent) {
        double[] bbox = extent.isNull() ? new double[] {-180, -90, 180, 90}
                : new double[] {extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()};
        return new FeatureRepository.CollectionStats(count, bbox);
    }
}
