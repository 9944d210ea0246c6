package org.planmap.plan;

/**
 * One entry of a 专栏 (a project, a programme or a named area): the unit of the project catalogue.
 *
 * @param id     {@code col-{column}-item-{number}}
 * @param column the column number (专栏N)
 * @param number 1-based position within the column, in source order across all groups
 * @param group  the label before {@code ：} on the source line (e.g. {@code 轨道线路})
 * @param name   the item name
 */
public record ColumnItem(String id, int column, int number, String group, String name) {
}
