package org.planmap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {
    @Test
    void readsQuotedFieldsWithCommasQuotesAndNewlines() {
        List<List<String>> rows = Csv.parse("\uFEFFa,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\n");
        assertThat(rows).containsExactly(List.of("a", "b"), List.of("x, \"y\"", "two\nlines"));
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThatThrownBy(() -> Csv.parse("a,\"b\n")).hasMessageContaining("unclosed quote");
    }

    @Test
    void writesFieldsSafelyForSpreadsheets() {
        assertThat(Csv.field("磁器口")).isEqualTo("磁器口");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("=HYPERLINK(1)")).isEqualTo("\"'=HYPERLINK(1)\"");
    }
}
