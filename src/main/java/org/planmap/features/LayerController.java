package org.planmap.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final FeatureRepository features;
    private final FeatureJson featureJson;

    LayerController(CollectionRegistry registry, FeatureRepository features, FeatureJson featureJson) {
        this.registry = registry;
        this.features = features;
        this.featureJson = featureJson;
    }

    @GetMapping("/api/layers")
    List<Map<String, Object>> layers() {
        Map<String, FeatureRepository.CollectionStats> stats = features.stats();
        List<Map<String, Object>> out = new ArrayList<>();
        for (CollectionDef def : registry.all()) {
            FeatureRepository.CollectionStats s = stats.get(def.id());
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("id", def.id());
            layer.put("title", Map.of("zh", def.titleZh(), "en", def.titleEn()));
            layer.put("description", Map.of("zh", def.descriptionZh(), "en", def.descriptionEn()));
            layer.put("group", def.group());
            layer.put("planRefs", def.planRefs());
            layer.put("count", s == null ? 0 : s.count());
            if (s != null) layer.put("bbox", s.bbox());
            out.add(layer);
        }
        return out;
    }

    @GetMapping(value = "/api/layers/{id}", produces = {"application/geo+json", "application/json"})
    ResponseEntity<String> layer(@PathVariable String id) {
        CollectionDef def = registry.find(id).orElseThrow(() -> ApiException.notFound("Layer", id));
        return ResponseEntity.ok().contentType(GEO_JSON).body(featureJson.collection(features.all(def.id())));
    }
}
