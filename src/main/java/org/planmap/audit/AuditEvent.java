package org.planmap.audit;

import java.time.Instant;

/** One row of the audit trail as read back; {@code before}/{@code after} are JSON text (secrets already redacted). */
public record AuditEvent(long id, Instant at, String actor, String actorKind, String entityType, String entityId, String action,
                         String before, String after, String reason) { }
