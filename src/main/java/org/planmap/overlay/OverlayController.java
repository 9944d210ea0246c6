package org.planmap.overlay;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.geo.GeoJsonWriter;
import org.planmap.system.ApiException;
import org.planmap.system.DatabaseAvailability;
import org.planmap.system.IdempotencyKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/overlays}: analyse a planner's geometry (upload, pasted WKT or drawn GeoJSON) without keeping it,
 * save it under an unguessable id with a delete token for its creator, fetch it with its report, download the
 * report as JSON or CSV, delete it.
 */
@RestController
class OverlayController {
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private final OverlayRequests requests;
    private final OverlayPreparer preparer;
    private final OverlayAnalysis analysis;
    private final OverlayRepository repository;
    private final JsonMapper json;
    private final AnalysisBulkhead bulkhead;
    private final DatabaseAvailability database;

    OverlayController(OverlayRequests requests, OverlayPreparer preparer, OverlayAnalysis analysis, OverlayRepository repository,
                      JsonMapper json, AnalysisBulkhead bulkhead, DatabaseAvailability database) {
        this.bulkhead = bulkhead;
        this.database = database;
        this.requests = requests;
        this.preparer = preparer;
        this.analysis = analysis;
        this.repository = repository;
        this.json = json;
    }

    @PostMapping(value = "/api/overlays/analyze", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> analyzeUpload(@RequestParam(name = "file", required = false) List<MultipartFile> file,
                                    @RequestParam(required = false) String crs, @RequestParam(required = false) String distance,
                                    @RequestParam(required = false) String format, HttpServletRequest request) {
        double d = requests.distance(distance);
        return bulkhead.run(request.getContentLengthLong(), () -> {
            ServerTiming timing = new ServerTiming();
            Upload upload = requests.fromFiles(file);
            timing.mark("read");
            return analyze(upload, crs, d, format, timing);
        });
    }

    @PostMapping(value = "/api/overlays/analyze", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> analyzeJson(HttpServletRequest request, @RequestParam(required = false) String format) throws IOException {
        var body = request.getInputStream();
        return bulkhead.run(request.getContentLengthLong(), () -> {
            ServerTiming timing = new ServerTiming();
            OverlayRequests.JsonRequest r = requests.fromJson(body, request.getContentLengthLong());
            double d = requests.distance(r.distance());
            timing.mark("read");
            return analyze(r.upload(), r.crs(), d, format, timing);
        });
    }

    /** Prepare, analyse and answer, with a {@code Server-Timing} header (read, prepare, analysis, total in ms). */
    private ResponseEntity<?> analyze(Upload upload, String crs, double distance, String format, ServerTiming timing) {
        PreparedOverlay p = preparer.prepare(upload, crs);
        timing.mark("prepare");
        OverlayReport report = analysis.analyze(p, distance);
        timing.mark("analysis");
        ResponseEntity<?> answer = respond(p, report, format);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).header("Server-Timing", timing.header())
                .body(answer.getBody());
    }

    /**
     * Saves an upload. With an {@code Idempotency-Key} header a retry of the same request answers the first
     * save's result (same id and delete token, header {@code Idempotent-Replayed: true}) instead of saving again.
     */
    @PostMapping(value = "/api/overlays", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> saveUpload(@RequestParam(name = "file", required = false) List<MultipartFile> file,
                                                   @RequestParam(required = false) String crs,
                                                   @RequestParam(required = false) String distance,
                                                   @RequestParam(required = false) String name,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                   HttpServletRequest request) {
        database.requireUp(); // a save cannot succeed now: answer before reading and analysing the upload
        String idempotencyKey = IdempotencyKeys.parse(key);
        double d = requests.distance(distance);
        return bulkhead.run(request.getContentLengthLong(), () -> save(preparer.prepare(requests.fromFiles(file), crs), d, name, idempotencyKey));
    }

    @PostMapping(value = "/api/overlays", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> saveJson(HttpServletRequest request,
                                                 @RequestHeader(name = "Idempotency-Key", required = false) String key) throws IOException {
        database.requireUp();
        String idempotencyKey = IdempotencyKeys.parse(key);
        var body = request.getInputStream();
        return bulkhead.run(request.getContentLengthLong(), () -> {
            OverlayRequests.JsonRequest r = requests.fromJson(body, request.getContentLengthLong());
            double d = requests.distance(r.distance());
            return save(preparer.prepare(r.upload(), r.crs()), d, r.name(), idempotencyKey);
        });
    }

    private ResponseEntity<Map<String, Object>> save(PreparedOverlay p, double distance, String requestedName, String idempotencyKey) {
        String name = OverlayRequests.name(requestedName, p);
        String fingerprint = idempotencyKey == null ? null : fingerprint(name, p, distance);
        OverlayRepository.Created created = idempotencyKey == null ? null : repository.replay(idempotencyKey, fingerprint).orElse(null);
        if (created == null) {
            OverlayReport report = analysis.analyze(p, distance); // analyse first: nothing is stored if it fails
            created = repository.save(name, p, distance, idempotencyKey, fingerprint);
            if (!created.replayed()) return saved(created, body(created.id(), name, null, p, report));
        }
        OverlayRepository.Saved s = find(created.id());
        return saved(created, body(s.id(), s.name(), s.createdAt().toString(), s.overlay(), analysis.analyze(s.overlay(), s.distanceMetres())));
    }

    private static ResponseEntity<Map<String, Object>> saved(OverlayRepository.Created created, Map<String, Object> body) {
        body.put("deleteToken", created.deleteToken());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/overlays/" + created.id());
        if (created.replayed()) answer.header("Idempotent-Replayed", "true");
        return answer.body(body);
    }

    /** What makes two save requests the same: the name, the radius and every feature as it will be stored. */
    private String fingerprint(String name, PreparedOverlay p, double distance) {
        List<byte[]> parts = new java.util.ArrayList<>();
        parts.add(name.getBytes(StandardCharsets.UTF_8));
        parts.add(Double.toString(distance).getBytes(StandardCharsets.UTF_8));
        parts.add(String.valueOf(p.crs()).getBytes(StandardCharsets.UTF_8));
        org.locationtech.jts.io.WKBWriter wkb = new org.locationtech.jts.io.WKBWriter(2);
        for (OverlayFeature f : p.features()) {
            parts.add(f.name().getBytes(StandardCharsets.UTF_8));
            parts.add(json.writeValueAsBytes(f.properties()));
            parts.add(wkb.write(f.geometry()));
        }
        return IdempotencyKeys.fingerprint(parts.toArray(byte[][]::new));
    }

    @GetMapping("/api/overlays/{id}")
    Map<String, Object> get(@PathVariable String id) {
        OverlayRepository.Saved s = find(id);
        return body(s.id(), s.name(), s.createdAt().toString(), s.overlay(), analysis.analyze(s.overlay(), s.distanceMetres()));
    }

    @GetMapping(value = "/api/overlays/{id}/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OverlayReport> reportJson(@PathVariable String id) {
        OverlayRepository.Saved s = find(id);
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"overlay-" + id + "-report.json\"")
                .body(analysis.analyze(s.overlay(), s.distanceMetres()));
    }

    @GetMapping("/api/overlays/{id}/report.csv")
    ResponseEntity<byte[]> reportCsv(@PathVariable String id) {
        OverlayRepository.Saved s = find(id);
        return csv(analysis.analyze(s.overlay(), s.distanceMetres()), "overlay-" + id + "-report.csv");
    }

    @GetMapping(value = "/api/overlays/{id}/geometry", produces = "application/geo+json")
    ResponseEntity<byte[]> geometry(@PathVariable String id) {
        OverlayRepository.Saved s = find(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .body(GeoJsonWriter.bytes(json, 4096, gen -> geojson(gen, s.overlay())));
    }

    @DeleteMapping("/api/overlays/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = "X-Delete-Token", required = false) String token) {
        if (token == null || token.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Deleting an overlay needs the X-Delete-Token header its creator received",
                    "X-Delete-Token", null);
        }
        return switch (repository.delete(id, token)) {
            case DELETED -> ResponseEntity.noContent().build();
            case NOT_FOUND -> throw ApiException.notFound("Overlay", id);
            case FORBIDDEN -> throw new ApiException(HttpStatus.FORBIDDEN, "The delete token does not match this overlay",
                    "X-Delete-Token", null);
        };
    }

    private OverlayRepository.Saved find(String id) {
        return repository.find(id).orElseThrow(() -> ApiException.notFound("Overlay", id));
    }

    private ResponseEntity<?> respond(PreparedOverlay p, OverlayReport report, String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return ResponseEntity.ok(body(null, OverlayRequests.name(null, p), null, p, report));
        }
        if (format.equalsIgnoreCase("csv")) return csv(report, "overlay-report.csv");
        throw ApiException.badParameter("format", format, "use json or csv");
    }

    private static ResponseEntity<byte[]> csv(OverlayReport report, String filename) {
        return ResponseEntity.ok().contentType(CSV).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .body(ReportCsv.write(report).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> body(String id, String name, String createdAt, PreparedOverlay p, OverlayReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (id != null) {
            body.put("id", id);
            body.put("link", "/#overlay=" + id);
        }
        body.put("name", name);
        if (createdAt != null) body.put("createdAt", createdAt);
        body.put("report", report);
        body.put("geojson", GeoJsonWriter.serializable(gen -> geojson(gen, p))); // streamed into the answer, no text first
        return body;
    }

    /** The overlay's features as an RFC 7946 FeatureCollection (WGS84). */
    static void geojson(JsonGenerator gen, PreparedOverlay p) {
        GeoJsonWriter.startCollection(gen);
        gen.writeName("features");
        gen.writeStartArray();
        int i = 0;
        for (OverlayFeature f : p.features()) {
            Map<String, Object> props = new LinkedHashMap<>(f.properties());
            props.put("overlayName", f.name());
            props.put("overlayIndex", i++);
            GeoJsonWriter.WGS84.startFeature(gen, null, f.geometry());
            GeoJsonWriter.properties(gen, props);
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }
}
