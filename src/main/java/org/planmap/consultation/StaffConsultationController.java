package org.planmap.consultation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planmap.account.Roles;
import org.planmap.audit.AuditTrail;
import org.planmap.geodata.DataSnapshots;
import org.planmap.system.ApiException;
import org.planmap.system.IdempotencyKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The staff side of consultations: administrators create them; moderators see the queue (with contacts, which
 * nothing public carries) and approve, reject or hide comments. Every decision goes to the audit trail.
 */
@RestController
class StaffConsultationController {
    /** {@code Idempotency-Key} scope of consultation creation. */
    static final String CREATE_SCOPE = "consultation-create";
    private final ConsultationRepository consultations;
    private final CommentRepository comments;
    private final Moderation moderation;
    private final CommentIntake intake;
    private final DataSnapshots snapshots;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;

    StaffConsultationController(ConsultationRepository consultations, CommentRepository comments, Moderation moderation,
                                CommentIntake intake, DataSnapshots snapshots, TransactionTemplate tx, AuditTrail audit,
                                IdempotencyKeys keys) {
        this.consultations = consultations;
        this.comments = comments;
        this.moderation = moderation;
        this.intake = intake;
        this.snapshots = snapshots;
        this.tx = tx;
        this.audit = audit;
        this.keys = keys;
    }

    /**
     * A new consultation (see {@link ConsultationDraft} for the fields); 201 with its public form and short link.
     * With an {@code Idempotency-Key}, a retry of the same request (same admin, same body) answers the consultation
     * the first one created ({@code Idempotent-Replayed: true}) and creates and audits nothing; the same key with
     * another body is refused (422).
     */
    @PreAuthorize(Roles.HAS_ADMIN)
    @PostMapping("/api/staff/consultations")
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String idempotencyKey = IdempotencyKeys.parse(key);
        String fingerprint = idempotencyKey == null ? null : IdempotencyKeys.fingerprint(
                SecurityContextHolder.getContext().getAuthentication().getName().getBytes(StandardCharsets.UTF_8),
                String.valueOf(body).getBytes(StandardCharsets.UTF_8));
        IdempotencyKeys.Once<Consultation> once = keys.once(CREATE_SCOPE, idempotencyKey, fingerprint, consultations::find, recordKey -> {
            Instant now = Instant.now();
            Consultation c = ConsultationDraft.parse(body, snapshots.current(), now);
            tx.executeWithoutResult(s -> {
                consultations.insert(c);
                audit.record("consultation", c.id(), "create", null, c.json(now), null);
                recordKey.accept(c.id());
            });
            return c;
        });
        ResponseEntity.BodyBuilder b = ResponseEntity.status(HttpStatus.CREATED);
        if (once.replayed()) b.header("Idempotent-Replayed", "true");
        return b.body(once.answer().json(Instant.now()));
    }

    /** Every consultation with its comments by state (the moderators' overview). */
    @PreAuthorize(Roles.HAS_MODERATOR)
    @GetMapping("/api/staff/consultations")
    List<Map<String, Object>> all() {
        Instant now = Instant.now();
        return consultations.all().stream().map(c -> {
            Map<String, Object> m = c.json(now);
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            for (Comment.Status s : Comment.Status.values()) byStatus.put(Comment.lower(s), 0);
            comments.all(c.id()).forEach(x -> byStatus.merge(Comment.lower(x.status()), 1, Integer::sum));
            m.put("comments", byStatus);
            return m;
        }).toList();
    }

    /** The moderation queue: newest first; filters by consultation, topic, area (zone or showcase/demonstration area) and state. */
    @PreAuthorize(Roles.HAS_MODERATOR)
    @GetMapping("/api/staff/comments")
    Map<String, Object> queue(@RequestParam(required = false) String consultation, @RequestParam(required = false) String topic,
                              @RequestParam(required = false) String area, @RequestParam(defaultValue = "pending") String status,
                              @RequestParam(defaultValue = "200") int limit) {
        Comment.Status st;
        try {
            st = Comment.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("status", status, "one of pending, published, rejected, hidden");
        }
        if (limit < 1 || limit > 1000) throw ApiException.badParameter("limit", String.valueOf(limit), "1 to 1000");
        Comment.Topic t = topic == null || topic.isEmpty() ? null : ConsultationController.parseTopic(topic);
        String c = consultation == null || consultation.isEmpty() ? null : consultation;
        List<Map<String, Object>> list = comments.withStatus(st, c, t, area == null || area.isEmpty() ? limit : 1000).stream()
                .filter(x -> area == null || area.isEmpty() || area.equals(x.zone()) || x.areaIds().contains(area))
                .limit(limit).map(Comment::staffJson).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", list.size());
        m.put("comments", list);
        return m;
    }

    record Reason(String reason) { }

    @PreAuthorize(Roles.HAS_MODERATOR)
    @PostMapping("/api/staff/comments/{id}/approve")
    Map<String, Object> approve(@PathVariable String id, @RequestBody(required = false) Reason body) {
        return decided(moderation.decide(id, Moderation.Decision.APPROVE, body == null ? null : body.reason()));
    }

    @PreAuthorize(Roles.HAS_MODERATOR)
    @PostMapping("/api/staff/comments/{id}/reject")
    Map<String, Object> reject(@PathVariable String id, @RequestBody(required = false) Reason body) {
        return decided(moderation.decide(id, Moderation.Decision.REJECT, body == null ? null : body.reason()));
    }

    @PreAuthorize(Roles.HAS_MODERATOR)
    @PostMapping("/api/staff/comments/{id}/hide")
    Map<String, Object> hide(@PathVariable String id, @RequestBody(required = false) Reason body) {
        return decided(moderation.decide(id, Moderation.Decision.HIDE, body == null ? null : body.reason()));
    }

    private Map<String, Object> decided(Comment c) {
        Map<String, Object> m = c.staffJson();
        m.put("counts", intake.counts(c.consultationId()));
        return m;
    }
}
