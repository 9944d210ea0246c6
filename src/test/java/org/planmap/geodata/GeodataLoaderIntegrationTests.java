package org.planmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The loader against a private copy of {@code geodata/}: a changed file is reloaded and only that one; a bad
 * file stops the load with a message naming it, and the data loaded before stays as it was.
 */
@SpringBootTest
class GeodataLoaderIntegrationTests {
    static final Path DIR = copyOfGeodata();

    @DynamicPropertySource
    static void geodataDir(DynamicPropertyRegistry registry) {
        registry.add("planmap.geodata.dir", DIR::toString);
    }

    @Autowired GeodataLoader loader;
    @Autowired DataSnapshots snapshots;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;
    private Map<String, Integer> before;
    private final Map<String, byte[]> originals = new java.util.HashMap<>();

    @BeforeEach
    void snapshot() {
        assertThat(loader.load().reloaded()).isEmpty();
        before = counts();
    }

    @AfterEach
    void restore() throws IOException {
        for (var e : originals.entrySet()) Files.write(DIR.resolve(e.getKey()), e.getValue());
        originals.clear();
        loader.load();
    }

    @Test
    void aChangedFileIsReloadedAndOnlyThatOne() throws IOException {
        ObjectNode fc = (ObjectNode) json.readTree(read("context-water.geojson"));
        ((ArrayNode) fc.get("features")).remove(0);
        write("context-water.geojson", json.writeValueAsString(fc));

        long version = snapshots.current().version();
        assertThat(loader.load().reloaded()).containsExactly("context-water.geojson");
        assertThat(count("context-water")).isEqualTo(before.get("context-water") - 1);
        assertThat(snapshots.current().version()).isEqualTo(version + 1);
        assertThat(snapshots.current().features("context-water")).hasSize(before.get("context-water") - 1);
        assertThat(loader.load().reloaded()).isEmpty();
    }

    @Test
    void brokenJsonStopsTheLoadNamingTheFileAndKeepsTheData() throws IOException {
        write("context-landmarks.geojson", read("context-landmarks.geojson").substring(0, 200));
        long version = snapshots.current().version();
        assertThatThrownBy(loader::load).isInstanceOf(GeodataException.class).hasMessageContaining("context-landmarks.geojson");
        assertThat(counts()).isEqualTo(before);
        assertThat(snapshots.current().version()).isEqualTo(version);
    }

    @Test
    void anInvalidPolygonIsRefusedWithItsFeatureId() throws IOException {
        ObjectNode fc = (ObjectNode) json.readTree(read("showcase-areas.geojson"));
        ObjectNode first = (ObjectNode) fc.get("features").get(0);
        first.set("geometry", json.readTree(
                "{\"type\":\"Polygon\",\"coordinates\":[[[106.40,29.60],[106.42,29.62],[106.42,29.60],[106.40,29.62],[106.40,29.60]]]}"));
        write("showcase-areas.geojson", json.writeValueAsString(fc));
        assertThatThrownBy(loader::load).hasMessageContaining("showcase-areas.geojson")
                .hasMessageContaining(first.get("id").asString()).hasMessageContaining("not valid");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aCatalogueThatDisagreesWithThePlanIsRefused() throws IOException {
        write("project-catalogue.csv", read("project-catalogue.csv").replaceFirst("\ncol-1-item-1,1,([^,]*),[^,]*,", "\ncol-1-item-1,1,$1,不在规划里的项目,"));
        assertThatThrownBy(loader::load).hasMessageContaining("project-catalogue.csv").hasMessageContaining("col-1-item-1");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPlanRefToNothingIsRefused() throws IOException {
        write("zones.geojson", read("zones.geojson").replace("\"p6-c16-s1\"", "\"p6-c16-s9\""));
        assertThatThrownBy(loader::load).hasMessageContaining("zones.geojson").hasMessageContaining("p6-c16-s9");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        originals.put("context-rivers.geojson", Files.readAllBytes(DIR.resolve("context-rivers.geojson")));
        Files.delete(DIR.resolve("context-rivers.geojson"));
        assertThatThrownBy(loader::load).hasMessageContaining("context-rivers.geojson").hasMessageContaining("missing");
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        jdbc.query("SELECT collection, COUNT(*) FROM feature GROUP BY collection", rs -> {
            out.put(rs.getString(1), rs.getInt(2));
        });
        out.put("plan_source", jdbc.queryForObject("SELECT COUNT(*) FROM plan_source", Integer.class));
        out.put("catalogue_item", jdbc.queryForObject("SELECT COUNT(*) FROM catalogue_item", Integer.class));
        out.put("data_version", jdbc.queryForObject("SELECT version FROM data_version", Integer.class));
        return out;
    }

    private int count(String collection) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM feature WHERE collection = ?", Integer.class, collection);
    }

    private String read(String name) throws IOException {
        return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    }

    private void write(String name, String text) throws IOException {
        originals.putIfAbsent(name, Files.readAllBytes(DIR.resolve(name)));
        Files.writeString(DIR.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Path copyOfGeodata() {
        try {
            Path target = Files.createTempDirectory("planmap-geodata");
            Path source = Path.of("geodata");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
