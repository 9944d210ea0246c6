package org.planmap.progress;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
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

    /** Stores one value and answers its row id. */
    long insert(String rowId, int year, double value, String note, Instant at, String by) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO indicator_value (row_id, year_no, amount, note, recorded_at, "
                    + "recorded_by) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            Object[] values = {rowId, year, value, note, LocalDateTime.ofInstant(at, ZoneOffset.UTC), by};
            new ArgumentPreparedStatementSetter(values).setValues(ps); // as jdbc.update(sql, args) binds them
            return ps;
        }, id);
        return id.getKeyAs(Number.class).longValue();
    }

    /** One stored value by its row id. */
    Optional<Value> find(long id) {
        return jdbc.query(SELECT + "WHERE id = ?", this::map, id).stream().findFirst();
    }

    /** Every stored value, by row and year, the latest recorded last. */
    List<Value> all() {
        return jdbc.query(SELECT + "ORDER BY row_id, year_no, recorded_at, id", this::map);
    }

    private static final String SELECT = "SELECT id, row_id, year_no, amount, note, recorded_at, recorded_by FROM indicator_value ";

    private Value map(ResultSet rs, int n) throws SQLException {
        return new Value(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getString(5),
                rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(7));
    }
}
