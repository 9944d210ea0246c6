package org.planmap.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.IndicatorValue;

class IndicatorComparisonTests {

    private static IndicatorCatalog catalog;

    @BeforeAll
    static void readPlan() {
        catalog = new IndicatorCatalog(Path.of("geodata"));
    }

    private static Comparison compare(String target, String result, Direction direction) {
        return IndicatorComparison.compare(IndicatorValue.parse(target), IndicatorValue.parse(result), direction);
    }

    @Test
    void plainNumbersHigherIsBetter() {
        Comparison c = compare("58", "68", Direction.HIGHER);
        assertThat(c.outcome()).isEqualTo(Outcome.MET);
        assertThat(c.rule()).isEqualTo("numeric");
        assertThat(c.ratio()).isCloseTo(68.0 / 58, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.textEn()).contains("68 ≥ target 58").contains("higher is better");
    }

    @Test
    void resultBelowTargetIsNotMet() {
        Comparison c = compare("130", "107.5", Direction.HIGHER);
        assertThat(c.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(c.textZh()).contains("107.5 < 目标 130");
    }

    @Test
    void equalToTargetIsMet() {
        assertThat(compare("22", "22", Direction.HIGHER).outcome()).isEqualTo(Outcome.MET);
        assertThat(compare("4", "4", Direction.LOWER).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void lowerIsBetterReversesTheTest() {
        assertThat(compare("3", "2.5", Direction.LOWER).outcome()).isEqualTo(Outcome.MET);
        assertThat(compare("3", "3.2", Direction.LOWER).outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(compare("3", "3.2", Direction.LOWER).textEn()).contains("lower is better");
    }

    @Test
    void notCountedIsNotComparable() {
        Comparison c = compare("【1500】", "——", Direction.HIGHER);
        assertThat(c.outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(c.rule()).isEqualTo("not-counted");
    }

    @Test
    void completedCityTaskIsMetByTheSourcesOwnWords() {
        Comparison c = compare("市下任务", "完成\n市下任务", Direction.HIGHER);
        assertThat(c.outcome()).isEqualTo(Outcome.MET);
        assertThat(c.rule()).isEqualTo("task-completed");
        assertThat(c.textEn()).contains("source's own statement").contains("cannot be checked");
    }

    @Test
    void otherWordsAreNotComparable() {
        assertThat(compare("市下任务", "基本完成", Direction.HIGHER).rule()).isEqualTo("text");
        assertThat(compare("市下任务", "12", Direction.HIGHER).outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
    }

    @Test
    void annualAverageOnlyWithAnnualAverage() {
        assertThat(compare("5*", "5.9*", Direction.HIGHER).outcome()).isEqualTo(Outcome.MET);
        Comparison mixed = compare("5*", "30", Direction.HIGHER);
        assertThat(mixed.outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(mixed.rule()).isEqualTo("marks-differ");
    }

    @Test
    void cumulativeOnlyWithCumulative() {
        assertThat(compare("【2500】", "【2605】", Direction.HIGHER).outcome()).isEqualTo(Outcome.MET);
        Comparison mixed = compare("3", "【3.88】", Direction.HIGHER);
        assertThat(mixed.rule()).isEqualTo("marks-differ");
        assertThat(mixed.textEn()).contains("end-of-period value").contains("five-year cumulative total");
    }

    @Test
    void lowerBoundsBeatenByAHigherLowerBound() {
        Comparison c = compare(">265", ">300", Direction.HIGHER);
        assertThat(c.outcome()).isEqualTo(Outcome.MET);
        assertThat(c.rule()).isEqualTo("bound");
    }

    @Test
    void strictTargetNeedsStrictlyMore() {
        assertThat(compare(">90", "90", Direction.HIGHER).outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(compare(">90", ">90", Direction.HIGHER).outcome()).isEqualTo(Outcome.MET);
        assertThat(compare("≥95", "95", Direction.HIGHER).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void upperBoundResultAgainstCeiling() {
        assertThat(compare("4", "3 以下", Direction.LOWER).outcome()).isEqualTo(Outcome.MET);
        // “5 以下” against a ceiling of 4: may be 3 or 4.9 — undecidable
        assertThat(compare("4", "5 以下", Direction.LOWER).outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(compare("4", "≥5", Direction.LOWER).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    void lowerBoundResultBelowTargetIsUndecidable() {
        assertThat(compare("300", ">250", Direction.HIGHER).outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
    }

    @Test
    void everyRowHasADirection() {
        for (IndicatorRow row : catalog.rows()) {
            assertThat(catalog.direction(row.id())).as(row.id()).isNotNull();
            assertThat(catalog.directionReason(row.id())).as(row.id()).isNotBlank();
        }
        assertThat(catalog.rows()).hasSize(67);
    }

    @Test
    void lowerIsBetterForUnemploymentDeathRatesAndTheIncomeGap() {
        for (String id : new String[] {"table-1-row-32", "table-1-row-38", "table-2-row-21", "table-2-row-22",
            "table-2-row-27"}) {
            assertThat(catalog.direction(id)).as(id).isEqualTo(Direction.LOWER);
        }
        // energy: the indicator is the reduction RATE, so a larger value is better
        assertThat(catalog.direction("table-1-row-21")).isEqualTo(Direction.HIGHER);
    }

    /** Expected outcome of all 40 rows of Table 1 (m = met, n = not met, x = not comparable) with the rule. */
    @ParameterizedTest(name = "table-1-row-{0}: {1} by {2}")
    @CsvSource({
        "1,m,numeric", "2,m,numeric", "3,m,numeric", "4,m,numeric", "5,m,numeric", "6,m,numeric", "7,m,numeric",
        "8,m,numeric", "9,m,numeric", "10,m,numeric", "11,m,numeric", "12,m,numeric", "13,m,numeric",
        "14,m,numeric", "15,n,numeric", "16,m,numeric", "17,m,numeric", "18,m,numeric", "19,m,numeric",
        "20,m,numeric", "21,m,task-completed", "22,m,task-completed", "23,m,numeric", "24,m,bound",
        "25,m,numeric", "26,x,not-counted", "27,m,numeric", "28,m,numeric", "29,m,numeric", "30,m,numeric",
        "31,m,numeric", "32,x,not-counted", "33,m,bound", "34,m,numeric", "35,x,marks-differ", "36,m,numeric",
        "37,m,numeric", "38,m,bound", "39,m,numeric", "40,m,bound"})
    void table1Row(int number, char expected, String rule) {
        IndicatorRow row = catalog.plan().indicator("table-1-row-" + number).orElseThrow();
        Comparison c = catalog.comparison(row);
        Outcome outcome = switch (expected) {
            case 'm' -> Outcome.MET;
            case 'n' -> Outcome.NOT_MET;
            default -> Outcome.NOT_COMPARABLE;
        };
        assertThat(c.outcome()).isEqualTo(outcome);
        assertThat(c.rule()).isEqualTo(rule);
        assertThat(c.textZh()).isNotBlank();
        assertThat(c.textEn()).isNotBlank();
    }

    @Test
    void table1Totals() {
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        catalog.rows().stream().filter(r -> r.table() == 1)
                .forEach(r -> counts.merge(catalog.comparison(r).outcome(), 1, Integer::sum));
        assertThat(counts).containsEntry(Outcome.MET, 36).containsEntry(Outcome.NOT_MET, 1)
                .containsEntry(Outcome.NOT_COMPARABLE, 3);
    }
}
