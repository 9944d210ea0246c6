package org.planmap.geodata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureJson;
import org.planmap.system.ApiException;
import org.planmap.system.BodyCache;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The map's own layer endpoints: the list of collections and each one as a GeoJSON FeatureCollection. */
@RestController
class LayerController {
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final CollectionRegistry registry;
    private final DataSnapshots snapshots;
    private final FeatureJson featureJson;
    /** Encoded layers of the current snapshot (all of them together are about 0.5 MB). */
    private final BodyCache bodies = new BodyCache(8L << 20);

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

    /**
     * One layer as a FeatureCollection. Every first view fetches about ten of these, so each answer carries a weak
     * ETag of the data snapshot and the layer ({@code Cache-Control: no-cache}: the browser keeps it and asks again
     * with {@code If-None-Match}, 304 until the data changes), and the encoded body is built once per snapshot.
     */
    @GetMapping(value = "/api/layers/{id}", produces = {"application/geo+json", "application/json"})
    ResponseEntity<byte[]> layer(@PathVariable String id, WebRequest request) {
        CollectionDef def = registry.find(id).orElseThrow(() -> ApiException.notFound("Layer", id));
        DataSnapshot data = snapshots.current();
        String etag = "W/\"layer-" + def.id() + "-" + data.tag() + "\"";
        if (request.checkNotModified(etag)) return null; // 304, with the tag
        BodyCache.Body body = bodies.get(etag, k -> new BodyCache.Body(featureJson.collection(data.features(def.id())), GEO_JSON));
        return ResponseEntity.ok().contentType(GEO_JSON).cacheControl(CacheControl.noCache()).eTag(etag).body(body.bytes());
    }
}
