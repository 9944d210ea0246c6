package org.planmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.planmap.features.StoredFeature;

class MentionFinderTests {
    private static StoredFeature feature(String id, String collection, String name, List<String> aliases) throws Exception {
        return new StoredFeature(id, collection, name, null, "schematic", null, null,
                Map.of("aliases", aliases), new WKTReader().read("POINT (106.4 29.6)"));
    }

    @Test
    void longestNameWinsAndMatchesDoNotOverlap() throws Exception {
        MentionFinder finder = new MentionFinder(List.of(
                feature("a", "science-city", "重庆国际物流城", List.of("物流城")),
                feature("b", "demonstration-zones", "重庆国际物流城开放引领示范区", List.of())));
        List<MentionFinder.Mention> found = finder.find(new MentionFinder.Text("x-para-1", "x",
                "建设重庆国际物流城开放引领示范区，壮大物流城。"));
        assertThat(found).extracting(MentionFinder.Mention::featureId).containsExactly("b", "a");
        assertThat(found.get(0).start()).isEqualTo(2);
        assertThat(found.get(1).name()).isEqualTo("物流城");
    }

    @Test
    void sameNameGoesToTheLayoutLayerBeforeContext() throws Exception {
        MentionFinder finder = new MentionFinder(List.of(
                feature("station", "context-stations", "磁器口", List.of()),
                feature("site", "project-sites", "磁器口", List.of())));
        assertThat(finder.find(new MentionFinder.Text("p", "n", "提升磁器口文化旅游品质。")))
                .extracting(MentionFinder.Mention::featureId).containsExactly("site");
    }

    @Test
    void districtNamesAndSingleCharactersAreNotLinked() throws Exception {
        MentionFinder finder = new MentionFinder(List.of(
                feature("d", "context-stations", "沙坪坝", List.of("站")),
                feature("e", "zones", "东部人文母城", List.of())));
        assertThat(finder.find(new MentionFinder.Text("p", "n", "沙坪坝区东部人文母城站")))
                .extracting(MentionFinder.Mention::featureId).containsExactly("e");
    }

    @Test
    void sentenceIsCutAtChinesePunctuation() {
        String text = "第一句。建设磁器口码头；第三句。";
        int at = text.indexOf("磁器口");
        assertThat(MentionFinder.sentenceAround(text, at, at + 3)).isEqualTo("建设磁器口码头；");
    }
}
