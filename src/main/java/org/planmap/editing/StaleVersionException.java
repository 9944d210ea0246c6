package org.planmap.editing;

import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A save made on a version that is no longer the feature's current one: someone else saved in between. Nothing
 * was written. 409, or 412 when the base version came as {@code If-Match} (HTTP's own precondition).
 */
public class StaleVersionException extends ApiException {
    private final String featureId;
    private final int base;
    private final int current;

    StaleVersionException(String featureId, int base, int current, boolean preconditionHeader) {
        super(preconditionHeader ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT, detail(featureId, base, current),
                "baseVersion", String.valueOf(base));
        this.featureId = featureId;
        this.base = base;
        this.current = current;
        withChinese("要素“" + featureId + "”在您打开的第 " + base + " 版之后已被他人修改"
                + (current > 0 ? "（现为第 " + current + " 版）" : "") + "。您的修改没有保存，也没有丢失：请查看最新版本后再保存。");
    }

    private static String detail(String featureId, int base, int current) {
        return "Feature '" + featureId + "' was changed by someone else after you opened version " + base
                + (current > 0 ? " (it is now version " + current + ")" : "")
                + ". Your change was not saved and is not lost: look at the newer version, then save again.";
    }

    /** The same refusal as 412, for a request that named its base version in {@code If-Match}. */
    StaleVersionException precondition() {
        return new StaleVersionException(featureId, base, current, true);
    }
}
