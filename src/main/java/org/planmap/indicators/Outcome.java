package org.planmap.indicators;

import com.fasterxml.jackson.annotation.JsonValue;

/** The verdict of comparing a Table 1 result with its target (see {@link IndicatorComparison}). */
public enum Outcome {
    MET("met", "达成", "met"),
    NOT_MET("not-met", "未达成", "not met"),
    NOT_COMPARABLE("not-comparable", "不可比", "not comparable");

    private final String code;
    private final String labelZh;
    private final String labelEn;

    Outcome(String code, String labelZh, String labelEn) {
        this.code = code;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
