package org.planmap.plan;

import java.util.List;

/**
 * One source line of a column, {@code label：text}, with the items read from it.
 *
 * @param label the words before the first {@code ：}
 * @param text  the words after it (a wrapped line already joined)
 * @param items the items of this line
 */
public record ColumnGroup(String label, String text, List<ColumnItem> items) {
    public ColumnGroup {
        items = List.copyOf(items);
    }
}
