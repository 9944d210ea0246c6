package org.planmap.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.planmap.system.ApiException;

class SearchQueryTests {
    @Test
    void normalisesFullWidthAndWhitespace() {
        SearchQuery q = SearchQuery.parse("  ＣＱＵ　 磁器口 ");
        assertThat(q.text()).isEqualTo("CQU 磁器口");
        assertThat(q.folded()).isEqualTo("cqu 磁器口");
    }

    @Test
    void emptyAndOverLongQueriesAreBadRequests() {
        assertThatThrownBy(() -> SearchQuery.parse(" \t")).isInstanceOf(ApiException.class)
                .hasMessageContaining("empty").extracting(e -> ((ApiException) e).status().value()).isEqualTo(400);
        assertThatThrownBy(() -> SearchQuery.parse(null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> SearchQuery.parse("磁".repeat(101))).isInstanceOf(ApiException.class)
                .hasMessageContaining("longer than 100");
        assertThat(SearchQuery.parse("磁".repeat(100)).text()).hasSize(100);
    }
}
