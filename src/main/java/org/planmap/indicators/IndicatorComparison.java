package org.planmap.indicators;

import org.planmap.plan.IndicatorRow;
import org.planmap.plan.IndicatorValue;

/**
 * Compares a Table 1 result (完成情况) with its target (发展目标), honestly: like with like only.
 *
 * <p>Rules, applied in this order (the rule code is returned with the verdict):
 * <ol>
 * <li>{@code not-counted} – either cell is {@code ——} (“不再统计指标”, no longer compiled): not comparable.</li>
 * <li>{@code task-completed} – the target is words (e.g. {@code 市下任务}, the task the city hands down) and the
 *     result says {@code 完成…} (completed): <b>met, by the source's own statement</b>. The numbers behind it
 *     are not published, so this cannot be checked here; the text says so.</li>
 * <li>{@code text} – any other words in a cell: not comparable.</li>
 * <li>{@code marks-differ} – one value is a five-year annual average ({@code *}) or a cumulative total
 *     ({@code 【】}) and the other is not the same kind: not comparable (e.g. row 35, target {@code 3},
 *     result {@code 【3.88】}).</li>
 * <li>{@code numeric} – two plain numbers: met when the result is at least the target (direction
 *     {@link Direction#HIGHER}) or at most the target ({@link Direction#LOWER}); equal counts as met. A target
 *     {@code >x} (or {@code <x} for lower-is-better) must be beaten strictly.</li>
 * <li>{@code bound} – a cell is a bound ({@code >300}, {@code ≥95}, {@code 3 以下}): the result's known end is
 *     used. Met when even its worst case meets the target ({@code >300} against {@code >265}; {@code 3 以下}
 *     against a ceiling 4); not met when even its best case misses; otherwise not comparable.</li>
 * </ol>
 */
public final class IndicatorComparison {

    private IndicatorComparison() {
    }

    /** Compares a row of Table 1. Rows without a result (Table 2) are not comparable (rule {@code no-result}). */
    public static Comparison compare(IndicatorRow row, Direction direction) {
        return compare(row.target(), row.result(), direction);
    }

    public static Comparison compare(IndicatorValue target, IndicatorValue result, Direction direction) {
        if (target == null || result == null) {
            return new Comparison(Outcome.NOT_COMPARABLE, "no-result", "无完成情况，无法比较", "no result to compare",
                    null);
        }
        String t = target.text();
        String r = result.text();
        if (target.notCounted() || result.notCounted()) {
            return new Comparison(Outcome.NOT_COMPARABLE, "not-counted",
                    "“——”为不再统计指标（目标 " + t + "，完成情况 " + r + "），无法比较",
                    "‘——’ marks an indicator no longer compiled (target " + t + ", result " + r
                            + "): nothing to compare",
                    null);
        }
        if (target.isText() || result.isText()) {
            if (target.isText() && result.isText() && r.startsWith("完成")) {
                return new Comparison(Outcome.MET, "task-completed",
                        "目标为文字“" + t + "”，完成情况为“" + r + "”：按原文表述视为达成（具体数值未公布，无法核对）",
                        "the target is words (‘" + t + "’, the task handed down by the city) and the result reads ‘"
                                + r + "’ (completed): met by the source's own statement; the figures are not "
                                + "published, so this cannot be checked",
                        null);
            }
            return new Comparison(Outcome.NOT_COMPARABLE, "text",
                    "目标或完成情况为文字（" + t + " / " + r + "），无法按数值比较",
                    "target or result is words (" + t + " / " + r + "): no numeric comparison", null);
        }
        if (target.annualAverage() != result.annualAverage() || target.cumulative() != result.cumulative()) {
            return new Comparison(Outcome.NOT_COMPARABLE, "marks-differ",
                    "目标 " + t + "（" + kindZh(target) + "）与完成情况 " + r + "（" + kindZh(result)
                            + "）口径不同，不作比较",
                    "target " + t + " (" + kindEn(target) + ") and result " + r + " (" + kindEn(result)
                            + ") are not the same kind of figure: not compared",
                    null);
        }
        boolean bound = target.comparator() != null || result.comparator() != null;
        Outcome outcome = numeric(target, result, direction);
        Double ratio = target.value() == 0 ? null : result.value() / target.value();
        String dirZh = direction == Direction.HIGHER ? "越高越好" : "越低越好";
        String dirEn = direction == Direction.HIGHER ? "higher is better" : "lower is better";
        String kindZh = kindZh(target);
        String kindEn = kindEn(target);
        String relation = relation(outcome, direction);
        String verdictZh = outcome.labelZh();
        String verdictEn = outcome.labelEn();
        if (bound) {
            String zh = "完成情况 " + r + " 与目标 " + t + " 均按界限比较（" + kindZh + "；" + dirZh + "）："
                    + (outcome == Outcome.NOT_COMPARABLE ? "区间重叠，无法判断" : "最不利情况亦" + (outcome == Outcome.MET
                            ? "满足" : "不满足") + "目标") + " → " + verdictZh;
            String en = "result " + r + " against target " + t + " compared as bounds (" + kindEn + "; " + dirEn
                    + "): " + (outcome == Outcome.NOT_COMPARABLE ? "the ranges overlap, undecidable"
                            : outcome == Outcome.MET ? "even its worst case meets the target"
                                    : "even its best case misses the target") + " → " + verdictEn;
            return new Comparison(outcome, "bound", zh, en, ratio);
        }
        return new Comparison(outcome, "numeric",
                "完成情况 " + r + " " + relation + " 目标 " + t + "（" + kindZh + "；" + dirZh + "）→ " + verdictZh,
                "result " + r + " " + relation + " target " + t + " (" + kindEn + "; " + dirEn + ") → " + verdictEn,
                ratio);
    }

