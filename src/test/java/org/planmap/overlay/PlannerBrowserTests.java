package org.planmap.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.planmap.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The planner tools in headless Chromium against the running app and the real geodata: upload every format, paste
 * WKT, draw on the map; the report lists the right zones and areas; save, reopen from the share link in a new
 * browser session; download the report and the data (read back with GDAL). Screenshot:
 * {@code target/screenshots/planner-report.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlannerBrowserTests {
    static final String CIQIKOU_WKT = "POLYGON ((106.44 29.57, 106.46 29.57, 106.46 29.59, 106.44 29.59, 106.44 29.57))";

    @LocalServerPort
    int port;

    private WebDriver driver;
    private Path downloads;

    @BeforeAll
    void startBrowser() throws IOException {
        downloads = Files.createTempDirectory("planmap-downloads");
        driver = Browser.newDriver(downloads);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @BeforeEach
    void emptyDownloads() throws IOException {
        try (var files = Files.list(downloads)) {
            for (Path f : files.toList()) Files.delete(f);
        }
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(Browser.consoleErrors(driver)).as("browser console errors").isEmpty();
    }

    /** Loads the app fresh, waits for the layers, opens the planner panel. */
    WebElement openPlanner(WebDriver d, String hash) {
        d.get("about:blank");
        d.get("http://localhost:" + port + "/" + hash);
        Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
        if (hash.contains("f=")) {
            // the feature's details first: arriving after the click (a slow machine), they would take the panel's place
            Browser.waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pm-panel .pm-feature-name")));
        }
        Browser.waitFor(d).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".pm-planner-open"))).click();
        return Browser.waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-panel-planner")));
    }

    /**
     * The planner panel for one case of a parameterised group: the group's first case loads the app fresh
     * ({@link #openPlanner}), the next ones go on on the same page with the form emptied, as a planner trying one
     * file after another would (a new page load per case cost most of this class's time). A page loaded by any other
     * test has no group mark, so it is never reused.
     */
    WebElement plannerFor(String group) {
        if (Boolean.TRUE.equals(js("return window.__pmTestGroup === arguments[0]", group))) {
            WebElement panel = driver.findElement(By.id("pm-panel-planner"));
            js("arguments[0].value = ''", panel.findElement(By.name("file")));
            panel.findElement(By.name("wkt")).clear();
            return panel;
        }
        WebElement panel = openPlanner(driver, "");
        js("window.__pmTestGroup = arguments[0]", group);
        return panel;
    }

    /** Clicks Analyse and waits until the report shown before (if any) has been replaced by the new answer's. */
    void analyse(WebElement panel) {
        List<WebElement> before = driver.findElements(By.cssSelector("#pm-panel-planner .pm-planner-report > *"));
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        if (!before.isEmpty()) Browser.waitFor(driver).until(ExpectedConditions.stalenessOf(before.get(0)));
    }

    /** Waits for a report with {@code n} planner features, unfolds its details; returns the feature sections. */
    static List<WebElement> report(WebDriver d, int n) {
        List<WebElement> features = Browser.waitFor(d).until(x -> {
            List<WebElement> f = x.findElements(By.cssSelector("#pm-panel-planner .pm-planner-report .pm-planner-feature"));
            return f.size() == n ? f : null;
        });
        ((JavascriptExecutor) d).executeScript("document.querySelectorAll('#pm-panel-planner .pm-planner-report details').forEach(x => x.open = true)");
        return features;
    }

    static List<String> zoneNames(WebElement feature) {
        return feature.findElements(By.cssSelector(".pm-planner-touches tbody tr td:first-child")).stream().map(WebElement::getText).toList();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @ParameterizedTest(name = "upload {0}")
    @CsvSource({"good.geojson", "good.kml", "good.kmz", "good.gpkg", "good-wkt.csv", "good-utf8.zip", "good-gbk.zip", "good-4544.zip"})
    void uploadingEachFormatShowsTheZonesOfBothPolygons(String file) {
        WebElement panel = plannerFor("upload");
        panel.findElement(By.name("file")).sendKeys(OverlayUploadIntegrationTests.GOOD.resolve(file).toAbsolutePath().toString());
        analyse(panel);
        List<WebElement> features = report(driver, 2);
        assertThat(features.get(0).findElement(By.tagName("h4")).getText()).isEqualTo("磁器口更新片区");
        assertThat(driver.findElement(By.cssSelector(".pm-planner-title")).getText()).as("two named shapes").isEqualTo("2 个图形");
        assertThat(zoneNames(features.get(0))).containsExactlyInAnyOrderElementsOf(OverlayUploadIntegrationTests.CIQIKOU_AREAS);
        assertThat(zoneNames(features.get(1))).containsExactlyInAnyOrderElementsOf(OverlayUploadIntegrationTests.UNIVERSITY_WEST_AREAS);
        assertThat(driver.findElements(By.cssSelector(".pm-planner-shape"))).as("overlay drawn on the map").hasSize(2);
    }

    @Test
    void thePlannerFollowsTheLanguageToggle() {
        WebElement panel = openPlanner(driver, "");
        assertThat(panel.findElement(By.tagName("h2")).getText()).isEqualTo("规划工具");
        panel.findElement(By.name("wkt")).sendKeys(CIQIKOU_WKT);
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        WebElement f = report(driver, 1).get(0);
        assertThat(f.findElement(By.tagName("h5")).getText()).isEqualTo("涉及分区与片区");
        driver.findElement(By.id("pm-lang")).click();
        Browser.waitFor(driver).until(d -> panel.findElement(By.tagName("h2")).getText().equals("Planner tools"));
        Browser.waitFor(driver).until(d -> report(d, 1).get(0).findElement(By.tagName("h5")).getText().equals("Zones and areas"));
        assertThat(panel.findElement(By.cssSelector(".pm-planner-analyze")).getText()).isEqualTo("Analyse");
        assertThat(panel.findElement(By.cssSelector(".pm-planner-export h3")).getText()).isEqualTo("Download data");
        assertThat(driver.findElement(By.cssSelector(".pm-planner-open")).getText()).isEqualTo("Planner");
        assertThat(zoneNames(report(driver, 1).get(0))).as("English names where the data has them")
                .containsExactlyInAnyOrder("Eastern Humanistic Mother City", "Shaci Culture and Tourism Showcase Area");
    }

    @Test
    void aGpxTrackIsReportedAsALine() {
        WebElement panel = openPlanner(driver, "");
        panel.findElement(By.name("file")).sendKeys(OverlayUploadIntegrationTests.GOOD.resolve("good.gpx").toAbsolutePath().toString());
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        WebElement f = report(driver, 1).get(0);
        assertThat(f.findElement(By.cssSelector(".pm-planner-size")).getText()).matches("[0-9.,]+ k?m");
        assertThat(zoneNames(f)).containsExactlyInAnyOrderElementsOf(OverlayUploadIntegrationTests.CIQIKOU_AREAS);
    }

    @Test
    void pastedWktGivesTheFullReport() throws IOException {
        WebElement panel = openPlanner(driver, "");
        panel.findElement(By.name("wkt")).sendKeys(CIQIKOU_WKT);
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        WebElement f = report(driver, 1).get(0);
        assertThat(f.findElement(By.cssSelector(".pm-planner-size")).getText()).contains("m²").contains("ha");
        List<WebElement> east = f.findElements(By.xpath(".//table[contains(@class,'pm-planner-touches')]//tr[td[1]='东部人文母城']/td"));
        assertThat(east.get(2).getText()).as("overlap in 东部人文母城, m² (ha)").isEqualTo("3,790,967 (379.1)");
        assertThat(east.get(3).getText()).as("share of the project in 东部人文母城").isEqualTo("88.2%");
        assertThat(f.findElements(By.cssSelector(".pm-planner-nearby tbody tr"))).isNotEmpty();
        assertThat(f.findElement(By.cssSelector(".pm-planner-nearby")).getText()).contains("磁器口");
        assertThat(f.findElements(By.cssSelector(".pm-planner-plan li"))).isNotEmpty();
        assertThat(panel.findElement(By.cssSelector(".pm-planner-summary .pm-planner-caveat[data-accuracy=schematic]")).getText())
                .contains("示意").contains("东部人文母城");
        js("arguments[0].scrollIntoView()", panel.findElement(By.cssSelector(".pm-planner-title")));
        Browser.screenshot(driver, "planner-report.png");

        // print stylesheet (what the Print button switches on): the report alone on the page, also written as a PDF
        js("document.body.classList.add('pm-planner-printing')");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            Browser.screenshot(driver, "planner-report-print.png");
            assertThat(driver.findElement(By.id("pm-sidebar")).isDisplayed()).isFalse();
            assertThat(panel.findElement(By.cssSelector(".pm-planner-form")).isDisplayed()).isFalse();
            assertThat(f.findElement(By.cssSelector(".pm-planner-touches")).isDisplayed()).isTrue();
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        Pdf pdf = ((PrintsPage) driver).print(new PrintOptions());
        Files.write(Path.of("target", "screenshots", "planner-report.pdf"), java.util.Base64.getDecoder().decode(pdf.getContent()));
        js("document.body.classList.remove('pm-planner-printing')");

        // a nearby site row selects that site on the map (state → URL)
        f.findElement(By.cssSelector(".pm-planner-nearby tbody tr")).click();
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("f=site-"));
    }

    @Test
    void drawingAPolygonOnTheMapGivesItsReport() {
        WebElement panel = openPlanner(driver, "");
        js("planmap.map.setView([29.58, 106.45], 14)");
        panel.findElement(By.cssSelector("[data-draw=polygon]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-planner-finish")));
        WebElement map = driver.findElement(By.id("pm-map"));
        double[][] corners = {{29.575, 106.445}, {29.575, 106.455}, {29.585, 106.455}, {29.585, 106.445}};
        for (double[] c : corners) {
            // offsets from the map element's centre, from Leaflet's own projection of the corner (test code may ask the map)
            List<?> xy = (List<?>) js("const m = planmap.map.leafletMap, p = m.latLngToContainerPoint([arguments[0], arguments[1]]),"
                    + " s = m.getSize(); return [Math.round(p.x - s.x / 2), Math.round(p.y - s.y / 2)];", c[0], c[1]);
            new Actions(driver).moveToElement(map, ((Number) xy.get(0)).intValue(), ((Number) xy.get(1)).intValue()).click().perform();
        }
        panel.findElement(By.cssSelector(".pm-planner-finish")).click();
        WebElement f = report(driver, 1).get(0);
        assertThat(zoneNames(f)).containsExactlyInAnyOrderElementsOf(OverlayUploadIntegrationTests.CIQIKOU_AREAS);
        assertThat(f.findElement(By.cssSelector(".pm-planner-size")).getText()).contains("ha");
        assertThat(panel.findElement(By.cssSelector(".pm-planner-finish")).isDisplayed()).isFalse();
    }

    @Test
    void savedOverlayReopensFromItsLinkInANewSession() {
        WebElement panel = openPlanner(driver, "");
        panel.findElement(By.name("wkt")).sendKeys(CIQIKOU_WKT);
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        report(driver, 1);
        panel.findElement(By.cssSelector(".pm-planner-save")).click();
        WebElement link = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-planner-link")));
        String url = link.getText();
        assertThat(url).matches("http://localhost:\\d+/#overlay=[A-Za-z0-9_-]{22}");
        assertThat(panel.findElement(By.cssSelector(".pm-planner-token")).getText()).as("page in Chinese (the default)").contains("删除口令");

        // a new session in the same browser (a second Chromium cost a quarter of this class's time): nothing of the
        // first is left — no cookies, no storage (the app keeps only the intro's dismissal there), a fresh page
        js("localStorage.clear(); sessionStorage.clear()");
        driver.manage().deleteAllCookies();
        driver.get("about:blank");
        driver.get(url);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
        WebElement f = report(driver, 1).get(0);
        assertThat(zoneNames(f)).containsExactlyInAnyOrderElementsOf(OverlayUploadIntegrationTests.CIQIKOU_AREAS);
        assertThat(driver.findElement(By.cssSelector("#pm-panel-planner .pm-planner-meta")).getText()).contains("保存于");
        assertThat(driver.findElements(By.cssSelector(".pm-planner-shape"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector(".pm-planner-token")).getText()).as("token only for its creator").isEmpty();
    }

    @Test
    void reportDownloadsAsJsonAndCsv() throws Exception {
        WebElement panel = openPlanner(driver, "");
        panel.findElement(By.name("wkt")).sendKeys(CIQIKOU_WKT);
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        report(driver, 1);
        panel.findElement(By.cssSelector(".pm-planner-json")).click();
        assertThat(Files.readString(downloaded("overlay-report.json"))).contains("\"touches\"").contains("东部人文母城");
        panel.findElement(By.cssSelector(".pm-planner-csv")).click();
        assertThat(Files.readString(downloaded("overlay-report.csv"), StandardCharsets.UTF_8)).contains("touches,zone-east,东部人文母城");
    }

    @ParameterizedTest(name = "export {0}")
    @CsvSource({"geojson, EPSG:4544, zones-4544.geojson", "gpkg, EPSG:4490, zones-4490.gpkg", "kml, EPSG:4326, zones.kml",
            "csv, EPSG:4326, zones.csv", "shp, EPSG:4523, zones-4523.zip"})
    void theCurrentLayerExportsInEachFormat(String format, String crs, String filename) throws Exception {
        WebElement panel = plannerFor("export");
        Browser.waitFor(driver).until(d -> !panel.findElements(By.cssSelector("select[name=layer] option[value=zones]")).isEmpty());
        new Select(panel.findElement(By.cssSelector("select[name=layer]"))).selectByValue("zones");
        new Select(panel.findElement(By.cssSelector(".pm-planner-export select[name=format]"))).selectByValue(format);
        new Select(panel.findElement(By.cssSelector(".pm-planner-export select[name=crs]"))).selectByValue(crs);
        panel.findElement(By.cssSelector(".pm-export-layer")).click();
        String info = ogrinfo(downloaded(filename));
        assertThat(info).contains("东部人文母城").contains("两山生态屏障·缙云山");
        assertThat(info.lines().filter(l -> l.startsWith("OGRFeature(")).count()).isEqualTo(4);
    }

    @Test
    void theSelectedFeatureAndTheSavedOverlayExport() throws Exception {
        WebElement panel = openPlanner(driver, "#f=zone-east");
        new Select(panel.findElement(By.cssSelector(".pm-planner-export select[name=format]"))).selectByValue("gpkg");
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".pm-export-selection"))).click();
        assertThat(ogrinfo(downloaded("selection.gpkg"))).contains("东部人文母城").doesNotContain("西部现代新城");

        panel.findElement(By.name("wkt")).sendKeys(CIQIKOU_WKT);
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        report(driver, 1);
        panel.findElement(By.cssSelector(".pm-planner-save")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-export-overlay"))).click();
        String id = driver.findElement(By.cssSelector(".pm-planner-link")).getText().replaceAll(".*#overlay=", "");
        String info = ogrinfo(downloaded("overlay-" + id + ".gpkg"));
        assertThat(info).contains("POLYGON").contains("name (String) = WKT 1");
    }

    /** Waits for a finished download (Chromium writes {@code .crdownload} first) and returns its path. */
    Path downloaded(String name) {
        Path file = downloads.resolve(name);
        Browser.waitFor(driver).withTimeout(Duration.ofSeconds(30)).until(d -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    static String ogrinfo(Path file) throws Exception {
        String target = file.toString().endsWith(".zip") ? "/vsizip/" + file : file.toString();
        Process p = new ProcessBuilder(List.of("/usr/bin/ogrinfo", "-ro", "-al", target)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
