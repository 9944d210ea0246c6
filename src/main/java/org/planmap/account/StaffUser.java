package org.planmap.account;

import java.time.Instant;
import java.util.Set;

/**
 * One staff account as stored ({@code staff_user}). The password hash stays inside the account package: nothing
 * that leaves it (JSON, audit values, logs) is built from {@link #passwordHash}; use {@link #view()}.
 */
public record StaffUser(long id, String username, String displayName, String passwordHash, Set<String> roles,
                        boolean enabled, boolean mustChangePassword, int failedAttempts, Instant lockedUntil,
                        Instant createdAt, Instant updatedAt, Instant lastSignInAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** What the API and the audit trail show of an account: everything but the hash. */
    public View view() {
        return new View(username, displayName, Roles.ALL.stream().filter(roles::contains).toList(), enabled,
                mustChangePassword, lockedUntil != null && lockedUntil.isAfter(Instant.now()) ? lockedUntil : null,
                createdAt, lastSignInAt);
    }

    public record View(String username, String displayName, java.util.List<String> roles, boolean enabled,
                       boolean mustChangePassword, Instant lockedUntil, Instant createdAt, Instant lastSignInAt) { }
}
