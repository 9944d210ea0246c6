package org.planmap.progress;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Yearly values of the Table 2 indicators ({@code indicator_value}); rows are only added, the last one of a row and year holds. */
@Repository
class IndicatorValueRepository {
    /** One stored value. */
    record Value(long id, String rowId, int year, double value, String note, Instant recordedAt, String recordedBy) { }

    private final JdbcTemplate jdbc;

    IndicatorValueRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String rowId, int year, double value, String note, Instant at, String by) {
        jdbc.update("INSERT INTO indicator_value (row_id, year_no, amount, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
                rowId, year, value, note, LocalDateTime.ofInstant(at, ZoneOffset.UTC), by);
    }

    /** Every stored value, by row and year, the latest recorded last. */
    List<Value> all() {
        return jdbc.query("SELECT id, row_id, year_no, amount, note, recorded_at, recorded_by FROM indicator_value "
                + "ORDER BY row_id, year_no, recorded_at, id", (rs, n) -> new Value(rs.getLong(1), rs.getString(2), rs.getInt(3),
                rs.getDouble(4), rs.getString(5), rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(7)));
    }
}
