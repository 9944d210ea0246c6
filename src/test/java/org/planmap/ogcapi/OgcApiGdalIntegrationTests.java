package org.planmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.geo.GeoJsonFeatures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real OGC API – Features client against the running app: GDAL's OAPIF driver lists every collection and
 * copies one (paging through {@code next} links) into a GeoPackage with every feature and its Chinese name.
 * Needs {@code ogrinfo}/{@code ogr2ogr} (Debian: {@code apt-get install gdal-bin}); never skipped.
 */
class OgcApiGdalIntegrationTests extends OgcApiTestBase {
    static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");
    static final String COLLECTION = "project-sites";

    @Autowired
    CollectionRegistry registry;

    @TempDir
    Path dir;

    String service() {
        return "OAPIF:" + base() + "/ogcapi";
    }

    @Test
    void ogrinfoListsEveryCollection() {
        String out = run(OGRINFO.toString(), "-ro", "-so", service());
        for (CollectionDef def : registry.all()) {
            assertThat(out).as(out).containsPattern("\\d+: " + java.util.regex.Pattern.quote(def.id()) + " \\(title: "
                    + java.util.regex.Pattern.quote(def.titleZh()) + "\\)");
        }
    }

    @Test
    void ogr2ogrCopiesACollectionIntoAGeoPackageWithEveryFeatureAndItsChineseName() {
        Path gpkg = dir.resolve("out.gpkg");
        run(OGR2OGR.toString(), "-f", "GPKG", gpkg.toString(), service(), COLLECTION);
        List<GeoJsonFeatures.Parsed> expected = GeodataOracle.features(COLLECTION);
        String summary = run(OGRINFO.toString(), "-ro", "-so", "-al", gpkg.toString());
        assertThat(summary).contains("Feature Count: " + expected.size());
        String all = run(OGRINFO.toString(), "-ro", "-al", gpkg.toString());
        List<String> missing = new ArrayList<>();
        for (GeoJsonFeatures.Parsed f : expected) {
            if (!all.contains("name (String) = " + f.properties().get("name"))) missing.add(f.id());
            if (!all.contains("= " + f.id())) missing.add(f.id() + " (id)");
        }
        assertThat(missing).as("features whose id or Chinese name is not in the GeoPackage").isEmpty();
    }

    /** Runs a GDAL tool, failing with its output when it exits non-zero or takes over two minutes. */
    static String run(String... command) {
        if (!Files.isExecutable(Path.of(command[0]))) {
            fail(command[0] + " is missing: install GDAL's command-line tools (apt-get install gdal-bin)");
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        for (String proxy : List.of("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
            pb.environment().remove(proxy);
        }
        pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " timed out");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) fail(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
            return text;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