    private static String relation(Outcome outcome, Direction direction) {
        boolean met = outcome == Outcome.MET;
        if (direction == Direction.HIGHER) {
            return met ? "≥" : "<";
        }
        return met ? "≤" : ">";
    }

    /** Decides numbers and bounds; values are mirrored (negated) for lower-is-better so one rule serves both. */
    static Outcome numeric(IndicatorValue target, IndicatorValue result, Direction direction) {
        boolean lower = direction == Direction.LOWER;
        double t = lower ? -target.value() : target.value();
        double r = lower ? -result.value() : result.value();
        String tc = lower ? mirror(target.comparator()) : target.comparator();
        String rc = lower ? mirror(result.comparator()) : result.comparator();
        // requirement: R >= t, or R > t when the target is a strict '>' bound
        boolean strict = ">".equals(tc);
        boolean hasLow = rc == null || rc.equals("≥") || rc.equals(">");
        boolean lowOpen = ">".equals(rc);
        boolean hasHigh = rc == null || rc.equals("≤") || rc.equals("<");
        boolean highOpen = "<".equals(rc);
        if (hasLow && (r > t || (r == t && (!strict || lowOpen)))) {
            return Outcome.MET;
        }
        if (hasHigh && (r < t || (r == t && (strict || highOpen)))) {
            return Outcome.NOT_MET;
        }
        return Outcome.NOT_COMPARABLE;
    }

    private static String mirror(String comparator) {
        if (comparator == null) {
            return null;
        }
        return switch (comparator) {
            case ">" -> "<";
            case "<" -> ">";
            case "≥" -> "≤";
            case "≤" -> "≥";
            default -> comparator;
        };
    }

    private static String kindZh(IndicatorValue v) {
        if (v.annualAverage()) {
            return "五年年均";
        }
        if (v.cumulative()) {
            return "五年累计";
        }
        return "期末值";
    }

    private static String kindEn(IndicatorValue v) {
        if (v.annualAverage()) {
            return "five-year annual average";
        }
        if (v.cumulative()) {
            return "five-year cumulative total";
        }
        return "end-of-period value";
    }
}
