package org.planmap.consultation;

import java.time.Instant;
import java.util.Map;
import org.planmap.audit.AuditTrail;
import org.planmap.geodata.DataSnapshots;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A moderator's decisions: approve (pending → published), reject with a reason (pending → rejected), hide a
 * published comment later with a reason (published → hidden). Each decision and its audit record share one
 * transaction; the live view hears of it after the commit. A decision on a comment another moderator decided
 * meanwhile is refused (409), so two decisions never both apply.
 */
@Service
class Moderation {
    enum Decision {
        APPROVE(Comment.Status.PENDING, Comment.Status.PUBLISHED, false),
        REJECT(Comment.Status.PENDING, Comment.Status.REJECTED, true),
        HIDE(Comment.Status.PUBLISHED, Comment.Status.HIDDEN, true);

        final Comment.Status from;
        final Comment.Status to;
        final boolean needsReason;

        Decision(Comment.Status from, Comment.Status to, boolean needsReason) {
            this.from = from;
            this.to = to;
            this.needsReason = needsReason;
        }
    }

    private final CommentRepository comments;
    private final TransactionTemplate tx;
    private final LiveComments live;
    private final CommentIntake intake;

    private final AuditTrail audit;
    private final DataSnapshots snapshots;

    Moderation(CommentRepository comments, TransactionTemplate tx, LiveComments live, CommentIntake intake, AuditTrail audit,
               DataSnapshots snapshots) {
        this.audit = audit;
        this.snapshots = snapshots;
        this.comments = comments;
        this.tx = tx;
        this.live = live;
        this.intake = intake;
    }

    Comment decide(String commentId, Decision d, String reason) {
        String why = reason == null ? null : CommentSubmission.clean(reason).strip();
        if (d.needsReason && (why == null || why.isEmpty())) {
            throw CommentSubmission.problem(HttpStatus.BAD_REQUEST, "Give a reason", "请填写理由", "reason", null);
        }
        if (why != null && why.length() > 500) {
            throw CommentSubmission.problem(HttpStatus.UNPROCESSABLE_CONTENT, "The reason is longer than 500 characters",
                    "理由超过 500 个字", "reason", null);
        }
        String stored = why == null || why.isEmpty() ? null : why;
        return tx.execute(status -> {
            Comment before = comments.find(commentId).orElseThrow(() -> ApiException.notFound("Comment", commentId));
            if (!comments.decide(commentId, d.from, d.to, stored, Instant.now())) {
                throw CommentSubmission.problem(HttpStatus.CONFLICT, "This comment is " + Comment.lower(before.status())
                        + " and cannot be " + switch (d) { case APPROVE -> "approved"; case REJECT -> "rejected"; case HIDE -> "hidden"; },
                        "该意见当前状态为 " + Comment.lower(before.status()) + "，不能执行此操作", "status", Comment.lower(before.status()));
            }
            Comment now = comments.find(commentId).orElseThrow();
            audit.record("comment", commentId, d.name().toLowerCase(java.util.Locale.ROOT), auditForm(before), auditForm(now), stored);
            // the room hears of it first (registered before the snapshot's own after-commit rebuild, which then runs)
            afterCommit(() -> {
                switch (d) {
                    case APPROVE -> live.publish(now.consultationId(), "comment", now.publicJson());
                    case HIDE -> live.publish(now.consultationId(), "hidden", Map.of("id", now.id()));
                    case REJECT -> { }
                }
                live.publish(now.consultationId(), "count", intake.counts(now.consultationId()));
            });
            // the published set changed: the data version moves, so the OGC API collection's ETags do too
            if (d != Decision.REJECT) snapshots.write(() -> null);
            return now;
        });
    }

    static void afterCommit(Runnable r) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                r.run();
            }
        });
    }


    /**
     * What the audit trail keeps of a comment: its public form and its state, never the contact (the trail is
     * append-only and kept for good; the contact has a retention and must be erasable).
     */
    static Map<String, Object> auditForm(Comment c) {
        Map<String, Object> m = c.publicJson();
        m.remove("geometry");
        m.put("status", Comment.lower(c.status()));
        if (c.decisionReason() != null) m.put("reason", c.decisionReason());
        return m;
    }
}
