package org.planmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.StoredFeature;

/** The linking rules one at a time, on hand-made features (geometry as WKT, lon/lat). */
class PlaceNameMatcherTests {
    static final List<String> PRIORITY = MentionFinder.priority(new CollectionRegistry());
    static final String SMALL_BOX = "POLYGON ((106.40 29.60, 106.41 29.60, 106.41 29.61, 106.40 29.61, 106.40 29.60))";
    static final String LARGE_BOX = "POLYGON ((106.30 29.50, 106.50 29.50, 106.50 29.70, 106.30 29.70, 106.30 29.50))";

    static StoredFeature feature(String id, String collection, String name, List<String> aliases, String wkt) throws Exception {
        return feature(id, collection, name, aliases, wkt, Map.of());
    }

    static StoredFeature feature(String id, String collection, String name, List<String> aliases, String wkt,
                                 Map<String, Object> more) throws Exception {
        Map<String, Object> props = new HashMap<>(more);
        props.put("aliases", aliases);
        return new StoredFeature(id, collection, name, (String) more.get("nameEn"), "schematic", null, null, props,
                new WKTReader().read(wkt));
    }

    static List<String> linked(PlaceLexicon lexicon, String text, String nodeId) {
        return new PlaceNameMatcher(lexicon, PRIORITY).find(text, nodeId).stream()
                .map(m -> m.name() + "→" + m.feature().id()).toList();
    }

    @Test
    void aNameInsideATitleIsNotAPlace() throws Exception {
        PlaceLexicon lexicon = PlaceLexicon.of(List.of(feature("belt", "zones", "两山生态屏障·中梁山", List.of("歌乐山"), LARGE_BOX)));
        assertThat(linked(lexicon, "打造舞台剧《梦回沙磁》《歌乐山之歌》，提升歌乐山品质。", "n"))
                .containsExactly("歌乐山→belt");
    }

    @Test
    void anUnmappedItemBlocksThePlaceNameItStartsWith() throws Exception {
        StoredFeature town = feature("town", "science-city", "重庆大学城", List.of("大学城"), LARGE_BOX);
        PlaceLexicon lexicon = PlaceLexicon.of(List.of(town), PlaceNames.NONE, List.of("大学城复线隧道"));
        assertThat(linked(lexicon, "桥梁隧道：大学城复线隧道、红岩村大桥；建设大学城。", "col-12")).containsExactly("大学城→town");
    }

    @Test
    void anOtherRowBlocksAndAWithinRowLinksTheContainingArea() throws Exception {
        StoredFeature station = feature("st", "context-landmarks", "重庆西", List.of(), SMALL_BOX,
                Map.of("buildingType", "train_station"));
        StoredFeature area = feature("shaci", "showcase-areas", "沙磁文化旅游展示区", List.of(), LARGE_BOX);
        PlaceNames places = PlaceNames.parse("""
                name,relation,target,reason
                重庆西藏中学,other,,a school
                渣滓洞,within,shaci,no feature of its own
                """, "test");
        PlaceLexicon lexicon = PlaceLexicon.of(List.of(station, area), places, List.of());
        assertThat(linked(lexicon, "支持重庆西藏中学建设，推动渣滓洞连片发展，完善重庆西站。", "n"))
                .containsExactly("渣滓洞→shaci", "重庆西站→st");
    }

    @Test
    void aStationIsLinkedOnlyAsAStation() throws Exception {
        StoredFeature metro = feature("metro", "context-stations", "磁器口", List.of(), "POINT (106.44 29.58)");
        StoredFeature building = feature("hall", "context-landmarks", "大学城", List.of(), SMALL_BOX,
                Map.of("nameEn", "Daxuecheng station (building)"));
        PlaceLexicon lexicon = PlaceLexicon.of(List.of(metro, building));
        assertThat(linked(lexicon, "提升磁器口文化旅游品质，经磁器口站换乘，建设大学城。", "n")).containsExactly("磁器口站→metro");
    }

    @Test
    void theFinestFeatureThatCarriesTheNameWins() throws Exception {
        StoredFeature zone = feature("zone", "demonstration-zones", "高铁站城融合示范区", List.of("重庆西站"), LARGE_BOX);
        StoredFeature station = feature("site", "project-sites", "重庆西站", List.of(), "POINT (106.43 29.50)");
        StoredFeature osm = feature("osm", "context-stations", "重庆西站", List.of(), "POINT (106.43 29.50)");
        PlaceLexicon lexicon = PlaceLexicon.of(List.of(zone, osm, station));
        assertThat(linked(lexicon, "依托重庆西站，建设高铁站城融合示范区。", "n"))
                .containsExactly("重庆西站→site", "高铁站城融合示范区→zone");
    }

    @Test
    void ofEqualOutlinesTheOneTheNodeDeclaresWins() throws Exception {
        StoredFeature demo = feature("demo", "demonstration-zones", "青凤高新产业示范区", List.of("青凤高科产业园"), LARGE_BOX,
                Map.of("planRefs", List.of("p6-c18-s1")));
        StoredFeature space = feature("space", "science-city", "青凤高科产业园", List.of(), LARGE_BOX,
                Map.of("planRefs", List.of("p2-c4-s1")));
        PlaceLexicon lexicon = PlaceLexicon.of(List.of(demo, space));
        assertThat(linked(lexicon, "将青凤高科产业园打造成先导区。", "p6-c18-s1")).containsExactly("青凤高科产业园→demo");
        assertThat(linked(lexicon, "将青凤高科产业园打造成先导区。", "p2-c4-s1")).containsExactly("青凤高科产业园→space");
        assertThat(linked(lexicon, "将青凤高科产业园打造成先导区。", "p3-c7-s1"))
                .as("nobody declares it: its own name before an alias").containsExactly("青凤高科产业园→space");
    }

    @Test
    void middleDotsAndDashesAreOneCharacterEach() throws Exception {
        PlaceLexicon lexicon = PlaceLexicon.of(List.of(feature("area", "showcase-areas", "沙磁文化旅游展示区",
                List.of("歌乐山·磁器口大景区", "歌乐—山洞片区"), LARGE_BOX)));
        String text = "提升歌乐山•磁器口大景区和歌乐-山洞片区。";
        List<PlaceNameMatcher.Match> found = new PlaceNameMatcher(lexicon, PRIORITY).find(text, "n");
        assertThat(found).extracting(PlaceNameMatcher.Match::name).containsExactly("歌乐山•磁器口大景区", "歌乐-山洞片区");
        assertThat(found.get(0).start()).isEqualTo(2);
    }

    @Test
    void placeNameRowsAreChecked() throws Exception {
        assertThatThrownBy(() -> PlaceNames.parse("name,relation,target,reason\n渣滓洞,near,shaci,x\n", "f.csv"))
                .hasMessageContaining("f.csv line 2").hasMessageContaining("relation");
        assertThatThrownBy(() -> PlaceNames.parse("name,relation,target,reason\n渣滓洞,within,,x\n", "f.csv"))
                .hasMessageContaining("target");
        assertThatThrownBy(() -> PlaceNames.parse("name,relation,target,reason\n渣滓洞,within,shaci,\n", "f.csv"))
                .hasMessageContaining("reason");
    }

    @Test
    void aRowWhoseFeatureIsGoneIsLeftOutNotFatal() {
        PlaceNames dangling = PlaceNames.parse("name,relation,target,reason\n渣滓洞,within,gone,x\n", "f.csv");
        assertThat(PlaceLexicon.of(List.of(), dangling, List.of()).get("渣滓洞")).isNull();
    }
}
