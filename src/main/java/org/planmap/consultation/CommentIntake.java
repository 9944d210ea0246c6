package org.planmap.consultation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.plan.PlanIndex;
import org.planmap.system.ApiException;
import org.planmap.system.IdempotencyKeys;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a resident's comment: checks the consultation is open, the place is in the district, the client is under
 * the rate limit; places it (zone, areas, plan section); flags it by the word list; stores it, with its
 * Idempotency-Key, in one transaction; and only then answers (201) and tells the live view. A retry with the same
 * key answers the stored comment again and stores nothing.
 */
@Service
class CommentIntake {
    static final String SCOPE = "consultation-comment";
    private final ConsultationRepository consultations;
    private final CommentRepository comments;
    private final IdempotencyKeys keys;
    private final TransactionTemplate tx;
    private final DataSnapshots snapshots;
    private final WordList words;
    private final ClientHashes hashes;
    private final LiveComments live;
    private final ConsultationProperties properties;

    CommentIntake(ConsultationRepository consultations, CommentRepository comments, IdempotencyKeys keys, TransactionTemplate tx,
                  DataSnapshots snapshots, WordList words, ClientHashes hashes, LiveComments live, ConsultationProperties properties) {
        this.consultations = consultations;
        this.comments = comments;
        this.keys = keys;
        this.tx = tx;
        this.snapshots = snapshots;
        this.words = words;
        this.hashes = hashes;
        this.live = live;
        this.properties = properties;
    }

    /** The stored comment and whether it was stored by an earlier request with the same key. */
    record Taken(Comment comment, boolean replayed) { }

    Taken take(String consultationId, byte[] rawBody, CommentSubmission s, String clientAddress, String idempotencyKey) {
        Consultation c = open(consultationId);
        String fingerprint = idempotencyKey == null ? null
                : IdempotencyKeys.fingerprint(consultationId.getBytes(StandardCharsets.UTF_8), rawBody);
        if (idempotencyKey != null) {
            Optional<Taken> earlier = replay(idempotencyKey, fingerprint);
            if (earlier.isPresent()) return earlier.get();
        }
        Comment comment = place(c, s);
        String clientHash = hashes.hash(clientAddress);
        Instant now = comment.createdAt();
        try {
            tx.executeWithoutResult(status -> {
                Instant since = now.minus(properties.rateWindow());
                if (comments.countByClientSince(c.id(), clientHash, since) >= properties.maxCommentsPerClient()) {
                    Instant oldest = comments.oldestByClientSince(c.id(), clientHash, since).orElse(now);
                    long wait = Math.max(1, Duration.between(now, oldest.plus(properties.rateWindow())).toSeconds() + 1);
                    throw CommentSubmission.problem(HttpStatus.TOO_MANY_REQUESTS,
                            "Too many comments from this device in a short time; try again in " + minutes(wait) + " minutes",
                            "此设备短时间内提交的意见过多，请 " + minutes(wait) + " 分钟后再试", null, null)
                            .withLimit("max-comments-per-client").withRetryAfter((int) wait);
                }
                comments.insert(comment, clientHash, now.plus(properties.clientHashRetention()),
                        c.closesAt().plus(properties.contactRetention()));
                if (idempotencyKey != null) keys.record(SCOPE, idempotencyKey, fingerprint, comment.id(), null);
                if (comment.status() == Comment.Status.PUBLISHED) {
                    Moderation.afterCommit(() -> live.publish(c.id(), "comment", comment.publicJson()));
                    snapshots.write(() -> null); // published at once: the OGC API collection changed (its ETags move)
                }
            });
        } catch (DuplicateKeyException e) {
            if (idempotencyKey == null) throw e;
            return replay(idempotencyKey, fingerprint).orElseThrow(() -> e);
        }
        live.publish(c.id(), "count", counts(c.id()));
        return new Taken(comment, false);
    }

    private Optional<Taken> replay(String key, String fingerprint) {
        return keys.find(SCOPE, key, fingerprint).flatMap(stored -> comments.find(stored.resourceId())).map(found -> new Taken(found, true));
    }

