package org.planmap.geo.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the offline geodata builder into a temporary directory and checks that it reproduces the
 * committed outputs byte for byte: nothing under {@code geodata/} that the builder writes may be
 * edited by hand, and a change to the sources or the sketch must be committed together with its
 * rebuilt outputs ({@code mvn -o -q test-compile exec:java@build-geodata}).
 */
class GeodataBuilderTests {

    @TempDir
    static Path out;

    static Path project;
    static GeodataBuilder.Result result;

    @BeforeAll
    static void build() throws IOException {
        String dir = System.getenv("PLANMAP_PROJECT_DIR");
        project = Path.of(dir != null ? dir : System.getProperty("user.dir"));
        result = GeodataBuilder.build(project, out);
    }

    @Test
    void buildFindsNoInvalidOrOutsideGeometry() {
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void everyOutputEqualsTheCommittedFile() throws IOException {
        assertThat(result.written()).isNotEmpty();
        for (Path rel : result.written()) {
            Path committed = project.resolve(rel);
            assertThat(committed).as(rel + " is committed").exists();
            assertThat(Files.readString(out.resolve(rel)))
                    .as(rel + " differs from a fresh build: rebuild with `mvn -o -q test-compile exec:java@build-geodata`"
                            + " and commit the outputs with their inputs")
                    .isEqualTo(Files.readString(committed));
        }
    }

    @Test
    void everyCommittedGeoJsonFileIsABuilderOutput() throws IOException {
        List<Path> committed;
        try (Stream<Path> files = Files.list(project.resolve("geodata"))) {
            committed = files.filter(f -> f.getFileName().toString().endsWith(".geojson"))
                    .map(project::relativize).sorted().toList();
        }
        assertThat(result.written()).containsAll(committed);
    }
}
