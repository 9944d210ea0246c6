package org.planmap.editing;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planmap.account.Roles;
import org.planmap.system.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The editor's API ({@code /api/staff/editing/…}, role EDITOR; see docs/editing.md). A save names the version it
 * was made on, as {@code If-Match: "v3"} (the {@code ETag} of the GET) or as {@code baseVersion} in the body; a
 * save without either is refused (428), a stale one answered 412 / 409 with nothing written.
 */
@RestController
@PreAuthorize(Roles.HAS_EDITOR)
class EditingController {
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"v(\\d{1,9})\"$");

    private final FeatureEditor editor;
    private final EditExport export;

    EditingController(FeatureEditor editor, EditExport export) {
        this.editor = editor;
        this.export = export;
    }

    @GetMapping("/api/staff/editing/features/{id}")
    ResponseEntity<Map<String, Object>> feature(@PathVariable String id) {
        FeatureEditor.Current c = editor.current(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.feature().id());
        out.put("collection", c.feature().collection());
        out.put("version", c.version());
        out.put("feature", FeatureDocuments.tree(FeatureDocuments.write(c.feature())));
        out.put("edited", c.staff().isPresent());
        c.staff().filter(StaffFeature::inConflict).ifPresent(s -> out.put("conflict", conflict(s)));
        return ResponseEntity.ok().eTag(etag(c.version())).body(out);
    }

    @GetMapping("/api/staff/editing/features/{id}/versions")
    List<Map<String, Object>> versions(@PathVariable String id) {
        return editor.history(id).stream().map(EditingController::version).toList();
    }

    @PutMapping("/api/staff/editing/features/{id}")
    ResponseEntity<Map<String, Object>> save(@PathVariable String id, @RequestBody JsonNode body,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             Principal principal) {
        FeatureChange change = FeatureChange.read(body);
        int base = base(ifMatch, body);
        return saved(precondition(ifMatch, () -> editor.save(id, change, base, reasonOf(body), actor(principal))), HttpStatus.OK);
    }

    @PostMapping("/api/staff/editing/features/{id}/versions/{version}/restore")
    ResponseEntity<Map<String, Object>> restore(@PathVariable String id, @PathVariable int version, @RequestBody JsonNode body,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                Principal principal) {
        int base = base(ifMatch, body);
        return saved(precondition(ifMatch, () -> editor.restore(id, version, base, reasonOf(body), actor(principal))), HttpStatus.OK);
    }

    @PostMapping("/api/staff/editing/features/{id}/resolve")
    ResponseEntity<Map<String, Object>> resolve(@PathVariable String id, @RequestBody JsonNode body,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                Principal principal) {
        int base = base(ifMatch, body);
        String choice = FeatureChange.text(body, "choice", 20);
        return saved(precondition(ifMatch, () -> editor.resolve(id, choice, base, reasonOf(body), actor(principal))), HttpStatus.OK);
    }

    @PostMapping("/api/staff/editing/catalogue/{itemId}/place")
    ResponseEntity<Map<String, Object>> place(@PathVariable String itemId, @RequestBody JsonNode body, Principal principal) {
        FeatureChange change = FeatureChange.read(body);
        return saved(editor.place(itemId, change, reasonOf(body), actor(principal)), HttpStatus.CREATED);
    }

    /** Every feature staff edited or placed, conflicts first. */
    @GetMapping("/api/staff/editing/edits")
    List<Map<String, Object>> edits() {
        return editor.edited().stream()
                .sorted((a, b) -> Boolean.compare(b.inConflict(), a.inConflict()))
                .map(s -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", s.featureId());
                    out.put("collection", s.collection());
                    out.put("version", s.version());
                    out.put("placed", s.seed() == null && !s.inConflict());
                    out.put("removed", s.removed());
                    if (s.inConflict()) out.put("conflict", conflict(s));
                    return out;
                }).toList();
    }

    @GetMapping(value = "/api/staff/editing/export/{collection}.geojson", produces = "application/geo+json")
    ResponseEntity<String> exportCollection(@PathVariable String collection) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + collection + ".geojson\"")
                .body(export.collection(collection));
    }

    @GetMapping(value = "/api/staff/editing/export/project-catalogue.csv", produces = "text/csv")
    ResponseEntity<String> exportCatalogue() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"project-catalogue.csv\"")
                .body(export.catalogue());
    }

    private static ResponseEntity<Map<String, Object>> saved(FeatureVersion v, HttpStatus status) {
        return ResponseEntity.status(status).eTag(etag(v.version())).body(version(v));
    }

    private static Map<String, Object> version(FeatureVersion v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", v.featureId());
        out.put("version", v.version());
        out.put("collection", v.collection());
        out.put("action", v.action());
        if (v.restoredFrom() != null) out.put("restoredFrom", v.restoredFrom());
        out.put("actor", v.actor());
        out.put("reason", v.reason());
        out.put("createdAt", v.createdAt().toString());
        out.put("feature", FeatureDocuments.tree(v.feature()));
        return out;
    }

    private static Map<String, Object> conflict(StaffFeature s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", s.conflictKind());
        out.put("since", s.conflictAt() == null ? null : s.conflictAt().toString());
        out.put("seed", FeatureDocuments.tree(s.seedConflict()));
        return out;
    }

    static String etag(int version) {
        return "\"v" + version + "\"";
    }

    /** The base version: {@code If-Match} first, else {@code baseVersion}; one of them is required (428). */
    static int base(String ifMatch, JsonNode body) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            Matcher m = ETAG.matcher(ifMatch.strip());
            if (!m.matches()) throw ApiException.badParameter("If-Match", ifMatch, "the ETag of the version you edited, e.g. \"v3\"");
            return Integer.parseInt(m.group(1));
        }
        JsonNode n = body == null ? null : body.get("baseVersion");
        if (n == null || n.isNull()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "name the version you edited: If-Match: \"v<version>\" or "
                    + "\"baseVersion\" in the body", "baseVersion", null).withChinese("请注明您修改的版本（If-Match 或 baseVersion）");
        }
        if (!n.isInt() || n.asInt() < 1) throw ApiException.badParameter("baseVersion", n.toString(), "a version number (1, 2, …) is expected");
        return n.asInt();
    }

    private static <T> T precondition(String ifMatch, java.util.function.Supplier<T> save) {
        try {
            return save.get();
        } catch (StaleVersionException e) {
            throw ifMatch != null && !ifMatch.isBlank() ? e.precondition() : e;
        }
    }

    private static String reasonOf(JsonNode body) {
        return FeatureChange.text(body, "reason", FeatureEditor.MAX_REASON + 1);
    }

    private static String actor(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
