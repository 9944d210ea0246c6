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

    /** A count or depth limit (features, vertices, zip entries, nesting): 422 naming the configuration key. */
    static ApiException limit(String what, String whatZh, String key, long limit) {
        String name = "planmap.overlay." + key;
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, what + " (limit: " + name + " = " + limit + ")", "file", null)
                .withChinese(whatZh + "（上限：" + name + " = " + limit + "）").withLimit(name);
    }

    /** A size limit: 413 naming the configuration key. */
    static ApiException tooLarge(String what, String whatZh, String key, long limit) {
        String name = "planmap.overlay." + key;
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, what + " (limit: " + name + " = " + limit + " bytes)", "file", null)
                .withChinese(whatZh + "（上限：" + name + " = " + limit + " 字节）").withLimit(name);
    }
}