    private static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }

    /** The consultation, if it takes comments now; 404 unknown, 409 not yet open or closed. */
    Consultation open(String consultationId) {
        Consultation c = consultations.find(consultationId).orElseThrow(() -> ApiException.notFound("Consultation", consultationId));
        switch (c.state(Instant.now())) {
            case UPCOMING -> throw CommentSubmission.problem(HttpStatus.CONFLICT, "This consultation opens on " + c.opensAt()
                    + "; comments are taken from then", "本次征求意见尚未开始（" + c.opensAt() + " 开始）", "consultation", c.id());
            case CLOSED -> throw CommentSubmission.problem(HttpStatus.CONFLICT, "This consultation closed on " + c.closesAt()
                    + "; it takes no more comments. Its results are public", "本次征求意见已于 " + c.closesAt() + " 结束，不再接受意见；可查看结果",
                    "consultation", c.id());
            default -> { }
        }
        return c;
    }

    /** The comment as it will be stored: located, zoned, flagged, pending or published. */
    private Comment place(Consultation c, CommentSubmission s) {
        DataSnapshot data = snapshots.current();
        CommentPlaces places = data.get(CommentPlaces.VIEW);
        Geometry g = s.geometry();
        String ref = s.anchorRef();
        String section = null;
        Comment.AnchorKind kind = s.anchorKind();
        if (kind == Comment.AnchorKind.FEATURE) {
            StoredFeature f = data.feature(ref).orElseThrow(() -> CommentSubmission.problem(HttpStatus.BAD_REQUEST,
                    "There is no map feature '" + ref + "'", "地图上没有要素 “" + ref + "”", "featureId", ref));
            g = f.geometry() == null ? null : f.geometry().getInteriorPoint();
        } else if (kind == Comment.AnchorKind.SECTION) {
            PlanIndex index = data.planIndex();
            Optional<PlanIndex.Text> paragraph = index.paragraph(ref);
            if (paragraph.isPresent()) {
                kind = Comment.AnchorKind.PARAGRAPH;
                section = paragraph.get().nodeId();
            } else if (index.node(ref).isPresent()) {
                section = ref;
            } else {
                throw CommentSubmission.problem(HttpStatus.BAD_REQUEST, "There is no plan section or paragraph '" + ref + "'",
                        "规划中没有条文 “" + ref + "”", "planRef", ref);
            }
        }
        if (g != null && kind != Comment.AnchorKind.FEATURE && !places.inDistrict(g)) {
            throw CommentSubmission.problem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "This place is outside Shapingba District; pin the comment inside the district",
                    "该位置不在沙坪坝区内，请在区内标注意见", kind == Comment.AnchorKind.POINT ? "point" : "area", null);
        }
        if (s.question() != null && (s.question() < 1 || s.question() > c.questions().size())) {
            throw CommentSubmission.problem(HttpStatus.BAD_REQUEST, "This consultation has no question " + s.question(),
                    "本次征求意见没有第 " + s.question() + " 个问题", "question", String.valueOf(s.question()));
        }
        String zone = g == null ? null : places.zone(g);
        List<String> areas = g == null ? List.of() : places.areas(g);
        if (kind == Comment.AnchorKind.FEATURE) {
            String fz = data.feature(ref).map(StoredFeature::zone).orElse(null);
            if (fz != null) zone = fz;
            if (places.isArea(ref) && !areas.contains(ref)) {
                areas = new java.util.ArrayList<>(areas);
                areas.add(0, ref);
            }
        }
        List<String> flags = words.hits(s.text());
        boolean publishNow = c.publishMode() == Consultation.PublishMode.IMMEDIATE && flags.isEmpty();
        Instant now = Instant.now();
        return new Comment(CommentRepository.newId(), c.id(), now, s.topic(), s.question(), s.text(), kind, ref, g, zone, areas,
                section, publishNow ? Comment.Status.PUBLISHED : Comment.Status.PENDING, flags, null, null,
                publishNow ? now : null, 0, s.contact());
    }

    /** What the live view and the public home show: comments received (any state) and published. */
    Map<String, Object> counts(String consultationId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("received", comments.countAll(consultationId));
        m.put("published", comments.countPublished(consultationId));
        return m;
    }
}
