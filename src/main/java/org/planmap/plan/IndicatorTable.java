package org.planmap.plan;

import java.util.List;

/**
 * An indicator table (表N).
 *
 * @param id      {@code table-N}
 * @param number  N
 * @param title   the words after {@code 表N}
 * @param headers column headers, wrapped header cells joined ({@code 发展目标})
 * @param rows    rows in source order
 * @param note    the {@code 备注：…} line, or {@code null}
 */
public record IndicatorTable(String id, int number, String title, List<String> headers, List<IndicatorRow> rows,
        String note) {

    public IndicatorTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** The marks used in value cells and what they mean (the {@code 备注} line, as data). */
    public static List<IndicatorMarker> markers() {
        return List.of(IndicatorMarker.values());
    }
}
