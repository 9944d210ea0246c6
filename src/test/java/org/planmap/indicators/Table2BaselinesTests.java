package org.planmap.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanParser;

/** The hand-made pairs of {@code geodata/indicators/table-2-baselines.csv} against the plan text. */
class Table2BaselinesTests {
    final PlanDocument plan;
    final Table2Baselines baselines = new Table2Baselines(Path.of("geodata").resolve(Table2Baselines.FILE));

    Table2BaselinesTests() throws IOException {
        plan = PlanParser.parse(Path.of("geodata/plan/shapingba-14th-five-year-plan-outline.txt"));
    }

    @Test
    void everyPairNamesATable2RowAndATable1Row() {
        assertThat(baselines.check(plan)).isEmpty();
    }

    @Test
    void forestCoverStartsFromTable1s2020Result() {
        Table2Baselines.Baseline b = baselines.of("table-2-row-18", plan).orElseThrow();
        assertThat(b.year()).isEqualTo(2020);
        assertThat(b.indicatorId()).isEqualTo("table-1-row-19");
        assertThat(b.value().value()).isEqualTo(32.6);
    }

    @Test
    void nineRowsHaveABaselineAndTheRestNone() {
        long with = plan.tables().get(1).rows().stream().filter(r -> baselines.of(r.id(), plan).isPresent()).count();
        assertThat(with).isEqualTo(9);
        assertThat(baselines.of("table-2-row-19", plan)).as("户籍 vs 常住 城镇化率: not the same measure").isEmpty();
    }
}
