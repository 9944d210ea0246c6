package org.planmap.indicators;

import java.util.List;
import org.planmap.plan.IndicatorValue;

/**
 * One indicator row as {@code /api/indicators} returns it.
 *
 * @param category       the table's 分类 (Table 1) or planmap's grouping (Table 2, see {@code categorySource})
 * @param categorySource {@code plan} when the category is printed in the table, {@code planmap} when it is ours
 * @param nameEn         English name ({@code geodata/indicators/names-en.csv}); {@code nameEnSource} says whose
 * @param comparison     Table 1 only: met / not met / not comparable with the rule applied
 * @param sections       plan nodes mentioning the indicator (keyword match)
 * @param features       map features it concerns ({@code indicator-zones.csv})
 * @param baseline       Table 2 only: the 2020 value, from the Table 1 result of the same measure
 *                       ({@link Table2Baselines}); null when the plan gives none
 */
public record IndicatorView(String id, String tableId, int table, int number, String category, String categorySource,
        String name, String nameEn, String nameEnSource, String unit, String attribute, String attributeEn, Direction direction, String directionReason,
        Value target, Value result, Comparison comparison, List<String> keywords,
        List<IndicatorCatalog.SectionRef> sections, List<IndicatorLinks.FeatureRef> features,
        Table2Baselines.Baseline baseline) {

    /** A value cell (see {@link IndicatorValue} for the reading rules). */
    public record Value(String raw, String text, Double value, String comparator, boolean annualAverage,
            boolean cumulative, boolean notCounted, boolean approximately, boolean isText) {

        static Value of(IndicatorValue v) {
            if (v == null) {
                return null;
            }
            return new Value(v.raw(), v.text(), v.value(), v.comparator(), v.annualAverage(), v.cumulative(),
                    v.notCounted(), v.approximately(), v.isText());
        }
    }
}
