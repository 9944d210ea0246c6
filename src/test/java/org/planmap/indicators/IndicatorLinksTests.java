package org.planmap.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written mapping files of {@code geodata/indicators/} against the plan and the geodata files. */
class IndicatorLinksTests {

    private final IndicatorCatalog catalog = new IndicatorCatalog(Path.of("geodata"));

    private static Set<String> featureIds() throws IOException {
        Set<String> ids = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("geodata"), "*.geojson")) {
            for (Path f : files) {
                for (JsonNode feature : json.readTree(Files.readString(f)).get("features")) {
                    ids.add(feature.get("id").asString());
                }
            }
        }
        return ids;
    }

    @Test
    void everyMappingRowNamesAKnownIndicatorAndFeatureWithAReason() throws IOException {
        Set<String> features = featureIds();
        assertThat(catalog.zoneLinks()).hasSizeGreaterThan(30);
        for (IndicatorCatalog.ZoneLink link : catalog.zoneLinks()) {
            assertThat(catalog.plan().indicator(link.indicatorId())).as(link.indicatorId()).isPresent();
            assertThat(features).as(link.featureId()).contains(link.featureId());
            assertThat(link.reason()).as(link.indicatorId() + " → " + link.featureId()).isNotBlank();
        }
    }

    @Test
    void forestCoverConcernsTheTwoMountainBelt() {
        assertThat(catalog.zoneLinks()).filteredOn(l -> l.indicatorId().equals("table-1-row-19"))
                .extracting(IndicatorCatalog.ZoneLink::featureId)
                .containsExactlyInAnyOrder("zone-barrier-zhongliang", "zone-barrier-jinyun");
    }

    @Test
    void forestCoverLinksToTheSectionsMentioningIt() {
        assertThat(catalog.sections("table-1-row-19")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.sentence()).contains("森林覆盖率"));
    }

    @Test
    void everyIndicatorHasKeywordsAndTable2HasOurGrouping() {
        catalog.rows().forEach(r -> assertThat(catalog.keywords(r.id())).as(r.id()).isNotEmpty());
        assertThat(catalog.table2Groups()).hasSize(27);
    }
}
