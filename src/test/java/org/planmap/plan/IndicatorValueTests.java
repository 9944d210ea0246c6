package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One rule of {@link IndicatorValue#parse(String)} per test, on cells as they appear in the tables. */
class IndicatorValueTests {

    @Test
    void plainNumber() {
        IndicatorValue v = IndicatorValue.parse("2490.3");
        assertThat(v.value()).isEqualTo(2490.3);
        assertThat(v.comparator()).isNull();
        assertThat(v.markers()).isEmpty();
        assertThat(v.isText()).isFalse();
    }

    @Test
    void trailingSpaceIsTrimmed() {
        IndicatorValue v = IndicatorValue.parse("22 ");
        assertThat(v.raw()).isEqualTo("22");
        assertThat(v.value()).isEqualTo(22.0);
    }

    @Test
    void starMarksAnnualAverage() {
        IndicatorValue v = IndicatorValue.parse("5*");
        assertThat(v.value()).isEqualTo(5.0);
        assertThat(v.annualAverage()).isTrue();
        assertThat(v.markers()).containsExactly(IndicatorMarker.ANNUAL_AVERAGE);
    }

    @Test
    void lenticularBracketsMarkCumulative() {
        IndicatorValue v = IndicatorValue.parse("【2500】");
        assertThat(v.value()).isEqualTo(2500.0);
        assertThat(v.cumulative()).isTrue();
        assertThat(v.raw()).isEqualTo("【2500】");
    }

    @Test
    void doubleDashIsNotCounted() {
        IndicatorValue v = IndicatorValue.parse("——");
        assertThat(v.notCounted()).isTrue();
        assertThat(v.value()).isNull();
        assertThat(v.isText()).isFalse();
        assertThat(v.markers()).containsExactly(IndicatorMarker.NOT_COUNTED);
    }

    @Test
    void greaterThan() {
        IndicatorValue v = IndicatorValue.parse(">265");
        assertThat(v.value()).isEqualTo(265.0);
        assertThat(v.comparator()).isEqualTo(">");
    }

    @Test
    void greaterOrEqual() {
        IndicatorValue v = IndicatorValue.parse("≥95");
        assertThat(v.value()).isEqualTo(95.0);
        assertThat(v.comparator()).isEqualTo("≥");
    }

    @Test
    void fullWidthLessThanIsNormalised() {
        IndicatorValue v = IndicatorValue.parse("＜5.5");
        assertThat(v.value()).isEqualTo(5.5);
        assertThat(v.comparator()).isEqualTo("<");
        assertThat(v.raw()).isEqualTo("＜5.5");
    }

    @Test
    void yiXiaMeansAtMost() {
        IndicatorValue v = IndicatorValue.parse("3 以下");
        assertThat(v.value()).isEqualTo(3.0);
        assertThat(v.comparator()).isEqualTo("≤");
        assertThat(v.text()).isEqualTo("3 以下");
    }

    @Test
    void zuoYouMeansApproximately() {
        IndicatorValue v = IndicatorValue.parse("6*左右");
        assertThat(v.value()).isEqualTo(6.0);
        assertThat(v.approximately()).isTrue();
        assertThat(v.annualAverage()).isTrue();
        assertThat(v.comparator()).isNull();
    }

    @Test
    void ratioGivesTheQuotient() {
        IndicatorValue v = IndicatorValue.parse("1.96:1");
        assertThat(v.value()).isEqualTo(1.96);
        assertThat(v.text()).isEqualTo("1.96:1");
    }

    @Test
    void wrappedTextTargetHasNoValueAndOneLineText() {
        IndicatorValue v = IndicatorValue.parse("完成\n市下任务");
        assertThat(v.value()).isNull();
        assertThat(v.isText()).isTrue();
        assertThat(v.raw()).isEqualTo("完成\n市下任务");
        assertThat(v.text()).isEqualTo("完成市下任务");
        assertThat(v.markers()).isEmpty();
    }

    @Test
    void blankCellIsNull() {
        assertThat(IndicatorValue.parse("  ")).isNull();
        assertThat(IndicatorValue.parse(null)).isNull();
    }

    @Test
    void markersExplainThemselves() {
        assertThat(IndicatorTable.markers()).extracting(IndicatorMarker::mark).containsExactly("*", "【】", "——");
        assertThat(IndicatorMarker.CUMULATIVE.meaningZh()).isEqualTo("累计数");
        assertThat(IndicatorMarker.NOT_COUNTED.meaningEn()).isNotBlank();
    }
}
