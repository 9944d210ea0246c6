package org.planmap.consultation;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Consultations (table {@code consultation}); one SQL for PostGIS and H2GIS. */
@Repository
class ConsultationRepository {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Short-link alphabet without look-alikes (0/o, 1/l/i), so a code read off a projector is typed right. */
    private static final String CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Consultation.Question>> QUESTIONS = new TypeReference<>() { };
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ConsultationRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static String newCode() {
        StringBuilder s = new StringBuilder(6);
        for (int i = 0; i < 6; i++) s.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        return s.toString();
    }

    void insert(Consultation c) {
        jdbc.update("INSERT INTO consultation (id, title_zh, title_en, opens_at, closes_at, plan_refs, area_ids, questions, "
                        + "publish_mode, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(), c.titleZh(), c.titleEn(), Timestamp.from(c.opensAt()), Timestamp.from(c.closesAt()),
                json.writeValueAsString(c.planRefs()), json.writeValueAsString(c.areaIds()), json.writeValueAsString(c.questions()),
                c.publishMode().name(), Timestamp.from(c.createdAt()));
    }

    Optional<Consultation> find(String id) {
        if (id == null || id.length() > 16) return Optional.empty();
        return jdbc.query("SELECT * FROM consultation WHERE id = ?", this::row, id).stream().findFirst();
    }

    /** All consultations, the latest to open first. */
    List<Consultation> all() {
        return jdbc.query("SELECT * FROM consultation ORDER BY opens_at DESC, id", this::row);
    }

    private Consultation row(ResultSet rs, int n) throws SQLException {
        return new Consultation(rs.getString("id"), rs.getString("title_zh"), rs.getString("title_en"),
                rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
                json.readValue(rs.getString("plan_refs"), STRINGS), json.readValue(rs.getString("area_ids"), STRINGS),
                json.readValue(rs.getString("questions"), QUESTIONS),
                Consultation.PublishMode.valueOf(rs.getString("publish_mode")), rs.getTimestamp("created_at").toInstant());
    }
}
