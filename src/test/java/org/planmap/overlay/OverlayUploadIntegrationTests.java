package org.planmap.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Uploads through the real HTTP stack: every good fixture format gives a report with the right zones; every file
 * of the malformed/hostile corpus ({@code overlay/bad/cases.csv}) gets its expected status and message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverlayUploadIntegrationTests {
    static final Path GOOD = Path.of("src/test/resources/overlay/good");
    static final Path BAD = Path.of("src/test/resources/overlay/bad");

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    OverlayProperties limits;

    /** The 磁器口 box (106.44–106.46 E, 29.57–29.59 N) and the 大学城 west box (106.28–106.30 E, 29.59–29.61 N) on the real layers. */
    static final List<String> CIQIKOU_AREAS = List.of("东部人文母城", "沙磁文化旅游展示区");
    static final List<String> UNIVERSITY_WEST_AREAS = List.of("两山生态屏障·缙云山", "西部现代新城", "环大学城创新生态示范区",
            "高新区联动发展区", "重庆大学城");

    @ParameterizedTest(name = "{0} → 2 features, east then west")
    @CsvSource({"good.geojson", "good.kml", "good.kmz", "good.gpkg", "good-4490.gpkg", "good-wkt.csv", "good-utf8.zip",
            "good-gbk.zip", "good-gbk-nocpg.zip", "good-4544.zip", "good-4523.zip", "good-4544.geojson"})
    void everyFormatGivesTheZonesOfBothPolygons(String file) throws Exception {
        JsonNode report = analyze(file, Map.of()).path("report");
        assertThat(report.path("features")).hasSize(2);
        assertThat(touchedNames(report.path("features").get(0))).containsExactlyInAnyOrderElementsOf(CIQIKOU_AREAS);
        assertThat(touchedNames(report.path("features").get(1))).containsExactlyInAnyOrderElementsOf(UNIVERSITY_WEST_AREAS);
        double area = report.path("features").get(0).path("areaM2").asDouble();
        assertThat(area).as("2 km × 2.2 km box").isBetween(4.2e6, 4.4e6);
    }

    @Test
    void sharesFollowTheRealBoundaries() throws Exception {
        JsonNode features = analyze("good.geojson", Map.of()).path("report").path("features");
        // the 磁器口 box reaches over the 嘉陵江 edge of the district: 88 % of it lies in 东部人文母城
        assertThat(touch(features.get(0), "zone-east").path("shareOfProject").asDouble()).isBetween(0.87, 0.89);
        assertThat(touch(features.get(0), "showcase-shaci-culture").path("shareOfProject").asDouble()).isBetween(0.87, 0.89);
        // the 大学城 west box straddles the 缙云山 barrier (about 1/3) and the western new town (about 2/3)
        assertThat(touch(features.get(1), "zone-barrier-jinyun").path("shareOfProject").asDouble()).isBetween(0.31, 0.34);
        assertThat(touch(features.get(1), "zone-west").path("shareOfProject").asDouble()).isBetween(0.66, 0.69);
        assertThat(touch(features.get(1), "demo-high-tech-zone-link").path("shareOfProject").asDouble()).isEqualTo(1.0);
    }

    @Test
    void indicatorsOfTheTouchedZonesAreInTheReportAndItsCsv() throws Exception {
        JsonNode west = analyze("good.geojson", Map.of()).path("report").path("features").get(1);
        List<String> indicators = new ArrayList<>();
        west.path("indicators").forEach(i -> indicators.add(i.path("featureId").asString() + " " + i.path("id").asString()));
        // geodata/indicators/indicator-zones.csv ties forest cover (Table 1 row 19, Table 2 row 18) to the 缙云山 barrier
        assertThat(indicators).contains("zone-barrier-jinyun table-1-row-19", "zone-barrier-jinyun table-2-row-18");
        assertThat(west.path("indicators").get(0).path("name").asString()).isNotBlank();
        String csv = OverlayHttp.upload(port, "/api/overlays/analyze?format=csv", "good.geojson",
                Files.readAllBytes(GOOD.resolve("good.geojson")), Map.of()).text();
        assertThat(csv).contains(",indicator,zone-barrier-jinyun,两山生态屏障·缙云山,");
    }

    @ParameterizedTest(name = "{0}: 名称 decoded")
    @CsvSource({"good.kml, EPSG:4326", "good.kmz, EPSG:4326", "good-utf8.zip, EPSG:4326", "good-gbk.zip, EPSG:4326",
            "good-gbk-nocpg.zip, EPSG:4326", "good-4544.zip, EPSG:4544",
            "good.gpkg, EPSG:4326", "good-4490.gpkg, EPSG:4490", "good-4523.zip, EPSG:4523"})
    void chineseAttributesAndCrsSurvive(String file, String crs) throws Exception {
        JsonNode body = analyze(file, Map.of());
        assertThat(body.path("report").path("features").get(0).path("name").asString()).isEqualTo("磁器口更新片区");
        assertThat(body.path("report").path("crs").asString()).isEqualTo(crs);
        assertThat(body.path("geojson").path("features").get(1).path("properties").path("名称").asString()).isEqualTo("大学城西片");
    }

    @Test
    void gbkWithoutCpgSaysWhichEncodingWasUsed() throws Exception {
        JsonNode notes = analyze("good-gbk-nocpg.zip", Map.of()).path("report").path("notes");
        assertThat(notes.toString()).contains("GBK").contains("no .cpg");
    }

    @Test
    void gpxTrackIsALineWithItsLengthInsideTheZone() throws Exception {
        JsonNode f = analyze("good.gpx", Map.of()).path("report").path("features").get(0);
        assertThat(f.path("lengthM").asDouble()).isBetween(2000.0, 2600.0);
        assertThat(touchedNames(f)).containsExactlyInAnyOrder("东部人文母城", "沙磁文化旅游展示区");
    }

    @Test
    void lonLatCsvGivesPointsAndNearbySitesNearestFirst() throws Exception {
        JsonNode f = analyze("good-lonlat.csv", Map.of("distance", "3000")).path("report").path("features").get(0);
        // the nearest sites: the point lies inside several area sites (distance 0, e.g. 东部旧城改造 drawn as the east
        // zone), one of them the 磁器口 scenic area; their order among themselves is not specified
        double nearest = f.path("nearbySites").get(0).path("distanceM").asDouble();
        assertThat(nearest).isLessThan(600);
        List<String> atNearest = new java.util.ArrayList<>();
        f.path("nearbySites").forEach(s -> {
            if (s.path("distanceM").asDouble() == nearest) atNearest.add(s.path("name").asString());
        });
        assertThat(atNearest).anySatisfy(n -> assertThat(n).contains("磁器口"));
        double previous = 0;
        for (JsonNode site : f.path("nearbySites")) {
            assertThat(site.path("distanceM").asDouble()).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(3000);
            previous = site.path("distanceM").asDouble();
        }
    }

    @Test
    void schematicZonesBringACaveat() throws Exception {
        assertThat(analyze("good.wkt", Map.of()).path("report").path("caveats").toString()).contains("Schematic").contains("东部人文母城");
    }

    @Test
    void gcj02AsAnExplicitChoiceShiftsTheShape() throws Exception {
        JsonNode wgs = analyze("good.wkt", Map.of()).path("geojson");
        JsonNode gcj = analyze("good.wkt", Map.of("crs", "GCJ-02")).path("geojson");
        double dx = wgs.path("features").get(0).path("geometry").path("coordinates").get(0).get(0).get(0).asDouble()
                - gcj.path("features").get(0).path("geometry").path("coordinates").get(0).get(0).get(0).asDouble();
        assertThat(dx).as("GCJ-02 east offset in Chongqing, degrees").isBetween(0.003, 0.005);
    }

    @ParameterizedTest(name = "bad: {0} → {1} ''{2}''")
    @CsvFileSource(resources = "/overlay/bad/cases.csv", numLinesToSkip = 1)
    void badFilesGetAClearAnswer(String file, int status, String words) throws Exception {
        OverlayHttp.Answer a = OverlayHttp.upload(port, "/api/overlays/analyze", file, Files.readAllBytes(BAD.resolve(file)), Map.of());
        assertThat(a.status()).as(a.text()).isEqualTo(status);
        if (status == 200) {
            assertThat(a.json().path("report").path("notes").toString()).containsIgnoringCase(words);
        } else {
            assertThat(a.response().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(a.json().path("detail").asString()).containsIgnoringCase(words);
        }
    }

    @Test
    void theZipSlipEntryWritesNothingOutsideItsFolder() throws Exception {
        OverlayHttp.upload(port, "/api/overlays/analyze", "zip-slip.zip", Files.readAllBytes(BAD.resolve("zip-slip.zip")), Map.of());
        assertThat(Path.of("/tmp/planmap-evil.txt")).doesNotExist();
    }

    @Test
    void anUploadOverTwentyMegabytesIs413() throws Exception {
        OverlayHttp.Answer a = OverlayHttp.upload(port, "/api/overlays/analyze", "big.geojson", new byte[21 * 1024 * 1024], Map.of());
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().path("limit").asString()).isEqualTo("spring.servlet.multipart.max-file-size");
    }

    /** What a browser set to Chinese sends (the map sends the UI language the same way, api/client.js). */
    static final String[] CHINESE = {"Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"};

    /**
     * Issue #14: going over an upload limit answers "with a message in the user's language that names the limit".
     * One of each kind: Spring's multipart size (413), a size limit while reading (413), a count limit (422), a depth
     * limit in a JSON body (422). Each detail is Chinese and names the key; the English one is the default.
     */
    @Test
    void uploadLimitsAreExplainedInChineseToAChineseClientNamingTheLimit() throws Exception {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= limits.maxFeatures(); i++) points.append("POINT (106.45 29.58)\n");
        byte[] wkt = points.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bomb = HostileUploads.zip("zeros.geojson", new byte[8_000_000]);
        String deep = "{\"geometry\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}";
        record Limited(String what, OverlayHttp.Answer zh, OverlayHttp.Answer en, int status, String limit) { }
        List<Limited> cases = List.of(
                new Limited("multipart over 20 MB",
                        OverlayHttp.upload(port, "/api/overlays/analyze", "big.geojson", new byte[21 * 1024 * 1024], Map.of(), CHINESE),
                        null, 413, "spring.servlet.multipart.max-file-size"),
                new Limited("zip bomb", OverlayHttp.upload(port, "/api/overlays/analyze", "bomb.zip", bomb, Map.of(), CHINESE),
                        OverlayHttp.upload(port, "/api/overlays/analyze", "bomb.zip", bomb, Map.of()), 413,
                        "planmap.overlay.max-compression-ratio"),
                new Limited("one feature too many", OverlayHttp.upload(port, "/api/overlays/analyze", "points.wkt", wkt, Map.of(), CHINESE),
                        OverlayHttp.upload(port, "/api/overlays/analyze", "points.wkt", wkt, Map.of()), 422, "planmap.overlay.max-features"),
                new Limited("JSON nested 100 deep", OverlayHttp.postJson(port, "/api/overlays/analyze", deep, CHINESE),
                        OverlayHttp.postJson(port, "/api/overlays/analyze", deep), 422, "planmap.overlay.max-nesting-depth"));
        for (Limited c : cases) {
            assertThat(c.zh().status()).as(c.what() + ": " + c.zh().text()).isEqualTo(c.status());
            JsonNode zh = c.zh().json();
            assertThat(zh.path("limit").asString()).as(c.what()).isEqualTo(c.limit());
            assertThat(zh.path("detail").asString()).as(c.what()).containsPattern("\\p{IsHan}{4}").contains("上限").contains(c.limit());
            if (c.en() != null) {
                assertThat(c.en().json().path("detail").asString()).as(c.what() + " without Accept-Language")
                        .doesNotContainPattern("\\p{IsHan}").contains("limit").contains(c.limit());
            }
        }
        assertThat(cases.get(2).zh().json().path("detail").asString()).as("the count limit's value too")
                .contains("= " + limits.maxFeatures());
    }

    @Test
    void drawnGeometryAsJsonIsAnalysed() throws Exception {
        OverlayHttp.Answer a = OverlayHttp.postJson(port, "/api/overlays/analyze", "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[106.44,29.57],[106.46,29.57],[106.46,29.59],[106.44,29.59],[106.44,29.57]]]},\"distance\":500}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().path("report").path("distanceMetres").asDouble()).isEqualTo(500);
        assertThat(touchedNames(a.json().path("report").path("features").get(0))).containsExactlyInAnyOrderElementsOf(CIQIKOU_AREAS);
    }

    @Test
    void pastedWktWithEwktSridIsRead() throws Exception {
        OverlayHttp.Answer a = OverlayHttp.postJson(port, "/api/overlays/analyze",
                "{\"wkt\":\"SRID=4544;POINT(641500 3273500)\"}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().path("report").path("crs").asString()).isEqualTo("EPSG:4544");
    }

    @ParameterizedTest(name = "distance={0} → 400")
    @CsvSource({"-1", "abc", "999999", "NaN"})
    void aBadDistanceIsRefusedNamingTheParameter(String distance) throws Exception {
        OverlayHttp.Answer a = OverlayHttp.postJson(port, "/api/overlays/analyze",
                "{\"wkt\":\"POINT(106.45 29.58)\",\"distance\":\"" + distance + "\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("parameter").asString()).isEqualTo("distance");
    }

    @Test
    void anUnknownCrsFieldIsRefused() throws Exception {
        OverlayHttp.Answer a = OverlayHttp.postJson(port, "/api/overlays/analyze", "{\"wkt\":\"POINT(106.45 29.58)\",\"crs\":\"EPSG:9999\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("parameter").asString()).isEqualTo("crs");
    }

    @Test
    void reportDownloadsAsCsvWithChineseNames() throws Exception {
        OverlayHttp.Answer a = OverlayHttp.upload(port, "/api/overlays/analyze?format=csv", "good.geojson",
                Files.readAllBytes(GOOD.resolve("good.geojson")), Map.of());
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text()).contains("磁器口更新片区,touches,zone-east,东部人文母城,zones,schematic");
    }

    private JsonNode analyze(String file, Map<String, String> fields) throws Exception {
        OverlayHttp.Answer a = OverlayHttp.upload(port, "/api/overlays/analyze", file, Files.readAllBytes(GOOD.resolve(file)), fields);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        return a.json();
    }

    static JsonNode touch(JsonNode feature, String id) {
        for (JsonNode t : feature.path("touches")) if (t.path("id").asString().equals(id)) return t;
        throw new AssertionError(id + " not touched: " + touched(feature));
    }

    static List<String> touchedNames(JsonNode feature) {
        List<String> names = new ArrayList<>();
        feature.path("touches").forEach(t -> names.add(t.path("name").asString()));
        return names;
    }

    static List<String> touched(JsonNode feature) {
        List<String> ids = new ArrayList<>();
        feature.path("touches").forEach(t -> ids.add(t.path("id").asString()));
        return ids;
    }
}
