package org.planmap.editing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The staff edit tables ({@code feature_version}, {@code staff_feature}); one SQL for PostGIS and H2GIS. Writes
 * run inside the editor's data write. Versions are only ever inserted: there is no update or delete of a version.
 */
@Repository
class EditStore {
    private static final String VERSION_COLUMNS =
            "feature_id, version, collection, action, restored_from, feature, actor, reason, created_at";
    private static final String STAFF_COLUMNS =
            "feature_id, collection, version, seed, conflict_kind, seed_conflict, conflict_at, removed";

    private final JdbcTemplate jdbc;

    EditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a version; a second version with the same number fails on the primary key (a concurrent save). */
    void insertVersion(FeatureVersion v) {
        jdbc.update("INSERT INTO feature_version (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.featureId(), v.version(), v.collection(), v.action(), v.restoredFrom(), v.feature(), v.actor(), v.reason(),
                Timestamp.from(v.createdAt()));
    }

    /** Every version of a feature, newest first. */
    List<FeatureVersion> history(String featureId) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM feature_version WHERE feature_id = ? ORDER BY version DESC",
                EditStore::version, featureId);
    }

    Optional<FeatureVersion> version(String featureId, int version) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM feature_version WHERE feature_id = ? AND version = ?",
                EditStore::version, featureId, version).stream().findFirst();
    }

    Optional<StaffFeature> staff(String featureId) {
        return jdbc.query("SELECT " + STAFF_COLUMNS + " FROM staff_feature WHERE feature_id = ?", EditStore::staff, featureId)
                .stream().findFirst();
    }

    /** Every staff-edited feature, by id. */
    List<StaffFeature> allStaff() {
        return jdbc.query("SELECT " + STAFF_COLUMNS + " FROM staff_feature ORDER BY collection, feature_id", EditStore::staff);
    }

    void insertStaff(StaffFeature s) {
        jdbc.update("INSERT INTO staff_feature (" + STAFF_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.featureId(),
                s.collection(), s.version(), s.seed(), s.conflictKind(), s.seedConflict(),
                s.conflictAt() == null ? null : Timestamp.from(s.conflictAt()), s.removed());
    }

    /**
     * Moves a feature's current version from {@code expected} to {@code next}; false when another save moved it
     * first (the caller answers 409 and writes nothing).
     */
    boolean advance(String featureId, int expected, int next) {
        return jdbc.update("UPDATE staff_feature SET version = ? WHERE feature_id = ? AND version = ?", next, featureId, expected) == 1;
    }

    /** Records (or replaces) the open seed conflict of a feature. */
    void conflict(String featureId, String kind, String seedFeature, Instant at) {
        jdbc.update("UPDATE staff_feature SET conflict_kind = ?, seed_conflict = ?, conflict_at = ? WHERE feature_id = ?",
                kind, seedFeature, Timestamp.from(at), featureId);
    }

    /** Closes the conflict: {@code seed} is now the seed staff's versions are measured against. */
    void rebase(String featureId, String seed) {
        jdbc.update("UPDATE staff_feature SET seed = ?, conflict_kind = NULL, seed_conflict = NULL, conflict_at = NULL "
                + "WHERE feature_id = ?", seed, featureId);
    }

    /** Marks the feature off the map (an editor took the seed's removal) or back on it (a version restored). */
    void removed(String featureId, boolean removed) {
        jdbc.update("UPDATE staff_feature SET removed = ? WHERE feature_id = ?", removed, featureId);
    }

    /** Links an unmapped catalogue item to the project site staff placed for it; false when it is not unmapped. */
    boolean mapCatalogueItem(String itemId, String featureId) {
        return jdbc.update("UPDATE catalogue_item SET status = 'mapped', reason = NULL, feature_id = ?, decision = ? "
                + "WHERE id = ? AND status = 'unmapped'", featureId, PLACED_DECISION, itemId) == 1;
    }

    static final String PLACED_DECISION = "mapped: placed on the map by the district's planning staff (see the feature's history)";

    private static FeatureVersion version(ResultSet rs, int n) throws SQLException {
        Object from = rs.getObject("restored_from");
        return new FeatureVersion(rs.getString("feature_id"), rs.getInt("version"), rs.getString("collection"),
                rs.getString("action"), from == null ? null : ((Number) from).intValue(), rs.getString("feature"),
                rs.getString("actor"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant());
    }

    private static StaffFeature staff(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("conflict_at");
        return new StaffFeature(rs.getString("feature_id"), rs.getString("collection"), rs.getInt("version"),
                rs.getString("seed"), rs.getString("conflict_kind"), rs.getString("seed_conflict"), at == null ? null : at.toInstant(),
                rs.getBoolean("removed"));
    }
}
