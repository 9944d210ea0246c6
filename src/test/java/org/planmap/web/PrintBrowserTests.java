package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.planmap.support.Browser;
import org.planmap.support.Viewport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #12 item 11, read from the PDF Chromium prints (Page.printToPDF, the page's own @page size), as its reader
 * sees it: PDFBox extracts each page's text and renders it. The resident map prints the whole map (nothing running
 * off the page, no layer list) with legend, scale, north arrow, sources and date; the planner's printed report starts
 * with the shape on the plan; every page of the tour handout has the same parts and a map framed on the step.
 * PDFs and page images go to {@code target/screenshots/print-*.pdf|png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintBrowserTests {
    static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @LocalServerPort
    int port;

    private WebDriver driver;

    @BeforeAll
    void start() {
        driver = Browser.newDriver();
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(Browser.consoleErrors(driver)).as("browser console errors").isEmpty();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void open(String hash) {
        Viewport.DESKTOP.apply(driver);
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/" + hash);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
    }

    /**
     * A printed PDF as its reader gets it: the text of each page, and its first page (the map or the shape on the
     * plan, what the image checks look at) rendered at 50 dpi; rendering every page of a 17-page handout cost more
     * than printing it.
     */
    record Printed(List<String> pages, BufferedImage firstPage) { }

    Printed print(String name) throws IOException {
        Map<String, Object> pdf = ((ChromeDriver) driver).executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", false));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), bytes);
        List<String> pages = new ArrayList<>();
        BufferedImage first;
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper text = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                text.setStartPage(i);
                text.setEndPage(i);
                pages.add(text.getText(doc).replaceAll("\\s+", ""));
            }
            first = new PDFRenderer(doc).renderImageWithDPI(0, 50);
        }
        ImageIO.write(first, "png", dir.resolve(name + "-page1.png").toFile());
        return new Printed(pages, first);
    }

    /** Share of a page's area, in its rightmost 2 % strip, that is not white (content running off the page). */
    static double inkAtRightEdge(BufferedImage page) {
        int from = (int) (page.getWidth() * 0.98);
        int ink = 0;
        for (int x = from; x < page.getWidth(); x++) {
            for (int y = 0; y < page.getHeight(); y++) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 230 || ((rgb >> 8) & 0xff) < 230 || (rgb & 0xff) < 230) ink++;
            }
        }
        return ink / (double) ((page.getWidth() - from) * page.getHeight());
    }

    /** The map figure is on the page and big: the share of the page width its non-white pixels span. */
    static double inkWidth(BufferedImage page) {
        int left = page.getWidth(), right = 0;
        for (int x = 0; x < page.getWidth(); x++) {
            for (int y = page.getHeight() / 4; y < page.getHeight() * 3 / 4; y++) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 200 || ((rgb >> 8) & 0xff) < 200 || (rgb & 0xff) < 200) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return (right - left) / (double) page.getWidth();
    }

    void waitForPrintSheet() {
        new WebDriverWait(driver, java.time.Duration.ofSeconds(40))
                .until(d -> !d.findElements(By.id("pm-print-sheet")).isEmpty());
    }

    @Test
    void theResidentMapPrintsWholeWithLegendScaleNorthArrowSourcesAndDate() throws IOException {
        open("#f=zone-east");
        waitForPrintSheet();
        Printed p = print("print-map");
        assertThat(p.pages()).as("one page").hasSize(1);
        String page = p.pages().get(0);
        assertThat(page).contains("沙坪坝区“十四五”规划纲要地图", "图例", "东部人文母城", "西部现代新城", "北", "km",
                "OpenStreetMap", "打印日期" + TODAY);
        assertThat(page).as("no layer list, no base switch").doesNotContain("参考底图").doesNotContain("离线底图");
        assertThat(inkAtRightEdge(p.firstPage())).as("nothing runs off the right edge").isLessThan(0.01);
        assertThat(inkWidth(p.firstPage())).as("the map and its legend fill the page").isGreaterThan(0.6);
    }

    @Test
    void inEnglishThePrintSpeaksEnglish() throws IOException {
        open("#lang=en");
        waitForPrintSheet();
        String page = print("print-map-en").pages().get(0);
        assertThat(page).contains("Legend", "N", "Printed" + TODAY, "OpenStreetMapcontributors");
    }

    @Test
    void thePlannersPrintedReportStartsWithTheShapeOnThePlan() throws IOException {
        open("");
        driver.findElement(By.cssSelector(".pm-planner-open")).click();
        WebElement panel = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-panel-planner")));
        panel.findElement(By.name("wkt")).sendKeys("POLYGON ((106.44 29.57, 106.46 29.57, 106.46 29.59, 106.44 29.59, 106.44 29.57))");
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".pm-planner-summary")));
        waitForPrintSheet();
        // what the Print button does before window.print(): the planner's print mode, the details unfolded
        js("document.body.classList.add('pm-planner-printing'); document.querySelectorAll('.pm-planner-fold').forEach(d => d.open = true)");
        try {
            Printed p = print("print-planner");
            assertThat(p.pages().size()).isGreaterThanOrEqualTo(2);
            assertThat(p.pages().get(0)).contains("规划工具报告", "您的图形", "图例", "北", "OpenStreetMap", "打印日期" + TODAY)
                    .doesNotContain("摘要");
            String report = String.join("", p.pages().subList(1, p.pages().size()));
            assertThat(report).contains("摘要", "东部人文母城", "88.2%", "规划原文");
            assertThat(inkAtRightEdge(p.firstPage())).isLessThan(0.01);
        } finally {
            js("document.body.classList.remove('pm-planner-printing')");
        }
    }

    @Test
    void everyHandoutPageHasAFramedMapWithLegendScaleNorthArrowSourcesAndDate() throws IOException {
        open("#tour=default&step=1");
        new WebDriverWait(driver, java.time.Duration.ofSeconds(90))
                .until(d -> d.findElements(By.cssSelector("#pm-tour-print .pm-print-step canvas")).size() == 17);
        // framed: the highlighted places (drawn in the highlight colour) span most of each step's picture
        List<?> spans = (List<?>) js("""
                return [...document.querySelectorAll('#pm-tour-print .pm-print-step canvas')].map(c => {
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let l = c.width, r = 0, t = c.height, b = 0;
                  for (let y = 0; y < c.height; y += 2) for (let x = 0; x < c.width; x += 2) {
                    const i = (y * c.width + x) * 4;
                    if (d[i] > 230 && d[i + 1] < 90 && d[i + 2] > 90 && d[i + 2] < 160) { l = Math.min(l, x); r = Math.max(r, x); t = Math.min(t, y); b = Math.max(b, y); }
                  }
                  return Math.max((r - l) / c.width, (b - t) / c.height);
                });""");
        assertThat(spans).hasSize(17).allSatisfy(s -> assertThat(((Number) s).doubleValue()).isGreaterThan(0.6));
        Printed p = print("print-handout");
        assertThat(p.pages()).hasSize(17);
        for (String page : p.pages()) {
            assertThat(page).contains("图例", "北", "OpenStreetMap", "打印日期" + TODAY).containsPattern("\\d+(\\.\\d+)?k?m");
        }
    }
}
