package org.planmap.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.system.ApiException;
import org.planmap.system.Csv;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for admins ({@code /api/staff/audit}, docs/audit.md): a filtered page as JSON, or every matching
 * event as CSV. Read-only by construction: this controller has GET mappings only.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class AuditController {
    static final int MAX_LIMIT = 500;
    /** The plan's district: a date without a time is a day in Chongqing. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final AuditQuery query;

    public AuditController(AuditQuery query) {
        this.query = query;
    }

    @GetMapping("/api/staff/audit")
    Map<String, Object> page(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
                             @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) throw ApiException.badParameter("limit", String.valueOf(limit), "1 to " + MAX_LIMIT);
        if (offset < 0) throw ApiException.badParameter("offset", String.valueOf(offset), "0 or more");
        AuditQuery.Filter filter = filter(actor, entityType, entityId, action, from, to);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", query.count(filter));
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("events", query.page(filter, offset, limit));
        body.put("actors", query.distinct("actor"));
        body.put("entityTypes", query.distinct("entity_type"));
        body.put("actions", query.distinct("action"));
        return body;
    }

    /** Every matching event as CSV (UTF-8 with a byte-order mark; cells a spreadsheet would run as formulas are defused by {@link Csv#row}). */
    @GetMapping("/api/staff/audit.csv")
    void csv(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
             @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             HttpServletResponse response) throws IOException {
        AuditQuery.Filter filter = filter(actor, entityType, entityId, action, from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"planmap-audit.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write(Csv.row(List.of("id", "at", "actor", "actor_kind", "entity_type", "entity_id", "action", "before", "after", "reason")));
        query.each(filter, e -> {
            try {
                out.write(Csv.row(java.util.Arrays.asList(e.id(), e.at().toString(), e.actor(), e.actorKind(), e.entityType(), e.entityId(), e.action(),
                        e.before(), e.after(), e.reason())));
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        });
        out.flush();
    }

    static AuditQuery.Filter filter(String actor, String entityType, String entityId, String action, String from, String to) {
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) throw ApiException.badParameter("to", to, "must be after 'from'");
        return new AuditQuery.Filter(actor, entityType, entityId, action, start, end);
    }

    /** An ISO instant ({@code 2026-12-01T10:00:00Z}) or a date ({@code 2026-12-01}: its start; for {@code to}, the next day's start). */
    static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) return null;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, value, "a date (2026-12-01) or an instant (2026-12-01T10:00:00Z)");
        }
    }
}
