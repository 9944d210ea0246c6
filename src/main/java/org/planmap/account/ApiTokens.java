package org.planmap.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planmap.audit.AuditTrail;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for scripts ({@code Authorization: Bearer pm_…}, docs/accounts.md): shown once when made,
 * stored as a SHA-256 only, revocable, with the time of last use. A token acts with its owner's current roles (a
 * role removed from the owner is removed from the token; a disabled owner's tokens stop working).
 */
@Service
public class ApiTokens {
    public static final String PREFIX = "pm_";
    private static final int MAX_LABEL = 100;
    /** last_used_at is written at most this often per token: a script's burst costs one UPDATE, not one each. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    public ApiTokens(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A token as listed: never the token itself. */
    public record Token(long id, String label, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) { }

    /** A token just made: {@code token} is shown this once. */
    public record Created(Token token, String secret) { }

    @Transactional
    public Created create(String username, String label) {
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > MAX_LABEL) {
            throw ApiException.badParameter("label", label, "a name of 1 to " + MAX_LABEL + " characters, e.g. what the script is for");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = secret.substring(0, 10);
        jdbc.update("INSERT INTO api_token (username, label, prefix, token_sha256, created_at) VALUES (?, ?, ?, ?, ?)",
                username, name, prefix, sha256(secret), Timestamp.from(Instant.now()));
        Token t = list(username).stream().filter(x -> x.prefix().equals(prefix)).findFirst().orElseThrow();
        audit.record("api-token", String.valueOf(t.id()), "create", null, Map.of("owner", username, "label", name, "prefix", prefix), null);
        return new Created(t, secret);
    }

    public List<Token> list(String username) {
        return jdbc.query("SELECT id, label, prefix, created_at, last_used_at, revoked_at FROM api_token WHERE username = ? ORDER BY id",
                (rs, n) -> new Token(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))), username);
    }

    /** Revokes one of the user's own tokens; 404 for a token of someone else (no hint it exists). */
    @Transactional
    public void revoke(String username, long id) {
        Token t = list(username).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("API token", String.valueOf(id)));
        if (t.revokedAt() != null) return;
        jdbc.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND username = ?", Timestamp.from(Instant.now()), id, username);
        audit.record("api-token", String.valueOf(id), "revoke", Map.of("owner", username, "label", t.label(), "prefix", t.prefix()),
                null, null);
    }

    /** The owner of a valid (unrevoked) token, noting its use; empty for anything else. */
    public Optional<String> owner(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) return Optional.empty();
        String hash = sha256(secret);
        List<Object[]> rows = jdbc.query("SELECT username, last_used_at FROM api_token WHERE token_sha256 = ? AND revoked_at IS NULL",
                (rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2)}, hash);
        if (rows.isEmpty()) return Optional.empty();
        Timestamp last = (Timestamp) rows.get(0)[1];
        Instant now = Instant.now();
        if (last == null || last.toInstant().plus(LAST_USED_GRANULARITY).isBefore(now)) {
            jdbc.update("UPDATE api_token SET last_used_at = ? WHERE token_sha256 = ?", Timestamp.from(now), hash);
        }
        return Optional.of((String) rows.get(0)[0]);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "The API token is not valid (revoked, mistyped, or its owner is disabled)",
                "Authorization", null).withChinese("API 令牌无效（已撤销、输入有误或其所有者已停用）");
    }
}
