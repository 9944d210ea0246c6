package org.planmap.plan;

import java.util.List;

/**
 * A 专栏 (boxed list of key projects or programmes).
 *
 * @param id       {@code col-N}
 * @param number   N
 * @param title    the words after {@code 专栏N：}
 * @param parentId id of the section (or chapter) in which the column appears
 * @param groups   the column's lines, in source order
 */
public record PlanColumn(String id, int number, String title, String parentId, List<ColumnGroup> groups) {
    public PlanColumn {
        groups = List.copyOf(groups);
    }

    /** All items of all groups, in column order ({@code col-N-item-1} first). */
    public List<ColumnItem> allItems() {
        return groups.stream().flatMap(g -> g.items().stream()).toList();
    }
}
