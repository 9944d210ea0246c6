package org.planmap.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;
import org.planmap.geo.Crs;
import org.planmap.geo.CrsTransform;
import org.planmap.overlay.OverlayFeature;
import org.planmap.overlay.OverlayRepository;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads: a whole layer ({@code GET /api/export/{collection}}) or a list of feature ids — a search result or
 * the current selection ({@code POST /api/export {ids, format, crs}}) — as GeoJSON, GeoPackage, KML, CSV (WKT) or
 * a zipped Shapefile, in WGS84 (default), CGCS2000 (EPSG:4490) or a CGCS2000 Gauss–Krüger zone / UTM 48N.
 */
@RestController
class ExportController {
    /** CRSs offered for download. KML is WGS84 only. */
    static final List<Integer> EXPORT_EPSG = List.of(4326, 4490, 4523, 4524, 4525, 4544, 4545, 4546, 32648);
    static final int MAX_IDS = 5000;

    private final CollectionRegistry registry;
    private final FeatureRepository features;
    private final OverlayRepository overlays;
    private final JsonMapper json;

    ExportController(CollectionRegistry registry, FeatureRepository features, OverlayRepository overlays, JsonMapper json) {
        this.registry = registry;
        this.features = features;
        this.overlays = overlays;
        this.json = json;
    }

    /**
     * A saved overlay's own features through the same writers: attributes {@code collection = overlay}, {@code name}
     * (the planner's feature name), then the uploaded attributes; ids {@code overlay-<id>-<n>}.
     */
    @GetMapping("/api/overlays/{id}/export")
    ResponseEntity<byte[]> overlay(@PathVariable String id, @RequestParam(required = false) String format,
                                   @RequestParam(required = false) String crs) {
        OverlayRepository.Saved saved = overlays.find(id).orElseThrow(() -> ApiException.notFound("Overlay", id));
        List<StoredFeature> out = new ArrayList<>();
        int n = 0;
        for (OverlayFeature f : saved.overlay().features()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("name", f.name());
            f.properties().forEach(props::putIfAbsent);
            out.add(new StoredFeature("overlay-" + id + "-" + n++, "overlay", f.name(), null, null, null, null, props, f.geometry()));
        }
        return export(out, ExportFormat.parse(format), parseCrs(crs), "overlay-" + id);
    }

    record ExportRequest(List<String> ids, String format, String crs, String name) { }

    @GetMapping("/api/export/{collection}")
    ResponseEntity<byte[]> collection(@PathVariable String collection, @RequestParam(required = false) String format,
                                      @RequestParam(required = false) String crs) {
        CollectionDef def = registry.find(collection).orElseThrow(() -> ApiException.notFound("Layer", collection));
        return export(features.all(def.id()), ExportFormat.parse(format), parseCrs(crs), def.id());
    }

    @PostMapping(value = "/api/export", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> selection(@RequestBody ExportRequest request) {
        if (request == null || request.ids() == null || request.ids().isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Name the features to export in \"ids\" (a non-empty list)", "ids", null);
        }
        if (request.ids().size() > MAX_IDS) {
            throw ApiException.badParameter("ids", String.valueOf(request.ids().size()), "at most " + MAX_IDS + " ids per export");
        }
        ExportFormat format = ExportFormat.parse(request.format());
        Crs crs = parseCrs(request.crs());
        List<StoredFeature> found = features.getAll(request.ids().stream().distinct().toList());
        if (found.size() < request.ids().stream().distinct().count()) {
            List<String> missing = new ArrayList<>(request.ids());
            found.forEach(f -> missing.remove(f.id()));
            throw ApiException.notFound("Feature", missing.get(0));
        }
        String name = request.name() == null || !request.name().matches("[A-Za-z0-9_-]{1,40}") ? "selection" : request.name();
        return export(found, format, crs, name);
    }

    static Crs parseCrs(String text) {
        if (text == null || text.isBlank()) return Crs.CRS84;
        Crs crs = Crs.find(text).orElseThrow(() -> ApiException.badParameter("crs", text, supported()));
        int code = crs.epsg() == 0 ? 4326 : crs.epsg();
        if (!EXPORT_EPSG.contains(code)) throw ApiException.badParameter("crs", text, supported());
        return crs.epsg() == 4326 ? Crs.CRS84 : crs;
    }

    private static String supported() {
        return "export is offered in EPSG:4326 (WGS84), EPSG:4490 (CGCS2000), EPSG:4523–4525 and 4544–4546 "
                + "(CGCS2000 Gauss–Krüger) and EPSG:32648 (UTM 48N)";
    }

    private ResponseEntity<byte[]> export(List<StoredFeature> stored, ExportFormat format, Crs crs, String base) {
        if (format == ExportFormat.KML && crs.epsg() != 0) {
            throw ApiException.badParameter("crs", crs.proj4Name(), "KML is always WGS84 (EPSG:4326); choose another format for CGCS2000");
        }
        List<ExportFeature> out = new ArrayList<>();
        for (StoredFeature f : stored) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("collection", f.collection());
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                Object v = e.getValue();
                attributes.put(e.getKey(), v == null || v instanceof String || v instanceof Number || v instanceof Boolean
                        ? v : json.writeValueAsString(v));
            }
            out.add(new ExportFeature(f.id(), attributes, CrsTransform.transform(f.geometry(), Crs.CRS84, crs)));
        }
        String suffix = crs.epsg() == 0 ? "" : "-" + crs.epsg();
        try {
            byte[] body = switch (format) {
                case GEOJSON -> ExportWriters.geojson(out, crs, json);
                case CSV -> ExportWriters.csv(out, crs);
                case KML -> ExportWriters.kml(out, base);
                case GPKG -> ExportWriters.gpkg(out, crs, base.replace('-', '_'));
                case SHP -> ExportWriters.shapefileZip(out, crs, base.replace('-', '_'));
            };
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType))
                    .header("Content-Disposition", "attachment; filename=\"" + base + suffix + "." + format.extension + "\"")
                    .body(body);
        } catch (Exception e) {
            throw new IllegalStateException("export of " + base + " as " + format + " failed", e);
        }
    }
}
