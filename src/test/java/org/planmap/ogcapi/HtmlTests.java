package org.planmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTests {
    @Test
    void escapesMarkupAndBothQuotes() {
        assertThat(Html.escape("<a href=\"x\" onclick='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void keepsChineseAndNullIsEmpty() {
        assertThat(Html.escape("磁器口古镇")).isEqualTo("磁器口古镇");
        assertThat(Html.escape(null)).isEmpty();
    }
}
