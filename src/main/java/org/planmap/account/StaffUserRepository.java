package org.planmap.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code staff_user} table (JDBC; the same SQL on PostGIS and H2GIS). Usernames are stored lower-case. */
@Repository
public class StaffUserRepository {
    private static final String COLUMNS = "id, username, display_name, password_hash, roles, enabled, must_change_password, "
            + "failed_attempts, locked_until, created_at, updated_at, last_sign_in_at";
    private final JdbcTemplate jdbc;

    public StaffUserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String normalise(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<StaffUser> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM staff_user WHERE username = ?", StaffUserRepository::row, normalise(username))
                .stream().findFirst();
    }

    public List<StaffUser> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM staff_user ORDER BY username", StaffUserRepository::row);
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM staff_user", Long.class);
        return n == null ? 0 : n;
    }

    public boolean anyAdmin() {
        return all().stream().anyMatch(u -> u.enabled() && u.roles().contains(Roles.ADMIN));
    }

    /** Inserts a new account; the caller checked the name is free (a race ends in the unique constraint). */
    public void insert(String username, String displayName, String passwordHash, Set<String> roles, boolean mustChangePassword) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO staff_user (username, display_name, password_hash, roles, enabled, must_change_password, "
                        + "failed_attempts, created_at, updated_at) VALUES (?, ?, ?, ?, TRUE, ?, 0, ?, ?)",
                normalise(username), displayName, passwordHash, roles(roles), mustChangePassword, now, now);
    }

    public void setPassword(String username, String passwordHash, boolean mustChange) {
        jdbc.update("UPDATE staff_user SET password_hash = ?, must_change_password = ?, failed_attempts = 0, locked_until = NULL, "
                + "updated_at = ? WHERE username = ?", passwordHash, mustChange, Timestamp.from(Instant.now()), normalise(username));
    }

    public void setRoles(String username, Set<String> roles) {
        jdbc.update("UPDATE staff_user SET roles = ?, updated_at = ? WHERE username = ?", roles(roles),
                Timestamp.from(Instant.now()), normalise(username));
    }

    public void setEnabled(String username, boolean enabled) {
        jdbc.update("UPDATE staff_user SET enabled = ?, updated_at = ? WHERE username = ?", enabled,
                Timestamp.from(Instant.now()), normalise(username));
    }

    public void setDisplayName(String username, String displayName) {
        jdbc.update("UPDATE staff_user SET display_name = ?, updated_at = ? WHERE username = ?", displayName,
                Timestamp.from(Instant.now()), normalise(username));
    }

    /** A successful sign-in: the failure count is reset. */
    public void signedIn(String username) {
        jdbc.update("UPDATE staff_user SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ? WHERE username = ?",
                Timestamp.from(Instant.now()), normalise(username));
    }

    /** A failed sign-in: the count goes up by one (in SQL, so concurrent failures all count); returns the new count. */
    public int failed(String username) {
        jdbc.update("UPDATE staff_user SET failed_attempts = failed_attempts + 1 WHERE username = ?", normalise(username));
        return find(username).map(StaffUser::failedAttempts).orElse(0);
    }

    public void lock(String username, Instant until) {
        jdbc.update("UPDATE staff_user SET locked_until = ?, failed_attempts = 0 WHERE username = ?", Timestamp.from(until),
                normalise(username));
    }

    public void unlock(String username) {
        jdbc.update("UPDATE staff_user SET locked_until = NULL, failed_attempts = 0, updated_at = ? WHERE username = ?",
                Timestamp.from(Instant.now()), normalise(username));
    }

    static String roles(Set<String> roles) {
        return Roles.ALL.stream().filter(roles::contains).collect(Collectors.joining(","));
    }

    private static StaffUser row(ResultSet rs, int n) throws SQLException {
        Set<String> roles = new LinkedHashSet<>();
        String list = rs.getString("roles");
        if (list != null && !list.isBlank()) Arrays.stream(list.split(",")).map(Roles::parse).filter(r -> r != null).forEach(roles::add);
        return new StaffUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                Set.copyOf(roles), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"),
                instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("last_sign_in_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
