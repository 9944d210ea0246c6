package org.planmap.progress;

import java.util.LinkedHashMap;
import java.util.Map;
import org.planmap.system.ApiException;
import org.planmap.system.IdempotencyKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff writes of progress (role EDITOR; ADMIN implies it), each audited:
 * <ul>
 * <li>{@code POST /api/staff/progress/import?dryRun=true|false} — body: the CSV file itself (any content type, e.g.
 *     {@code text/csv}). The answer lists every change and every rejected row with its reasons; with
 *     {@code dryRun=false} a file with any bad row is refused whole (422, the same report in the problem body).</li>
 * <li>{@code POST /api/staff/progress/items/{id}} — JSON {@code {status, asOf, startDate, finishDate, percentDone,
 *     investment, note, evidenceUrl}}: one item's change.</li>
 * <li>{@code POST /api/staff/progress/indicator-values} — JSON {@code {rowId, year, value, note}}: a Table 2 yearly value.</li>
 * </ul>
 * The last two each add a row, so they take an {@code Idempotency-Key}: a retry with the same key and body answers
 * the first request's result ({@code Idempotent-Replayed: true}) and stores and audits nothing; the same key with
 * another body is refused (422). The import needs none: applying the same file again changes nothing.
 */
@RestController
@PreAuthorize("hasRole('EDITOR')")
class StaffProgressController {
    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    private final ProgressService progress;
    private final IndicatorValues indicatorValues;

    StaffProgressController(ProgressService progress, IndicatorValues indicatorValues) {
        this.progress = progress;
        this.indicatorValues = indicatorValues;
    }

    @PostMapping(path = "/api/staff/progress/import", consumes = MediaType.ALL_VALUE)
    ResponseEntity<Map<String, Object>> importFile(@RequestBody(required = false) byte[] file,
                                                   @RequestParam(defaultValue = "true") String dryRun) {
        if (!dryRun.equals("true") && !dryRun.equals("false")) throw ApiException.badParameter("dryRun", dryRun, "true or false");
        if (file == null || file.length == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "send the CSV file as the request body", "file", null)
                    .withChinese("请将 CSV 文件作为请求正文发送");
        }
        if (file.length > MAX_FILE_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "the file is larger than 2 MB", "file", null)
                    .withChinese("文件超过 2 MB");
        }
        boolean apply = dryRun.equals("false");
        ProgressImport.Report report = progress.importFile(file, apply, actor(), true);
        Map<String, Object> body = report(report, !apply);
        if (apply && !report.valid()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", "Unprocessable Content");
            problem.put("status", 422);
            problem.put("detail", report.rejected().size() + " rows are refused; nothing was stored (see rejected)");
            problem.putAll(body);
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(body);
    }

    @PostMapping(path = "/api/staff/progress/items/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> record(@PathVariable String id, @RequestBody Map<String, Object> body,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String idempotencyKey = IdempotencyKeys.parse(key);
        Map<String, String> fields = new LinkedHashMap<>();
        body.forEach((k, v) -> { if (v != null) fields.put(k, v.toString()); });
        fields.put("catalogueId", id);
        IdempotencyKeys.Once<ProgressEntry> once = progress.record(fields, actor(), idempotencyKey);
        Map<String, Object> out = new LinkedHashMap<>(ProgressService.entry(once.answer()));
        out.put("id", once.answer().itemId());
        return answer(out, once.replayed());
    }

    @PostMapping(path = "/api/staff/progress/indicator-values", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> indicatorValue(@RequestBody Map<String, Object> body,
                                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String idempotencyKey = IdempotencyKeys.parse(key);
        Object rowId = body.get("rowId");
        IdempotencyKeys.Once<IndicatorValueRepository.Value> once = indicatorValues.record(rowId == null ? null : rowId.toString(),
                integer(body.get("year")), number(body.get("value")), body.get("note") == null ? null : body.get("note").toString(),
                actor(), idempotencyKey);
        IndicatorValueRepository.Value v = once.answer();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rowId", v.rowId());
        out.put("year", v.year());
        out.put("value", v.value());
        out.put("note", v.note());
        out.put("recordedBy", v.recordedBy());
        out.put("recordedAt", v.recordedAt().toString());
        return answer(out, once.replayed());
    }

    /** 200 with the body; a replayed answer (an earlier request with the same Idempotency-Key stored it) says so. */
    private static ResponseEntity<Map<String, Object>> answer(Map<String, Object> body, boolean replayed) {
        ResponseEntity.BodyBuilder b = ResponseEntity.ok();
        if (replayed) b.header("Idempotent-Replayed", "true");
        return b.body(body);
    }

    static Map<String, Object> report(ProgressImport.Report r, boolean dryRun) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", r.valid());
        m.put("dryRun", dryRun);
        m.put("applied", !dryRun && r.valid() && !r.changes().isEmpty());
        m.put("rows", r.rows());
        m.put("unchanged", r.unchanged());
        m.put("changes", r.changes().stream().map(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("line", c.line());
            x.put("catalogueId", c.catalogueId());
            x.put("name", c.name());
            x.put("asOf", c.asOf().toString());
            x.put("before", c.before() == null ? null : ProgressBoard.record(c.before()));
            x.put("after", ProgressService.entry(c.after()));
            return x;
        }).toList());
        m.put("rejected", r.rejected().stream().map(x -> {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("line", x.line());
            y.put("catalogueId", x.catalogueId());
            y.put("problems", x.problems().stream().map(p -> Map.of("field", p.field(), "reason", p.reason(), "reasonZh", p.reasonZh())).toList());
            return y;
        }).toList());
        return m;
    }

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private static Integer integer(Object o) {
        if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
        if (o instanceof String s && s.strip().matches("\\d{4}")) return Integer.valueOf(s.strip());
        return null;
    }

    private static Double number(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof String s) {
            try {
                return Double.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

}
