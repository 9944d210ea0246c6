package org.planmap.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planmap.system.Csv;

/** The import rules without a database: the shipped sample file, the status names, spreadsheet dates and URLs. */
class ProgressImportTests {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static Map<String, String> catalogue() throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.records(Files.readString(Path.of("geodata", "project-catalogue.csv")))) {
            names.put(r.get("catalogueId"), r.get("name"));
        }
        return names;
    }

    @Test
    void theSampleFileIsValidAndSaysOnEveryRowThatItIsASample() throws IOException {
        byte[] file = Files.readAllBytes(Path.of("docs", "progress-sample.csv"));
        ProgressImport.Report r = ProgressImport.read(file, catalogue(), TODAY, (item, day) -> null);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.valid()).isTrue();
        assertThat(r.changes()).hasSize(r.rows());
        assertThat(r.changes()).allSatisfy(c -> assertThat(c.after().note()).contains("示例数据", "SAMPLE"));
    }

    @Test
    void statusesAreReadByCodeOrChineseNameAndNotRecordedIsNeverRecordable() {
        assertThat(ProgressStatus.parse("在建")).contains(ProgressStatus.UNDER_CONSTRUCTION);
        assertThat(ProgressStatus.parse(" Completed ")).contains(ProgressStatus.COMPLETED);
        assertThat(ProgressStatus.parse("未填报")).contains(ProgressStatus.NOT_RECORDED);
        assertThat(ProgressStatus.NOT_RECORDED.recordable()).isFalse();
        ProgressRules.Checked c = ProgressRules.check(Map.of("catalogueId", "col-1-item-1", "status", "未填报"), java.util.Set.of("col-1-item-1"), TODAY);
        assertThat(c.ok()).isFalse();
    }

    @Test
    void aMissingAsOfIsTodayAndSpreadsheetDatesAndPercentSignsAreRead() {
        ProgressRules.Checked c = ProgressRules.check(Map.of("catalogueId", "col-1-item-1", "status", "preparing",
                "startDate", "2024/3/5", "percentDone", "30%", "investment", "1,200.5"), java.util.Set.of("col-1-item-1"), TODAY);
        assertThat(c.problems()).isEmpty();
        assertThat(c.entry().effectiveDate()).isEqualTo(TODAY);
        assertThat(c.entry().startDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(c.entry().percentDone()).isEqualTo(30);
        assertThat(c.entry().investment()).isEqualTo(1200.5);
    }

    @Test
    void onlyWebLinksAreEvidence() {
        for (String bad : List.of("javascript:alert(1)", "data:text/html,x", "ftp://x.org/a", "//x.org", "http://")) {
            assertThat(ProgressRules.isWebLink(bad)).as(bad).isFalse();
        }
        assertThat(ProgressRules.isWebLink("https://www.cqspb.gov.cn/zwgk/a.html")).isTrue();
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsRejectedNotShifted() throws IOException {
        String file = "catalogueId,status\ncol-1-item-1,preparing,extra\n";
        ProgressImport.Report r = ProgressImport.read(file.getBytes(), catalogue(), TODAY, (item, day) -> null);
        assertThat(r.valid()).isFalse();
        assertThat(r.rejected().get(0).line()).isEqualTo(2);
    }
}
