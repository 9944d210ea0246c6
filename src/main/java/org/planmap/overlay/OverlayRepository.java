package org.planmap.overlay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.system.IdempotencyKeys;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved overlays, on PostGIS and H2GIS alike (WKB in and out, bound values only). An overlay and its features
 * are written in one transaction, so a failure never leaves half an overlay. Ids are 128 random bits and
 * delete tokens 256 random bits, both base64url; only the token's SHA-256 is stored.
 */
@Repository
public class OverlayRepository {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final IdempotencyKeys keys;
    static final String SCOPE = "overlay";

    public OverlayRepository(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json, IdempotencyKeys keys) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /** @param replayed true when an earlier request with the same Idempotency-Key created it */
    public record Created(String id, String deleteToken, boolean replayed) { }

    public record Saved(String id, String name, Instant createdAt, double distanceMetres, PreparedOverlay overlay) { }

    public enum Deletion { DELETED, NOT_FOUND, FORBIDDEN }

    public Created save(String name, PreparedOverlay overlay, double distanceMetres) {
        return save(name, overlay, distanceMetres, null, null);
    }

    /**
     * Stores the overlay, its features and (when {@code idempotencyKey} is given) the key, in one transaction.
     * Answers only what is true: if the commit fails in a way that leaves its outcome unknown (the connection
     * broke), the overlay is looked up again and reported saved if it is there; if it cannot be looked up, the
     * failure propagates (503) and a retry with the same key finds the key if the commit did happen. A
     * concurrent first request with the same key wins; this one then answers with its result.
     */
    public Created save(String name, PreparedOverlay overlay, double distanceMetres, String idempotencyKey, String fingerprint) {
        String id = random(16);
        String token = random(32);
        WKBWriter wkb = new WKBWriter(2);
        try {
            tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO overlay (id, name, source_format, source_crs, crs_source, distance_m, notes, "
                                + "delete_token_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, name, overlay.format(), overlay.crs(), overlay.crsSource(), distanceMetres,
                        json.writeValueAsString(overlay.notes()), sha256(token), Timestamp.from(Instant.now()));
                List<Object[]> rows = new ArrayList<>();
                int seq = 0;
                for (OverlayFeature f : overlay.features()) {
                    rows.add(new Object[] {id, seq++, truncate(f.name(), 400), json.writeValueAsString(f.properties()), wkb.write(f.geometry())});
                }
                jdbc.batchUpdate("INSERT INTO overlay_feature (overlay_id, seq, name, properties, geom) "
                        + "VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4326))", rows);
                if (idempotencyKey != null) keys.record(SCOPE, idempotencyKey, fingerprint, id, token);
            });
            return new Created(id, token, false);
        } catch (DuplicateKeyException e) {
            if (idempotencyKey == null) throw e;
            return replay(idempotencyKey, fingerprint).orElseThrow(() -> e);
        } catch (DataAccessException | TransactionException e) {
            if (exists(id)) return new Created(id, token, false);
            throw e;
        }
    }

    /** The result of an earlier save with this key and the same request, if there was one. */
    public Optional<Created> replay(String idempotencyKey, String fingerprint) {
        return keys.find(SCOPE, idempotencyKey, fingerprint).map(s -> new Created(s.resourceId(), s.secret(), true));
    }

    /** True if the overlay is stored; a failure to look is a failure (it cannot be told). */
    private boolean exists(String id) {
        try {
            return !jdbc.queryForList("SELECT id FROM overlay WHERE id = ?", String.class, id).isEmpty();
        } catch (DataAccessException unknown) {
            return false;
        }
    }

    /** The overlay and its features, read in one transaction on one connection (never a second one while holding the first). */
    public Optional<Saved> find(String id) {
        if (id == null || !ID.matcher(id).matches()) return Optional.empty();
        return tx.execute(status -> {
            List<Saved> found = jdbc.query("SELECT id, name, source_format, source_crs, crs_source, distance_m, notes, created_at "
                    + "FROM overlay WHERE id = ?", (rs, n) -> {
                        PreparedOverlay head = new PreparedOverlay(rs.getString("source_format"), List.of(), rs.getString("source_crs"),
                                rs.getString("crs_source"), json.readValue(rs.getString("notes"), LIST));
                        return new Saved(rs.getString("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                                rs.getDouble("distance_m"), head);
                    }, id);
            if (found.isEmpty()) return Optional.<Saved>empty();
            Saved s = found.get(0);
            PreparedOverlay h = s.overlay();
            PreparedOverlay full = new PreparedOverlay(h.format(), features(id), h.crs(), h.crsSource(), h.notes());
            return Optional.of(new Saved(s.id(), s.name(), s.createdAt(), s.distanceMetres(), full));
        });
    }

    private List<OverlayFeature> features(String id) {
        return jdbc.query("SELECT name, properties, ST_AsBinary(geom) AS wkb FROM overlay_feature WHERE overlay_id = ? ORDER BY seq",
                (rs, n) -> {
                    try {
                        Geometry g = new WKBReader().read(rs.getBytes("wkb"));
                        g.setSRID(4326);
                        Map<String, Object> props = json.readValue(rs.getString("properties"), MAP);
                        return new OverlayFeature(rs.getString("name"), props, g);
                    } catch (ParseException e) {
                        throw new java.sql.SQLException("stored overlay geometry is not WKB", e);
                    }
                }, id);
    }

    public Deletion delete(String id, String token) {
        if (id == null || !ID.matcher(id).matches()) return Deletion.NOT_FOUND;
        List<String> hashes = jdbc.queryForList("SELECT delete_token_sha256 FROM overlay WHERE id = ?", String.class, id);
        if (hashes.isEmpty()) return Deletion.NOT_FOUND;
        if (token == null || !MessageDigest.isEqual(hashes.get(0).getBytes(StandardCharsets.US_ASCII),
                sha256(token).getBytes(StandardCharsets.US_ASCII))) {
            return Deletion.FORBIDDEN;
        }
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM overlay_feature WHERE overlay_id = ?", id);
            jdbc.update("DELETE FROM overlay WHERE id = ?", id);
        });
        return Deletion.DELETED;
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }
}
