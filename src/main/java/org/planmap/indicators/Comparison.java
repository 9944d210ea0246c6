package org.planmap.indicators;

/**
 * The result of comparing one Table 1 row.
 *
 * @param outcome met, not met or not comparable
 * @param rule    the rule that decided (a stable code, see {@link IndicatorComparison})
 * @param textZh  the rule applied to this row, in Chinese (shown on hover)
 * @param textEn  the same in English
 * @param ratio   result ÷ target when both are numbers of the same kind, else {@code null}
 */
public record Comparison(Outcome outcome, String rule, String textZh, String textEn, Double ratio) {
}
