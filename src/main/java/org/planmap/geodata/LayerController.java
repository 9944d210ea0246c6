package org.planmap.geodata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureJson;
import org.planmap.system.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The map's own layer endpoints: the list of collections and each one as a GeoJSON FeatureCollection. */
@RestController
class LayerController {
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final CollectionRegistry registry;
    private final DataSnapshots snapshots;
    private final FeatureJson featureJson;

    LayerController(CollectionRegistry registry, DataSnapshots snapshots, FeatureJson featureJson) {
        this.registry = registry;
        this.snapshots = snapshots;
        this.featureJson = featureJson;
    }

    @GetMapping("/api/layers")
    List<Map<String, Object>> layers() {
        DataSnapshot data = snapshots.current();
        List<Map<String, Object>> out = new ArrayList<>();
        for (CollectionDef def : registry.all()) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("id", def.id());
            layer.put("title", Map.of("zh", def.titleZh(), "en", def.titleEn()));
            layer.put("description", Map.of("zh", def.descriptionZh(), "en", def.descriptionEn()));
            layer.put("group", def.group());
            layer.put("planRefs", def.planRefs());
            layer.put("count", data.features(def.id()).size());
            data.stats(def.id()).ifPresent(s -> layer.put("bbox", s.bbox()));
            out.add(layer);
        }
        return out;
    }

    @GetMapping(value = "/api/layers/{id}", produces = {"application/geo+json", "application/json"})
    ResponseEntity<byte[]> layer(@PathVariable String id) {
        CollectionDef def = registry.find(id).orElseThrow(() -> ApiException.notFound("Layer", id));
        return ResponseEntity.ok().contentType(GEO_JSON).body(featureJson.collection(snapshots.current().features(def.id())));
    }
}
