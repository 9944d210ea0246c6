package org.planmap.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code Idempotency-Key} for writes (the IETF httpapi draft "The Idempotency-Key HTTP Header Field"): a client
 * that retries a write with the same key gets the first write's result instead of a second write. The key is
 * stored by {@link #record} inside the write's own transaction, so the data and the key are committed together
 * or not at all; a retry {@link #find}s the key and replays. Reusing a key for a different request (another
 * fingerprint) is refused with 422. Keys expire after {@code planmap.idempotency.ttl} (default 24 h).
 */
@Repository
public class IdempotencyKeys {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private final JdbcTemplate jdbc;
    private final Properties properties;

    /**
     * @param ttl how long a key is remembered (default 24 hours); a retry later than that is a new write
     */
    @ConfigurationProperties("planmap.idempotency")
    public record Properties(Duration ttl) {
        public Properties {
            if (ttl == null) ttl = Duration.ofHours(24);
        }
    }

    public IdempotencyKeys(JdbcTemplate jdbc, Properties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** What a first write stored under a key. */
    public record Stored(String requestSha256, String resourceId, String secret) { }

    /** The key as sent, checked (1–200 visible ASCII characters, quotes of a structured-header string removed), or null. */
    public static String parse(String header) {
        if (header == null || header.isBlank()) return null;
        String k = header.trim();
        if (k.length() >= 2 && k.startsWith("\"") && k.endsWith("\"")) k = k.substring(1, k.length() - 1);
        if (!KEY.matcher(k).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 200 visible ASCII characters, e.g. a UUID",
                    "Idempotency-Key", header);
        }
        return k;
    }

    /** The unexpired first write under this key, if any; 422 if the key was used for a different request. */
    public Optional<Stored> find(String scope, String key, String requestSha256) {
        List<Stored> rows = jdbc.query("SELECT request_sha256, resource_id, secret FROM idempotency_key "
                        + "WHERE scope = ? AND idem_key = ? AND expires_at > ?",
                (rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3)), scope, key, Timestamp.from(Instant.now()));
        if (rows.isEmpty()) return Optional.empty();
        Stored s = rows.get(0);
        if (!s.requestSha256().equals(requestSha256)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key was already used for a different request; "
                    + "use a new key for a new request", "Idempotency-Key", key)
                    .withChinese("该 Idempotency-Key 已用于另一个请求；新请求请使用新的键");
        }
        return Optional.of(s);
    }

    /**
     * Stores the key; call it inside the write's transaction. A concurrent first write with the same key makes
     * this fail with a duplicate key, which rolls the second write back.
     */
    public void record(String scope, String key, String requestSha256, String resourceId, String secret) {
        jdbc.update("DELETE FROM idempotency_key WHERE scope = ? AND idem_key = ? AND expires_at <= ?", scope, key,
                Timestamp.from(Instant.now()));
        Instant now = Instant.now();
        jdbc.update("INSERT INTO idempotency_key (scope, idem_key, request_sha256, resource_id, secret, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", scope, key, requestSha256, resourceId, secret, Timestamp.from(now),
                Timestamp.from(now.plus(properties.ttl())));
    }

    /** A write's answer, and whether an earlier request with the same key made it (then nothing was written now). */
    public record Once<T>(T answer, boolean replayed) { }

    /**
     * Runs a write at most once per key. Without a key, {@code write} just runs. With one: an unexpired earlier
     * request with the same key and fingerprint is answered again by {@code earlier} (from the id it recorded) and
     * nothing runs, a different fingerprint is refused (422, {@link #find}); otherwise {@code write} runs and must
     * call the {@code record} it is given with the new resource's id inside its own transaction, so the data and the
     * key are committed together. A concurrent first request with the same key that commits first makes this
     * write's {@code record} fail with a duplicate key, which rolls it back; this one then answers with the first.
     *
     * @param earlier the first write's answer rebuilt from the stored resource id
     * @param write   the write; its argument records the key with the resource id (does nothing without a key)
     */
    public <T> Once<T> once(String scope, String key, String fingerprint, Function<String, Optional<T>> earlier,
                            Function<Consumer<String>, T> write) {
        if (key == null) return new Once<>(write.apply(id -> { }), false);
        Optional<T> replay = replay(scope, key, fingerprint, earlier);
        if (replay.isPresent()) return new Once<>(replay.get(), true);
        try {
            return new Once<>(write.apply(id -> record(scope, key, fingerprint, id, null)), false);
        } catch (DuplicateKeyException e) {
            return replay(scope, key, fingerprint, earlier).map(a -> new Once<>(a, true)).orElseThrow(() -> e);
        }
    }

    private <T> Optional<T> replay(String scope, String key, String fingerprint, Function<String, Optional<T>> earlier) {
        Optional<Stored> stored = find(scope, key, fingerprint);
        if (stored.isEmpty()) return Optional.empty();
        // the key is remembered but what it made is gone (removed since): neither replay it nor write it again
        return Optional.of(earlier.apply(stored.get().resourceId()).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "What this Idempotency-Key created no longer exists; use a new key for a new request", "Idempotency-Key", key)
                .withChinese("该 Idempotency-Key 创建的记录已不存在；新请求请使用新的键")));
    }

    /** Hex SHA-256 of the actor and the request's fields (sorted by name, so their order in the body does not count). */
    public static String fingerprint(String actor, java.util.Map<String, ?> fields) {
        List<byte[]> parts = new java.util.ArrayList<>();
        parts.add(actor.getBytes(StandardCharsets.UTF_8));
        new java.util.TreeMap<>(fields).forEach((name, value) -> {
            if (value == null) return;
            parts.add(name.getBytes(StandardCharsets.UTF_8));
            parts.add(value.toString().getBytes(StandardCharsets.UTF_8));
        });
        return fingerprint(parts.toArray(byte[][]::new));
    }

    /** Deletes expired keys; returns how many. */
    public int purgeExpired() {
        return jdbc.update("DELETE FROM idempotency_key WHERE expires_at <= ?", Timestamp.from(Instant.now()));
    }

    /** Hex SHA-256 of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
    public static String fingerprint(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(String.valueOf(p.length).getBytes(StandardCharsets.US_ASCII));
                d.update((byte) ':');
                d.update(p);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
