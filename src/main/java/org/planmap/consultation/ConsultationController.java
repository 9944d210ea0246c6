package org.planmap.consultation;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.planmap.system.ApiException;
import org.planmap.system.IdempotencyKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public face of consultations (no account): the open ones, a resident's comment, the published comments,
 * agreeing, the results and the live view. Only published comments, and only their public fields, ever leave here.
 */
@RestController
class ConsultationController {
    private final ConsultationRepository consultations;
    private final CommentRepository comments;
    private final CommentIntake intake;
    private final LiveComments live;
    private final ConsultationProperties properties;
    private final JsonMapper json;

    ConsultationController(ConsultationRepository consultations, CommentRepository comments, CommentIntake intake,
                           LiveComments live, ConsultationProperties properties, JsonMapper json) {
        this.consultations = consultations;
        this.comments = comments;
        this.intake = intake;
        this.live = live;
        this.properties = properties;
        this.json = json;
    }

    /** Every consultation with its state; the home lists the open ones and links the results of closed ones. */
    @GetMapping("/api/consultations")
    List<Map<String, Object>> list() {
        Instant now = Instant.now();
        return consultations.all().stream().map(c -> {
            Map<String, Object> m = c.json(now);
            m.put("counts", intake.counts(c.id()));
            return m;
        }).toList();
    }

    @GetMapping("/api/consultations/{id}")
    Map<String, Object> one(@PathVariable String id) {
        Consultation c = find(id);
        Map<String, Object> m = c.json(Instant.now());
        m.put("counts", intake.counts(c.id()));
        m.put("maxTextLength", properties.maxTextLength());
        m.put("contactRetentionDays", properties.contactRetention().toDays());
        return m;
    }

    /** The short link on the projector and the QR code: opens the map with the consultation's form. */
    @GetMapping("/c/{id}")
    ResponseEntity<Void> shortLink(@PathVariable String id) {
        Consultation c = find(id.toLowerCase(Locale.ROOT));
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/#consult=" + c.id())).build();
    }

    /**
     * A resident's comment. 201 only once it is stored; with {@code Idempotency-Key} a retry answers the stored
     * comment again ({@code Idempotent-Replayed: true}) instead of storing a second one.
     */
    @PostMapping(value = "/api/consultations/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> submit(@PathVariable String id, @RequestBody byte[] body,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               HttpServletRequest request) {
        String idempotencyKey = IdempotencyKeys.parse(key);
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (RuntimeException e) {
            throw CommentSubmission.problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON", "请求体不是有效的 JSON", null, null);
        }
        CommentSubmission s = CommentSubmission.parse(node, properties);
        CommentIntake.Taken taken = intake.take(id, body, s, request.getRemoteAddr(), idempotencyKey);
        Map<String, Object> answer = taken.comment().publicJson();
        answer.put("status", Comment.lower(taken.comment().status()));
        ResponseEntity.BodyBuilder b = ResponseEntity.status(HttpStatus.CREATED);
        if (taken.replayed()) b.header("Idempotent-Replayed", "true");
        return b.body(answer);
    }

    /** Published comments, newest first; filters by topic, zone, area and plan section. */
    @GetMapping("/api/consultations/{id}/comments")
    Map<String, Object> published(@PathVariable String id, @RequestParam(required = false) String topic,
                                  @RequestParam(required = false) String zone, @RequestParam(required = false) String area,
                                  @RequestParam(required = false) String section) {
        Consultation c = find(id);
        Predicate<Comment> keep = x -> true;
        if (topic != null) {
            Comment.Topic t = parseTopic(topic);
            keep = keep.and(x -> x.topic() == t);
        }
        if (zone != null) keep = keep.and(x -> zone.equals(x.zone()));
        if (area != null) keep = keep.and(x -> x.areaIds().contains(area));
        if (section != null) keep = keep.and(x -> x.sectionId() != null && (x.sectionId().equals(section) || x.sectionId().startsWith(section + "-")));
        List<Map<String, Object>> list = comments.published(c.id()).stream().filter(keep).map(Comment::publicJson).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", list.size());
        m.put("comments", list);
        return m;
    }

    /**
     * "I agree", once per browser: the browser sends a random key it keeps ({@code X-Browser-Key}); only its hash is
     * stored. Not a security boundary (a cleared browser agrees again): a signal, not a vote.
     */
    @PostMapping("/api/consultations/{id}/comments/{commentId}/agree")
    Map<String, Object> agree(@PathVariable String id, @PathVariable String commentId,
                              @RequestHeader(name = "X-Browser-Key", required = false) String browserKey) {
        if (browserKey == null || !browserKey.matches("[A-Za-z0-9_-]{16,100}")) {
            throw CommentSubmission.problem(HttpStatus.BAD_REQUEST, "X-Browser-Key must be 16 to 100 letters, digits, - or _",
                    "X-Browser-Key 须为 16 至 100 个字母、数字、- 或 _", "X-Browser-Key", null);
        }
        Comment c = comments.find(commentId).filter(x -> x.consultationId().equals(id) && x.status() == Comment.Status.PUBLISHED)
                .orElseThrow(() -> ApiException.notFound("Comment", commentId));
        boolean counted = comments.agree(c.id(), sha256(browserKey));
        int agreeCount = comments.find(c.id()).map(Comment::agreeCount).orElse(c.agreeCount());
        return Map.of("id", c.id(), "agreeCount", agreeCount, "counted", counted);
    }

    @GetMapping("/api/consultations/{id}/results")
    Map<String, Object> results(@PathVariable String id) {
        Consultation c = find(id);
        return ConsultationResults.of(c, comments.published(c.id()), comments.countAll(c.id()), Instant.now());
    }

    /** The live view: {@code count}, {@code comment} and {@code hidden} events (see {@link LiveComments}). */
    @GetMapping(value = "/api/consultations/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow(@PathVariable String id) {
        Consultation c = find(id);
        return live.follow(c.id(), intake.counts(c.id()));
    }

    private Consultation find(String id) {
        return consultations.find(id).orElseThrow(() -> ApiException.notFound("Consultation", id));
    }

    static Comment.Topic parseTopic(String topic) {
        try {
            return Comment.Topic.valueOf(topic.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("topic", topic, "one of support, concern, suggestion, question");
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
