package org.planmap.plan;

/**
 * One row of an indicator table.
 *
 * @param id        {@code table-{table}-row-{number}}
 * @param table     table number
 * @param number    the row's 序号
 * @param category  分类 (carried down from the first row of its group); {@code null} when the table has none
 * @param name      指标名称, without a trailing unit in brackets
 * @param unit      单位, or the trailing {@code （…）} of the name in tables without a unit column; may be {@code null}
 * @param attribute 指标属性: {@code 预期性} (expected) or {@code 约束性} (binding)
 * @param target    发展目标 / “十四五”规划目标
 * @param result    完成情况, or {@code null} when the table has no such column
 */
public record IndicatorRow(String id, int table, int number, String category, String name, String unit,
        String attribute, IndicatorValue target, IndicatorValue result) {
}
