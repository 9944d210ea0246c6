package org.planmap.editing;

import java.time.Instant;

/**
 * A feature staff edited ({@code staff_feature}): its current version and what the seed says about it.
 *
 * @param seed         the seed feature (GeoJSON) staff's versions were made on; {@code null} when staff placed the
 *                     feature and the seed has none
 * @param conflictKind {@code null} (none), {@code changed}, {@code removed} (the seed file no longer has the feature)
 *                     or {@code added} (the seed now has a feature with the id of one staff placed)
 * @param seedConflict the seed's new feature while a conflict is open ({@code null} for {@code removed})
 * @param removed      an editor took the seed's removal: the feature is off the map until a version is restored
 */
public record StaffFeature(String featureId, String collection, int version, String seed, String conflictKind,
                           String seedConflict, Instant conflictAt, boolean removed) {
    public static final String CHANGED = "changed";
    public static final String REMOVED = "removed";
    public static final String ADDED = "added";

    public boolean inConflict() {
        return conflictKind != null;
    }
}
