package org.planmap.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshot;

/**
 * Where each catalogue item lies, for the counts by zone and by area: the ch.16 zone of its site (the
 * site's {@code zone} property) and the showcase and demonstration areas its site touches. Unmapped items lie in
 * no zone and no area. A view of the snapshot, built once per data version.
 */
record ItemPlaces(Map<String, String> zoneOf, Map<String, List<String>> areasOf, List<StoredFeature> zones,
                  List<StoredFeature> areas) {
    static final List<String> AREA_COLLECTIONS = List.of("showcase-areas", "demonstration-zones");
    static final DataSnapshot.View<ItemPlaces> VIEW = DataSnapshot.View.of("progress item places", ItemPlaces::of);

    static ItemPlaces of(DataSnapshot data) {
        Map<String, String> zoneOf = new HashMap<>();
        Map<String, List<String>> areasOf = new HashMap<>();
        List<StoredFeature> areas = new ArrayList<>();
        AREA_COLLECTIONS.forEach(c -> areas.addAll(data.features(c)));
        for (CatalogueItem item : data.catalogue()) {
            if (item.featureId() == null) continue;
            StoredFeature site = data.feature(item.featureId()).orElse(null);
            if (site == null) continue;
            if (site.zone() != null) zoneOf.put(item.id(), site.zone());
            List<String> in = new ArrayList<>();
            for (StoredFeature area : areas) {
                if (area.envelope().intersects(site.envelope()) && area.geometry().intersects(site.geometry())) in.add(area.id());
            }
            areasOf.put(item.id(), List.copyOf(in));
        }
        return new ItemPlaces(Map.copyOf(zoneOf), Map.copyOf(areasOf), data.features("zones"), List.copyOf(areas));
    }

    String zone(String itemId) {
        return zoneOf.get(itemId);
    }

    List<String> areas(String itemId) {
        return areasOf.getOrDefault(itemId, List.of());
    }
}
