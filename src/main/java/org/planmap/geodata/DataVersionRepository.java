package org.planmap.geodata;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code data_version} row: a counter that every data write increments in its own transaction, so a reader
 * that sees the counter unchanged knows the data is unchanged (the snapshot holder polls it).
 */
@Repository
class DataVersionRepository {
    /** The counter and when it last moved. */
    record Version(long number, Instant changedAt) { }

    private final JdbcTemplate jdbc;

    DataVersionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Version read() {
        return jdbc.queryForObject("SELECT version, changed_at FROM data_version WHERE id = 1",
                (rs, n) -> new Version(rs.getLong(1), toInstant(rs.getTimestamp(2))));
    }

    /** Increments the counter; call inside the transaction that writes the data. */
    void bump() {
        int rows = jdbc.update("UPDATE data_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP WHERE id = 1");
        if (rows != 1) throw new IllegalStateException("data_version has no row: is the database migrated?");
    }

    private static Instant toInstant(Timestamp t) {
        return t == null ? Instant.EPOCH : t.toInstant();
    }
}
