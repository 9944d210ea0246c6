package org.planmap.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTests {
    @Test
    void pluralsStemButVerbEndingsAndLatinWordsInChineseNamesStay() {
        assertThat(List.of("schools", "universities", "stations", "business", "campus", "parking", "gdp"))
                .map(SearchText::stem).containsExactly("school", "university", "station", "business", "campus", "parking", "gdp");
        assertThat(SearchText.tokens(SearchText.fold("GDP 年均增长率"))).extracting(SearchText.Token::stem).containsExactly("gdp");
        assertThat(SearchText.tokens(SearchText.fold("The Key Projects of the Science City")))
                .extracting(SearchText.Token::stem).containsExactly("key", "project", "science", "city");
    }

    @Test
    void foldingKeepsOffsets() {
        String name = "歌乐山•磁器口大景区－ＡＢＣ";
        String folded = SearchText.fold(name);
        assertThat(folded).isEqualTo("歌乐山·磁器口大景区-abc").hasSameSizeAs(name);
    }

    @Test
    void aSynonymGroupWorksBothWaysAndEnglishByStem() {
        Synonyms s = Synonyms.parse("terms,note\n地铁|轨道|metro|subway,x\nforest cover|森林覆盖率,y\n");
        assertThat(s.of("地铁")).containsExactly("轨道", "metro", "subway");
        assertThat(s.of(SearchText.fold("Forest covers"))).containsExactly("森林覆盖率");
        assertThat(s.ofStem("subway")).containsExactly("metro");
        assertThat(s.of("磁器口")).isEmpty();
        assertThatThrownBy(() -> Synonyms.parse("terms,note\n地铁,x\n")).hasMessageContaining("two terms");
        assertThatThrownBy(() -> Synonyms.parse("terms,note\n地铁|轨道,\n")).hasMessageContaining("note");
    }
}
