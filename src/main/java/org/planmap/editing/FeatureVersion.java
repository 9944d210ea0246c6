package org.planmap.editing;

import java.time.Instant;

/**
 * One saved state of a feature ({@code feature_version}): who saved it, when, why, and the whole feature as
 * GeoJSON in the {@code geodata/<collection>.geojson} shape.
 *
 * @param action       {@code seed} (the seed as it was before the first edit), {@code edit}, {@code restore},
 *                     {@code place} (an unmapped catalogue item placed), {@code take-seed} or {@code keep-staff}
 *                     (a seed conflict resolved)
 * @param restoredFrom the version a {@code restore} copied, else {@code null}
 * @param actor        the signed-in user's name; {@code null} for the seed
 */
public record FeatureVersion(String featureId, int version, String collection, String action, Integer restoredFrom,
                             String feature, String actor, String reason, Instant createdAt) {
    public static final String SEED = "seed";
    public static final String EDIT = "edit";
    public static final String RESTORE = "restore";
    public static final String PLACE = "place";
    public static final String TAKE_SEED = "take-seed";
    public static final String KEEP_STAFF = "keep-staff";
}
