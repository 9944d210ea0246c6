package org.planmap.overlay;

import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;

/** Builders for the answers a planner gets when an upload cannot be used: always a 4xx with a plain sentence. */
final class UploadProblem {
    private UploadProblem() { }

    static ApiException bad(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail, "file", null);
    }

    static ApiException crs(String detail, String value) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail, "crs", value);
    }

    /** A count limit (features, vertices, zip entries, JSON depth): 400 naming the configuration key. */
    static ApiException limit(String what, String key, long limit) {
        return new ApiException(HttpStatus.BAD_REQUEST,
                what + " (limit: planmap.overlay." + key + " = " + limit + ")", "file", null);
    }

    /** A size limit: 413 naming the configuration key. */
    static ApiException tooLarge(String what, String key, long limit) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
                what + " (limit: planmap.overlay." + key + " = " + limit + " bytes)", "file", null);
    }
}
