package org.planmap.plan;

/**
 * The marks used in the indicator tables' value cells, with their meaning as given in the tables'
 * {@code 备注} lines, so that a user interface can explain them.
 */
public enum IndicatorMarker {
    /** {@code 5*}: Table 1 “带*为五年年均增速”, Table 2 “带*为规划期平均数”. */
    ANNUAL_AVERAGE("*", "年均增速（规划期平均数）", "average annual value over the plan period"),
    /** {@code 【2500】}: “带【】为累计数”. */
    CUMULATIVE("【】", "累计数", "cumulative total over the plan period"),
    /** {@code ——}: “带——为不再统计指标”. */
    NOT_COUNTED("——", "不再统计指标", "no longer compiled by the statistics office");

    private final String mark;
    private final String meaningZh;
    private final String meaningEn;

    IndicatorMarker(String mark, String meaningZh, String meaningEn) {
        this.mark = mark;
        this.meaningZh = meaningZh;
        this.meaningEn = meaningEn;
    }

    /** The mark as printed in the table. */
    public String mark() {
        return mark;
    }

    public String meaningZh() {
        return meaningZh;
    }

    public String meaningEn() {
        return meaningEn;
    }
}
