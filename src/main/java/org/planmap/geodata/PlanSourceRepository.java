package org.planmap.geodata;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The plan's source texts ({@code plan_source}): the outline and our English titles, stored as read so every app
 * instance on the database parses the same plan. The parsed document is never stored.
 */
@Repository
class PlanSourceRepository {
    /** One stored file: its name relative to the geodata folder, SHA-256 and text. */
    record Stored(String name, String sha256, String text) { }

    private final JdbcTemplate jdbc;

    PlanSourceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the stored copy of one file; call inside the loader's transaction. */
    void replace(SourceFile file) {
        jdbc.update("DELETE FROM plan_source WHERE name = ?", file.name());
        jdbc.update("INSERT INTO plan_source (name, sha256, text) VALUES (?, ?, ?)", file.name(), file.sha256(), file.text());
    }

    /** SHA-256 of the stored files, by name: cheap to read on every refresh. */
    Map<String, String> shas() {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.query("SELECT name, sha256 FROM plan_source ORDER BY name", rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
        return out;
    }

    /** The stored files by name. */
    Map<String, Stored> all() {
        Map<String, Stored> out = new LinkedHashMap<>();
        jdbc.query("SELECT name, sha256, text FROM plan_source ORDER BY name", rs -> {
            out.put(rs.getString(1), new Stored(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        return out;
    }
}
