package org.planmap.ogcapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which data is loaded: a hash of every {@code source_file} row (name and SHA-256) and the time the newest
 * of them was loaded. ETags derive from the hash, so any reload of any file changes every ETag. Read at most
 * once a second, so a reload is seen within a second without a query per request.
 */
@Component
class DataVersion {
    private static final long TTL_NANOS = 1_000_000_000L;
    private final JdbcTemplate jdbc;
    private volatile Snapshot snapshot;

    record Snapshot(String hash, Instant loadedAt, long readAtNanos) { }

    DataVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Snapshot current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || now - s.readAtNanos() > TTL_NANOS) {
            s = read(now);
            snapshot = s;
        }
        return s;
    }

    private Snapshot read(long now) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Instant[] newest = {Instant.EPOCH};
        jdbc.query("SELECT name, sha256, loaded_at FROM source_file ORDER BY name", rs -> {
            digest.update((rs.getString(1) + "=" + rs.getString(2) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Timestamp t = rs.getTimestamp(3);
            if (t != null && t.toInstant().isAfter(newest[0])) newest[0] = t.toInstant();
        });
        return new Snapshot(HexFormat.of().formatHex(digest.digest()), newest[0].truncatedTo(ChronoUnit.SECONDS), now);
    }
}
