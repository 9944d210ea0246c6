package org.planmap.progress;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The progress history ({@code progress_record}): rows are only ever added. The same SQL on PostGIS and H2GIS;
 * "as of" is answered here by reading the rows up to the date in order and keeping the last one per item, which
 * needs no vendor's window function and is small (a few rows per item at most).
 */
@Repository
class ProgressRepository {
    private static final String SELECT = "SELECT id, item_id, effective_date, status, start_date, finish_date, percent_done, "
            + "investment, note, evidence_url, recorded_at, recorded_by, source FROM progress_record ";
    /** History order: by effective date, and among one date by the order of recording (a correction comes last). */
    private static final String ORDER = " ORDER BY item_id, effective_date, recorded_at, id";
    private final JdbcTemplate jdbc;

    ProgressRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the entries as one batch; call inside the caller's transaction (all or nothing). */
    void insert(List<ProgressEntry> entries, Instant at, String by, String source) {
        LocalDateTime when = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.batchUpdate("INSERT INTO progress_record (item_id, effective_date, status, start_date, finish_date, percent_done, "
                        + "investment, note, evidence_url, recorded_at, recorded_by, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries.stream().map(e -> new Object[] {e.itemId(), e.effectiveDate(), e.status().code(), e.startDate(), e.finishDate(),
                        e.percentDone(), e.investment(), e.note(), e.evidenceUrl(), when, by, source}).toList());
    }

    /** Stores one entry and answers its row id; call inside the caller's transaction. */
    long insertOne(ProgressEntry e, Instant at, String by, String source) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO progress_record (item_id, effective_date, status, start_date, "
                    + "finish_date, percent_done, investment, note, evidence_url, recorded_at, recorded_by, source) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            Object[] values = {e.itemId(), e.effectiveDate(), e.status().code(), e.startDate(), e.finishDate(), e.percentDone(),
                    e.investment(), e.note(), e.evidenceUrl(), LocalDateTime.ofInstant(at, ZoneOffset.UTC), by, source};
            new ArgumentPreparedStatementSetter(values).setValues(ps); // as jdbc.update(sql, args) binds them
            return ps;
        }, id);
        return id.getKeyAs(Number.class).longValue();
    }

    /** One stored record by its row id. */
    Optional<ProgressRecord> find(long id) {
        return jdbc.query(SELECT + "WHERE id = ?", this::map, id).stream().findFirst();
    }

    /** Each recorded item's state on {@code day}: its last record effective on or before that day. */
    Map<String, ProgressRecord> asOf(LocalDate day) {
        Map<String, ProgressRecord> out = new LinkedHashMap<>();
        for (ProgressRecord r : jdbc.query(SELECT + "WHERE effective_date <= ?" + ORDER, this::map, day)) out.put(r.itemId(), r);
        return out;
    }

    /** Every record, by item, each item's oldest effective date first. */
    List<ProgressRecord> all() {
        return jdbc.query(SELECT + ORDER, this::map);
    }

    /** Every record of one item, oldest effective date first. */
    List<ProgressRecord> history(String itemId) {
        return jdbc.query(SELECT + "WHERE item_id = ?" + ORDER, this::map, itemId);
    }

    /** Records taking effect in {@code [from, to]}, in history order. */
    List<ProgressRecord> effectiveBetween(LocalDate from, LocalDate to) {
        return jdbc.query(SELECT + "WHERE effective_date >= ? AND effective_date <= ?" + ORDER, this::map, from, to);
    }

    private ProgressRecord map(ResultSet rs, int n) throws SQLException {
        Object percent = rs.getObject("percent_done");
        Object investment = rs.getObject("investment");
        return new ProgressRecord(rs.getLong("id"), rs.getString("item_id"), rs.getObject("effective_date", LocalDate.class),
                ProgressStatus.parse(rs.getString("status")).orElseThrow(() -> new SQLException("unknown stored status")),
                rs.getObject("start_date", LocalDate.class), rs.getObject("finish_date", LocalDate.class),
                percent == null ? null : ((Number) percent).intValue(), investment == null ? null : ((Number) investment).doubleValue(),
                rs.getString("note"), rs.getString("evidence_url"),
                rs.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString("recorded_by"),
                rs.getString("source"));
    }
}
