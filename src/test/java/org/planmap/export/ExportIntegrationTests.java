package org.planmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planmap.overlay.OverlayHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every export format × CRS, read back with GDAL's ogrinfo: feature count, CRS and Chinese attributes survive. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportIntegrationTests {
    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "geojson, EPSG:4326, WGS 84", "geojson, EPSG:4490, China Geodetic Coordinate System 2000", "geojson, EPSG:4544, Gauss-Kruger CM 105E",
        "gpkg, EPSG:4326, WGS 84", "gpkg, EPSG:4490, China Geodetic Coordinate System 2000", "gpkg, EPSG:4544, Gauss-Kruger CM 105E",
        "gpkg, EPSG:4523, Gauss-Kruger zone 35",
        "shp, EPSG:4326, WGS 84", "shp, EPSG:4490, China", "shp, EPSG:4544, Gauss-Kruger CM 105E", "shp, EPSG:4523, Gauss-Kruger zone 35",
        "kml, EPSG:4326, WGS 84", "csv, EPSG:4326, ''", "csv, EPSG:4544, ''"})
    void layerExportReadsBackWithGdal(String format, String crs, String srsWords) throws Exception {
        OverlayHttp.Answer a = OverlayHttp.get(port, "/api/export/zones?format=" + format + "&crs=" + crs);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        String info = ogrinfo(a.body(), format);
        assertThat(info).contains("东部人文母城").contains("两山生态屏障·缙云山");
        assertThat(count(info)).isEqualTo(4);
        if (!srsWords.isEmpty()) assertThat(info).contains(srsWords);
    }

    @Test
    void selectionOfIdsExportsThoseFeaturesOnlyWithMixedGeometryAsSeveralShapefiles() throws Exception {
        OverlayHttp.Answer a = OverlayHttp.postJson(port, "/api/export",
                "{\"ids\":[\"zone-east\",\"site-col-5-item-2\",\"demo-kexue-dadao\"],\"format\":\"shp\",\"crs\":\"EPSG:4544\"}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        String info = ogrinfo(a.body(), "shp");
        assertThat(info).contains("磁器口商旅文融合发展特色商业集聚区").contains("东部人文母城").contains("科学大道高质量发展示范带");
        assertThat(count(info)).isEqualTo(3);
    }

    @Test
    void selectionAsGeoPackageKeepsChineseNames() throws Exception {
        OverlayHttp.Answer a = OverlayHttp.postJson(port, "/api/export", "{\"ids\":[\"site-col-5-item-2\",\"zone-east\"],\"format\":\"gpkg\"}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(ogrinfo(a.body(), "gpkg")).contains("磁器口商旅文融合发展特色商业集聚区");
    }

    @ParameterizedTest(name = "saved overlay as {0}")
    @CsvSource({"geojson, EPSG:4326", "gpkg, EPSG:4544", "kml, EPSG:4326", "csv, EPSG:4490", "shp, EPSG:4523"})
    void aSavedOverlayExportsThroughTheSameWriters(String format, String crs) throws Exception {
        OverlayHttp.Answer saved = OverlayHttp.postJson(port, "/api/overlays", "{\"wkt\":\"POLYGON ((106.44 29.57, 106.46 29.57, "
                + "106.46 29.59, 106.44 29.59, 106.44 29.57))\",\"name\":\"磁器口更新\"}");
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        String id = saved.json().path("id").asString();
        OverlayHttp.Answer a = OverlayHttp.get(port, "/api/overlays/" + id + "/export?format=" + format + "&crs=" + crs);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        String info = ogrinfo(a.body(), format);
        assertThat(count(info)).isEqualTo(1);
        assertThat(info).contains("WKT 1");
        assertThat(OverlayHttp.get(port, "/api/overlays/AAAAAAAAAAAAAAAAAAAAAA/export").status()).isEqualTo(404);
    }

    @Test
    void unknownIdsLayersFormatsAndCrsAreClearErrors() throws Exception {
        assertThat(OverlayHttp.postJson(port, "/api/export", "{\"ids\":[\"nope\"]}").status()).isEqualTo(404);
        assertThat(OverlayHttp.postJson(port, "/api/export", "{\"ids\":[]}").status()).isEqualTo(400);
        assertThat(OverlayHttp.get(port, "/api/export/nope").status()).isEqualTo(404);
        OverlayHttp.Answer format = OverlayHttp.get(port, "/api/export/zones?format=dwg");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().path("parameter").asString()).isEqualTo("format");
        assertThat(OverlayHttp.get(port, "/api/export/zones?format=kml&crs=EPSG:4544").json().path("detail").asString()).contains("KML is always WGS84");
        assertThat(OverlayHttp.get(port, "/api/export/zones?crs=EPSG:3857").status()).isEqualTo(400);
    }

    static String ogrinfo(byte[] body, String format) throws Exception {
        Path dir = Files.createTempDirectory("planmap-export-test");
        String ext = switch (format) { case "shp" -> "zip"; default -> format; };
        Path file = dir.resolve("export." + ext);
        Files.write(file, body);
        String target = format.equals("shp") ? "/vsizip/" + file : file.toString();
        Process p = new ProcessBuilder(List.of("/usr/bin/ogrinfo", "-ro", "-al", target)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    static int count(String ogrinfo) {
        return (int) ogrinfo.lines().filter(l -> l.startsWith("OGRFeature(")).count();
    }
}
