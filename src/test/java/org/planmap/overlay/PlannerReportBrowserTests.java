package org.planmap.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.planmap.support.Browser;
import org.planmap.support.Viewport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #12 items 8 and 9, as a planner meets them: the report of a 4 km² parcel at 磁器口 starts with a summary (zones
 * and shares, at most five passages, each paragraph once, no targets of places kilometres away) with the details
 * folded below; a drawn shape is named by what it is; a failed analysis leaves nothing stale; the planner's shape is
 * drawn in a style no plan layer uses and framed where the panel does not cover it, on a phone and a desktop.
 * Screenshots: {@code target/screenshots/planner-summary-{phone,desktop}.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlannerReportBrowserTests {
    @LocalServerPort
    int port;

    private WebDriver driver;

    @BeforeAll
    void startBrowser() {
        driver = Browser.newDriver();
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(Browser.consoleErrors(driver)).as("browser console errors").isEmpty();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement openPlanner(Viewport viewport, String hash) {
        viewport.apply(driver);
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/" + hash);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
        // on a phone the toolbar buttons are in the header's drop-down menu
        driver.findElements(By.id("pm-menu-toggle")).stream().filter(WebElement::isDisplayed).findFirst().ifPresent(WebElement::click);
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".pm-planner-open"))).click();
        return Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-panel-planner")));
    }

    WebElement analyseWkt(WebElement panel, String wkt) {
        WebElement box = panel.findElement(By.name("wkt"));
        box.clear();
        box.sendKeys(wkt);
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        return Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pm-panel-planner .pm-planner-summary")));
    }

    @Test
    void theReportOfAParcelStartsWithAShortRankedSummary() {
        WebElement panel = openPlanner(Viewport.DESKTOP, "");
        WebElement summary = analyseWkt(panel, PlannerBrowserTests.CIQIKOU_WKT);
        // the summary comes before the details, and the details are folded
        assertThat((Boolean) js("const s = arguments[0], d = document.querySelector('.pm-planner-details-title');"
                + " return !!(s.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING)", summary)).isTrue();
        assertThat(panel.findElements(By.cssSelector(".pm-planner-fold[open]"))).isEmpty();
        assertThat(panel.findElement(By.cssSelector(".pm-planner-plan")).isDisplayed()).isFalse();

        // zones and shares
        List<String> shares = summary.findElements(By.cssSelector(".pm-planner-shares tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(shares).anySatisfy(r -> assertThat(r).contains("东部人文母城").contains("88.2%"))
                .anySatisfy(r -> assertThat(r).contains("沙磁文化旅游展示区").contains("88.2%").contains("19.3%"));

        // a few passages, ranked: the showcase area the parcel lies in first; each paragraph once
        List<WebElement> passages = summary.findElements(By.cssSelector(".pm-planner-passages li"));
        assertThat(passages).hasSizeBetween(3, 5);
        List<String> paragraphs = passages.stream().map(li -> li.getAttribute("data-paragraph-id")).toList();
        assertThat(new HashSet<>(paragraphs)).hasSameSizeAs(paragraphs);
        assertThat(passages.get(0).getText()).startsWith("沙磁文化旅游展示区");

        // targets of the places it lies in, not of 青凤 or the logistics park kilometres away
        String targets = summary.findElement(By.cssSelector(".pm-planner-key-targets")).getText();
        assertThat(targets).contains("30个重点项目").doesNotContain("145公里").doesNotContain("24.5公里");
        assertThat(summary.findElement(By.cssSelector(".pm-planner-sites")).getText()).matches("范围内有 \\d+ 个项目点，1,000 米内另有 \\d+ 个。");

        // the details, unfolded, still list each paragraph once
        js("document.querySelectorAll('#pm-panel-planner details').forEach(d => d.open = true)");
        List<String> quoted = panel.findElements(By.cssSelector(".pm-planner-plan li")).stream()
                .map(li -> li.findElement(By.cssSelector("a")).getText() + li.getText()).toList();
        assertThat(new HashSet<>(quoted)).hasSameSizeAs(quoted);

        // a pasted shape is named by what it is, not "WKT 1"
        assertThat(panel.findElement(By.cssSelector(".pm-planner-title")).getText()).isEqualTo("粘贴的多边形，4.3 km²");
    }

    @Test
    void aDrawnPolygonIsCalledADrawnPolygonInBothLanguages() {
        WebElement panel = openPlanner(Viewport.DESKTOP, "");
        js("planmap.map.setView([29.58, 106.45], 14)");
        panel.findElement(By.cssSelector("[data-draw=polygon]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-planner-finish")));
        WebElement map = driver.findElement(By.id("pm-map"));
        double[][] corners = {{29.575, 106.445}, {29.575, 106.455}, {29.585, 106.455}, {29.585, 106.445}};
        for (double[] c : corners) {
            List<?> xy = (List<?>) js("const m = planmap.map.leafletMap, p = m.latLngToContainerPoint([arguments[0], arguments[1]]),"
                    + " s = m.getSize(); return [Math.round(p.x - s.x / 2), Math.round(p.y - s.y / 2)];", c[0], c[1]);
            new Actions(driver).moveToElement(map, ((Number) xy.get(0)).intValue(), ((Number) xy.get(1)).intValue()).click().perform();
        }
        panel.findElement(By.cssSelector(".pm-planner-finish")).click();
        WebElement title = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-planner-title")));
        assertThat(title.getText()).startsWith("绘制的多边形，").endsWith("km²").doesNotContain("Feature");
        driver.findElement(By.id("pm-lang")).click();
        Browser.waitFor(driver).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".pm-planner-title")).getText().startsWith("Drawn polygon, "));
        assertThat(driver.findElement(By.cssSelector(".pm-planner-feature h4")).getText()).startsWith("Drawn polygon, ");
    }

    @Test
    void aFailedAnalysisTakesTheOldReportItsButtonsAndItsShapeAway() {
        WebElement panel = openPlanner(Viewport.DESKTOP, "");
        analyseWkt(panel, PlannerBrowserTests.CIQIKOU_WKT);
        assertThat(panel.findElement(By.cssSelector(".pm-planner-save")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector(".pm-planner-shape"))).hasSize(1);

        WebElement box = panel.findElement(By.name("wkt"));
        box.clear();
        box.sendKeys("POLYGON ((106.44 29.57, 106.46");
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        WebElement error = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-planner-error")));
        assertThat(error.getText()).isNotBlank();
        assertThat(panel.findElements(By.cssSelector(".pm-planner-report *"))).as("old report").isEmpty();
        assertThat(panel.findElement(By.cssSelector(".pm-planner-save")).isDisplayed()).as("old save button").isFalse();
        assertThat(panel.findElement(By.cssSelector(".pm-planner-print")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector(".pm-planner-shape"))).as("old shape on the map").isEmpty();
        assertThat(panel.findElement(By.cssSelector(".pm-export-overlay")).isDisplayed()).isFalse();
        assertThat(Browser.consoleErrors(driver)).as("only the refused request").allSatisfy(e -> assertThat(e.getMessage()).contains("400"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Viewport.class, names = {"PHONE", "DESKTOP"})
    void theShapeHasAStyleOfItsOwnAndIsFramedWhereThePanelDoesNotCoverIt(Viewport viewport) throws IOException {
        WebElement panel = openPlanner(viewport, "");
        analyseWkt(panel, PlannerBrowserTests.CIQIKOU_WKT);
        WebElement shape = driver.findElement(By.cssSelector("path.pm-planner-shape"));
        String stroke = shape.getAttribute("stroke");
        String dash = shape.getAttribute("stroke-dasharray");
        assertThat(dash).isNotBlank();
        // no plan path is drawn with the same stroke and dash
        List<?> same = (List<?>) js("return [...document.querySelectorAll('.pm-map path.leaflet-interactive:not(.pm-planner-shape)')]"
                + ".filter(p => p.getAttribute('stroke') === arguments[0] && p.getAttribute('stroke-dasharray') === arguments[1])"
                + ".map(p => p.dataset.featureId)", stroke, dash);
        assertThat(same).as("plan paths styled like the planner's shape").isEmpty();

        // the whole shape lies in the map and clear of the panel (beside it on a desktop, above the bottom sheet on a phone)
        Browser.waitFor(driver).until(d -> js("return document.querySelector('.leaflet-zoom-anim') === null").equals(Boolean.TRUE));
        Map<?, ?> s = rect(driver.findElement(By.cssSelector("path.pm-planner-shape")));
        Map<?, ?> m = rect(driver.findElement(By.id("pm-map")));
        Map<?, ?> p = rect(driver.findElement(By.id("pm-panel")));
        assertThat(num(s, "left")).isGreaterThanOrEqualTo(num(m, "left"));
        assertThat(num(s, "top")).isGreaterThanOrEqualTo(num(m, "top"));
        assertThat(num(s, "width")).isGreaterThan(40);
        if (viewport == Viewport.PHONE) {
            assertThat(num(s, "bottom")).as("shape above the bottom sheet").isLessThanOrEqualTo(num(p, "top"));
        } else {
            assertThat(num(s, "right")).as("shape left of the panel").isLessThanOrEqualTo(num(p, "left"));
        }
        Browser.screenshot(driver, "planner-summary-" + viewport.label() + ".png");
    }

    Map<?, ?> rect(WebElement e) {
        return (Map<?, ?>) js("return arguments[0].getBoundingClientRect().toJSON()", e);
    }

    static double num(Map<?, ?> rect, String key) {
        return ((Number) rect.get(key)).doubleValue();
    }
}
