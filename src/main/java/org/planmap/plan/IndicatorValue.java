package org.planmap.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value cell of an indicator table, read into its parts.
 *
 * <p>Rules ({@link #parse(String)}):
 * <ul>
 * <li>{@code 5*} – value 5, {@code annualAverage}; {@code 【2500】} – value 2500, {@code cumulative};
 *     {@code ——} – {@code notCounted}, no value.</li>
 * <li>Leading comparators are normalised to ASCII or the math sign: {@code >265} → {@code >} 265,
 *     {@code ≥95} → {@code ≥}, full-width {@code ＜5.5} → {@code <}, {@code ＞} → {@code >}, {@code ≧}/{@code >=} → {@code ≥}.</li>
 * <li>Trailing words: {@code 以下} (“or below”) is read as {@code ≤}, {@code 以上} as {@code ≥}, {@code 以内} as {@code ≤};
 *     {@code 左右} (“about”) sets {@code approximately}. So {@code 3 以下} → {@code ≤} 3 and {@code 6*左右} → 6,
 *     annual average, approximately.</li>
 * <li>A ratio {@code a:b} (e.g. {@code 1.96:1}) has value a/b (1.96); no comparator.</li>
 * <li>Anything else (e.g. {@code 完成\n市下任务}) is a text target: value {@code null}.</li>
 * </ul>
 *
 * @param raw            the cell as in the source, trimmed (a wrapped cell keeps its line break)
 * @param value          the number, or {@code null} for text targets and {@code ——}
 * @param comparator     {@code >}, {@code ≥}, {@code <}, {@code ≤} or {@code null}
 * @param annualAverage  marked {@code *}
 * @param cumulative     marked {@code 【】}
 * @param notCounted     {@code ——}
 * @param approximately  followed by {@code 左右}
 * @param text           the cell on one line (line breaks removed), e.g. {@code 完成市下任务} or {@code 6*左右}
 */
public record IndicatorValue(String raw, Double value, String comparator, boolean annualAverage,
        boolean cumulative, boolean notCounted, boolean approximately, String text) {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");
    private static final Pattern RATIO = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*[:：]\\s*(\\d+(?:\\.\\d+)?)");

    public IndicatorValue {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(text, "text");
    }

    /** A cell with words instead of a number (and not {@code ——}), e.g. {@code 完成市下任务}. */
    public boolean isText() {
        return value == null && !notCounted;
    }

    /** The markers present on this value, for explaining it (see {@link IndicatorMarker}). */
    public List<IndicatorMarker> markers() {
        List<IndicatorMarker> markers = new ArrayList<>();
        if (annualAverage) {
            markers.add(IndicatorMarker.ANNUAL_AVERAGE);
        }
        if (cumulative) {
            markers.add(IndicatorMarker.CUMULATIVE);
        }
        if (notCounted) {
            markers.add(IndicatorMarker.NOT_COUNTED);
        }
        return List.copyOf(markers);
    }

    /**
     * Reads a table cell.
     *
     * @param cell the cell text; line breaks inside are kept in {@code raw} and removed in {@code text}
     * @return the value, or {@code null} when the cell is blank
     */
    public static IndicatorValue parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String raw = cell.strip();
        String text = raw.replaceAll("\\s*\\R\\s*", "");
        String s = text.replace('\u3000', ' ').strip();
        if (s.matches("[—\\-－]{1,2}")) {
            return new IndicatorValue(raw, null, null, false, false, true, false, text);
        }
        boolean cumulative = false;
        if (s.startsWith("【") && s.endsWith("】")) {
            cumulative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        String comparator = null;
        String[][] prefixes = {{">=", "≥"}, {"<=", "≤"}, {"≥", "≥"}, {"≧", "≥"}, {"≤", "≤"}, {"≦", "≤"},
            {">", ">"}, {"＞", ">"}, {"<", "<"}, {"＜", "<"}};
        for (String[] p : prefixes) {
            if (s.startsWith(p[0])) {
                comparator = p[1];
                s = s.substring(p[0].length()).strip();
                break;
            }
        }
        boolean approximately = false;
        if (s.endsWith("左右")) {
            approximately = true;
            s = s.substring(0, s.length() - 2).strip();
        }
        if (comparator == null) {
            if (s.endsWith("以下") || s.endsWith("以内")) {
                comparator = "≤";
                s = s.substring(0, s.length() - 2).strip();
            } else if (s.endsWith("以上")) {
                comparator = "≥";
                s = s.substring(0, s.length() - 2).strip();
            }
        }
        boolean annualAverage = false;
        if (s.endsWith("*") || s.endsWith("＊")) {
            annualAverage = true;
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.startsWith("【") && s.endsWith("】")) {
            cumulative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        Double value = null;
        Matcher ratio = RATIO.matcher(s);
        if (NUMBER.matcher(s).matches()) {
            value = Double.valueOf(s);
        } else if (ratio.matches()) {
            double denominator = Double.parseDouble(ratio.group(2));
            value = denominator == 0 ? null : Double.parseDouble(ratio.group(1)) / denominator;
        }
        if (value == null) {
            // a text target: the markers read so far were part of the words
            return new IndicatorValue(raw, null, null, false, false, false, false, text);
        }
        return new IndicatorValue(raw, value, comparator, annualAverage, cumulative, false, approximately, text);
    }
}
