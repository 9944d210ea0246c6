package org.planmap.consultation;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.geo.GeoJsonFeatures;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Comments and agreements (tables {@code consultation_comment}, {@code consultation_agreement}); one SQL for PostGIS
 * and H2GIS. Personal data (contact, client hash) is written here and erased by {@link #erasePersonalData}.
 */
@Repository
class CommentRepository {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String COLUMNS = "id, consultation_id, created_at, topic, question_no, body, anchor_kind, anchor_ref, "
            + "ST_AsBinary(geom) AS wkb, zone, area_ids, section_id, status, flagged_words, decision_reason, decided_at, "
            + "published_at, agree_count, contact";
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    CommentRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Stores a comment; call inside the submission's transaction. */
    void insert(Comment c, String clientHash, Instant clientHashExpiresAt, Instant contactExpiresAt) {
        byte[] wkb = c.geometry() == null ? null : new WKBWriter(2).write(c.geometry());
        jdbc.update("INSERT INTO consultation_comment (id, consultation_id, created_at, topic, question_no, body, anchor_kind, "
                        + "anchor_ref, geom, zone, area_ids, section_id, status, flagged_words, decision_reason, decided_at, "
                        + "published_at, agree_count, contact, contact_expires_at, client_hash, client_hash_expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326), ?, ?, ?, ?, ?, NULL, NULL, ?, 0, ?, ?, ?, ?)",
                c.id(), c.consultationId(), Timestamp.from(c.createdAt()), c.topic().name(), c.questionNo(), c.text(),
                c.anchorKind().name(), c.anchorRef(), wkb, c.zone(), json.writeValueAsString(c.areaIds()), c.sectionId(),
                c.status().name(), json.writeValueAsString(c.flaggedWords()), ts(c.publishedAt()), c.contact(),
                c.contact() == null ? null : ts(contactExpiresAt), clientHash, ts(clientHashExpiresAt));
    }

    /** Comments this client sent to this consultation since {@code since} (the rate limit). */
    int countByClientSince(String consultationId, String clientHash, Instant since) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM consultation_comment WHERE consultation_id = ? AND client_hash = ? "
                + "AND created_at > ?", Integer.class, consultationId, clientHash, Timestamp.from(since));
        return n == null ? 0 : n;
    }

    /** The oldest of this client's comments in the window (when the window frees a place again). */
    Optional<Instant> oldestByClientSince(String consultationId, String clientHash, Instant since) {
        Timestamp t = jdbc.queryForObject("SELECT MIN(created_at) FROM consultation_comment WHERE consultation_id = ? "
                + "AND client_hash = ? AND created_at > ?", Timestamp.class, consultationId, clientHash, Timestamp.from(since));
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    Optional<Comment> find(String id) {
        if (id == null || id.length() > 32) return Optional.empty();
        return jdbc.query("SELECT " + COLUMNS + " FROM consultation_comment WHERE id = ?", this::row, id).stream().findFirst();
    }

    /** Published comments of a consultation, newest first. */
    List<Comment> published(String consultationId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM consultation_comment WHERE consultation_id = ? AND status = 'PUBLISHED' "
                + "ORDER BY created_at DESC, id", this::row, consultationId);
    }

    /** Published comments of every consultation, oldest first (the OGC API collection). */
    List<Comment> allPublished() {
        return jdbc.query("SELECT " + COLUMNS + " FROM consultation_comment WHERE status = 'PUBLISHED' ORDER BY created_at, id", this::row);
    }

    /** Comments of a consultation in any state (staff), newest first. */
    List<Comment> all(String consultationId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM consultation_comment WHERE consultation_id = ? ORDER BY created_at DESC, id",
                this::row, consultationId);
    }

    /** The moderation queue: comments in {@code status}, newest first, optionally of one consultation and topic. */
    List<Comment> withStatus(Comment.Status status, String consultationId, Comment.Topic topic, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM consultation_comment WHERE status = ?");
        List<Object> args = new ArrayList<>(List.of(status.name()));
        if (consultationId != null) {
            sql.append(" AND consultation_id = ?");
            args.add(consultationId);
        }
        if (topic != null) {
            sql.append(" AND topic = ?");
            args.add(topic.name());
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ").append(limit);
        return jdbc.query(sql.toString(), this::row, args.toArray());
    }

    /** Comments received (any state) per consultation. */
    int countAll(String consultationId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM consultation_comment WHERE consultation_id = ?", Integer.class, consultationId);
        return n == null ? 0 : n;
    }

    int countPublished(String consultationId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM consultation_comment WHERE consultation_id = ? AND status = 'PUBLISHED'",
                Integer.class, consultationId);
        return n == null ? 0 : n;
    }

    /**
     * Moves a comment from {@code from} to {@code to} with the moderator's reason; false when it is not in
     * {@code from} (any more): decisions of two moderators on one comment cannot both apply.
     */
    boolean decide(String id, Comment.Status from, Comment.Status to, String reason, Instant at) {
        return jdbc.update("UPDATE consultation_comment SET status = ?, decision_reason = ?, decided_at = ?, "
                        + "published_at = CASE WHEN ? = 'PUBLISHED' THEN ? ELSE published_at END WHERE id = ? AND status = ?",
                to.name(), reason, Timestamp.from(at), to.name(), Timestamp.from(at), id, from.name()) == 1;
    }

    /** Records one agreement of a browser; false when this browser agreed before. */
    boolean agree(String commentId, String browserHash) {
        try {
            jdbc.update("INSERT INTO consultation_agreement (comment_id, browser_hash, created_at) VALUES (?, ?, ?)",
                    commentId, browserHash, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException again) {
            return false;
        }
        jdbc.update("UPDATE consultation_comment SET agree_count = agree_count + 1 WHERE id = ?", commentId);
        return true;
    }

    /** Erases contacts and client hashes whose retention ended; answers how many fields were erased. */
    int erasePersonalData(Instant now) {
        Timestamp t = Timestamp.from(now);
        int contacts = jdbc.update("UPDATE consultation_comment SET contact = NULL, contact_expires_at = NULL "
                + "WHERE contact_expires_at IS NOT NULL AND contact_expires_at <= ?", t);
        int hashes = jdbc.update("UPDATE consultation_comment SET client_hash = NULL, client_hash_expires_at = NULL "
                + "WHERE client_hash_expires_at IS NOT NULL AND client_hash_expires_at <= ?", t);
        return contacts + hashes;
    }

    private Comment row(ResultSet rs, int n) throws SQLException {
        byte[] wkb = rs.getBytes("wkb");
        Geometry g = null;
        if (wkb != null) {
            try {
                g = new WKBReader(GeoJsonFeatures.WGS84).read(wkb);
                g.setSRID(4326);
            } catch (ParseException e) {
                throw new SQLException("stored comment geometry is not WKB", e);
            }
        }
        int q = rs.getInt("question_no");
        Integer question = rs.wasNull() ? null : q;
        return new Comment(rs.getString("id"), rs.getString("consultation_id"), rs.getTimestamp("created_at").toInstant(),
                Comment.Topic.valueOf(rs.getString("topic")), question, rs.getString("body"),
                Comment.AnchorKind.valueOf(rs.getString("anchor_kind")), rs.getString("anchor_ref"), g, rs.getString("zone"),
                json.readValue(rs.getString("area_ids"), STRINGS), rs.getString("section_id"),
                Comment.Status.valueOf(rs.getString("status")), json.readValue(rs.getString("flagged_words"), STRINGS),
                rs.getString("decision_reason"), instant(rs.getTimestamp("decided_at")), instant(rs.getTimestamp("published_at")),
                rs.getInt("agree_count"), rs.getString("contact"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
