package org.planmap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTests {
    @Test
    void readsQuotedFieldsWithCommasQuotesAndNewlines() {
        List<List<String>> rows = Csv.parse("\uFEFFa,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\n");
        assertThat(rows).containsExactly(List.of("a", "b"), List.of("x, \"y\"", "two\nlines"));
    }

    @Test
    void dropsTheByteOrderMarkAndSkipsBlankLines() {
        assertThat(Csv.parse("\uFEFFid,name\n\n\r\n1,磁器口\n\n")).containsExactly(List.of("id", "name"), List.of("1", "磁器口"));
        assertThat(Csv.parse("\uFEFF\"id\",x\n")).containsExactly(List.of("id", "x"));
        assertThat(Csv.parse("")).isEmpty();
    }

    @Test
    void recordsMapHeadersToValuesWithMissingTrailingFieldsEmpty() {
        assertThat(Csv.records("\uFEFFa,b,c\n1,2\n")).containsExactly(Map.of("a", "1", "b", "2", "c", ""));
    }

    @Test
    void unclosedQuoteIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> Csv.parse("a,\"b\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclosed quote").hasMessageContaining("line 1");
        assertThatThrownBy(() -> Csv.parse("a,b\nc,d\n\"e,f\ng\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclosed quote").hasMessageContaining("line 3");
    }

    @Test
    void writesFieldsSafelyForSpreadsheets() {
        assertThat(Csv.field("磁器口")).isEqualTo("磁器口");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("=HYPERLINK(1)")).isEqualTo("\"'=HYPERLINK(1)\"");
        assertThat(Csv.field(null)).isEmpty();
        assertThat(Csv.field("")).isEmpty();
    }

    @Test
    void oneFormulaRuleForEveryCell() {
        for (String s : List.of("=1+1", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(Csv.safeCell(s)).as(s).isEqualTo("'" + s);
            assertThat(Csv.field(s)).as(s).startsWith("\"'");
        }
        assertThat(Csv.safeCell(-3.5)).isEqualTo(-3.5);
        assertThat(Csv.field(-3)).isEqualTo("-3");
        assertThat(Csv.safeCell("a=b")).isEqualTo("a=b");
        assertThat(Csv.safeCell(null)).isNull();
        assertThat(Csv.row(Arrays.asList("id", null, -2, "-2", "=x"))).isEqualTo("id,,-2,\"'-2\",\"'=x\"\r\n");
    }

    @Test
    void aDefusedCellReadsBackWithItsApostrophe() {
        assertThat(Csv.parse(Csv.row(List.of("=cmd|' /C calc'!A0", "ok")))).containsExactly(List.of("'=cmd|' /C calc'!A0", "ok"));
    }

    @Test
    void dataLinesAreWrittenAsGivenAndRoundTripTheCatalogue() throws Exception {
        assertThat(Csv.line(Arrays.asList("=a", "b,c", null))).isEqualTo("=a,\"b,c\",");
        String catalogue = Files.readString(Path.of("geodata", "project-catalogue.csv"));
        StringBuilder again = new StringBuilder();
        for (List<String> r : Csv.parse(catalogue)) again.append(Csv.line(r)).append('\n');
        assertThat(again.toString()).isEqualTo(catalogue);
    }
}
