package org.planmap.editing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.SeedLoadListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seed-versus-edits rule (docs/editing.md), applied in the loader's transaction whenever a {@code geodata/}
 * file changed:
 * <ol>
 * <li>Staff versions stay on top: every feature staff edited or placed is written back over the new seed.</li>
 * <li>If the seed changed a feature staff edited (its new seed differs from the seed staff's edits were made on),
 *     the change is listed as a conflict, with the seed's new feature, for an editor to resolve: keep staff's
 *     version or take the seed's. A removed feature or a new seed feature with the id of one staff placed is a
 *     conflict too.</li>
 * <li>If the new seed equals staff's current version (the staff edits were exported and committed), the seed has
 *     caught up: it becomes the base and any open conflict closes.</li>
 * <li>A catalogue item staff placed stays mapped to its site when the catalogue file is reloaded.</li>
 * </ol>
 */
@Component
class SeedEdits implements SeedLoadListener {
    private static final Logger log = LoggerFactory.getLogger(SeedEdits.class);

    private final EditStore store;
    private final FeatureRepository features;

    SeedEdits(EditStore store, FeatureRepository features) {
        this.store = store;
        this.features = features;
    }

    @Override
    public void seedLoaded(Map<String, List<StoredFeature>> reloaded) {
        Instant now = Instant.now();
        Map<String, Map<String, StoredFeature>> seeds = new HashMap<>();
        reloaded.forEach((collection, list) -> {
            Map<String, StoredFeature> byId = new HashMap<>();
            list.forEach(f -> byId.put(f.id(), f));
            seeds.put(collection, byId);
        });
        int kept = 0;
        int conflicts = 0;
        for (StaffFeature staff : store.allStaff()) {
            if (staff.removed()) continue;
            String current = store.version(staff.featureId(), staff.version()).orElseThrow().feature();
            Map<String, StoredFeature> seed = seeds.get(staff.collection());
            if (seed != null) {
                StoredFeature seedFeature = seed.get(staff.featureId());
                String seedNow = seedFeature == null ? null : FeatureDocuments.write(seedFeature);
                if (FeatureDocuments.same(seedNow, current)) {
                    store.rebase(staff.featureId(), seedNow);
                } else if (!FeatureDocuments.same(seedNow, staff.seed())) {
                    String kind = seedNow == null ? StaffFeature.REMOVED : staff.seed() == null ? StaffFeature.ADDED : StaffFeature.CHANGED;
                    store.conflict(staff.featureId(), kind, seedNow, now);
                    conflicts++;
                } else if (staff.inConflict()) {
                    // the seed went back to what staff's edits were made on: nothing left to resolve
                    store.rebase(staff.featureId(), staff.seed());
                }
                features.save(FeatureDocuments.read(staff.collection(), current));
                kept++;
            }
            StoredFeature f = FeatureDocuments.read(staff.collection(), current);
            if (f.properties().get("catalogueId") instanceof String item && "project-sites".equals(staff.collection())) {
                store.mapCatalogueItem(item, staff.featureId());
            }
        }
        if (kept > 0) log.info("Seed reloaded: {} staff-edited features kept on top, {} seed conflicts to resolve", kept, conflicts);
    }
}
