package org.planmap.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planmap.indicators.BrowserSupport.js;
import static org.planmap.indicators.BrowserSupport.open;
import static org.planmap.indicators.BrowserSupport.waitFor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanParser;
import org.planmap.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The indicator dashboard (#view=indicators) in headless Chromium against the running app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

    @LocalServerPort
    int port;

    private WebDriver driver;
    private PlanDocument plan;

    @BeforeAll
    void start() throws IOException {
        driver = BrowserSupport.newDriver();
        plan = PlanParser.parse(Path.of("geodata/plan/shapingba-14th-five-year-plan-outline.txt"));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void openDashboard() {
        open(driver, port, "#view=indicators");
        waitFor(driver).until(d -> d.findElements(By.cssSelector("#pm-indicators .pm-ind-row")).size() == 67);
    }

    @Test
    void apiListsBothTablesWithComparisonsAndLinks() {
        JsonNode body = new Http(port).json("/api/indicators");
        assertThat(body.get("tables").get(0).get("rows").size()).isEqualTo(40);
        assertThat(body.get("tables").get(1).get("rows").size()).isEqualTo(27);
        assertThat(body.get("summary").get("met").asInt()).isEqualTo(36);
        assertThat(body.get("problems").size()).isZero();
        JsonNode forest = new Http(port).json("/api/indicators/table-1-row-19");
        assertThat(forest.get("features").findValuesAsString("id"))
                .containsExactlyInAnyOrder("zone-barrier-zhongliang", "zone-barrier-jinyun");
        assertThat(new Http(port).get("/api/indicators/table-9-row-1").statusCode()).isEqualTo(404);
        JsonNode targets = new Http(port).json("/api/targets?feature=demo-qingfeng");
        assertThat(targets.get("targets").findValuesAsString("match")).contains("拓展至15平方公里");
        assertThat(new Http(port).get("/api/targets?section=nowhere").statusCode()).isEqualTo(400);
        JsonNode feature = new Http(port).json("/api/features/demo-logistics-city");
        assertThat(feature.get("indicators").findValuesAsString("id")).contains("table-1-row-28");
    }

    @Test
    void showsAll67IndicatorsWithTheSourceValues() throws IOException {
        openDashboard();
        for (IndicatorRow row : plan.tables().stream().flatMap(t -> t.rows().stream()).toList()) {
            WebElement tr = driver.findElement(By.cssSelector("tr[data-indicator-id='" + row.id() + "']"));
            assertThat(tr.findElement(By.cssSelector(".pm-ind-target")).getText()).as(row.id())
                    .isEqualTo(row.target().text());
            assertThat(tr.findElement(By.cssSelector(".pm-ind-name")).getText()).as(row.id()).isEqualTo(row.name());
            if (row.table() == 1) {
                assertThat(tr.findElement(By.cssSelector(".pm-ind-result")).getText()).as(row.id())
                        .isEqualTo(row.result().text());
            }
        }
        assertThat(driver.findElements(By.cssSelector("section[data-table='table-1'] .pm-ind-row"))).hasSize(40);
        assertThat(driver.findElements(By.cssSelector("section[data-table='table-2'] .pm-ind-row"))).hasSize(27);
        assertThat(driver.findElements(By.cssSelector("section[data-table='table-1'] .pm-ind-group"))).hasSize(6);
        BrowserSupport.screenshot(driver, "dashboard.png");
    }

    @Test
    void comparisonRuleIsOnHoverAndInAccessibleText() {
        openDashboard();
        WebElement badge = driver.findElement(By.cssSelector("tr[data-indicator-id='table-1-row-26'] .pm-ind-badge"));
        assertThat(badge.getText()).isEqualTo("不可比");
        assertThat(badge.getAttribute("title")).contains("不再统计");
        assertThat(badge.getAttribute("aria-label")).startsWith("不可比：".substring(0, 3)).contains("不再统计");
        assertThat(driver.findElement(By.cssSelector("tr[data-indicator-id='table-1-row-15'] .pm-ind-badge")).getText())
                .isEqualTo("未达成");
    }

    @Test
    void filtersByAttributeAndOutcome() {
        openDashboard();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.name("attribute"))).selectByValue("约束性");
        long binding = plan.tables().stream().flatMap(t -> t.rows().stream())
                .filter(r -> r.attribute().equals("约束性")).count();
        waitFor(driver).until(d -> d.findElements(By.cssSelector(".pm-ind-row")).size() == binding);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.name("outcome"))).selectByValue("not-comparable");
        waitFor(driver).until(d -> d.findElements(By.cssSelector(".pm-ind-row")).size() == 1); // row 32 (row 26, 35 are expected)
    }

    @Test
    void aChartPerTable1CategoryIsDrawn() {
        openDashboard();
        waitFor(driver).until(d -> d.findElements(By.cssSelector("section[data-table='table-1'] .pm-ind-chart svg")).size() == 6);
        // one bar (an SVG path filled with an outcome colour) per comparable row of the first category's chart
        Number bars = (Number) js(driver, """
                const svg = document.querySelector("section[data-table='table-1'] .pm-ind-chart svg");
                return [...svg.querySelectorAll('path')].filter(p => ['#1a7f37', '#cf222e', '#8c959f'].includes(p.getAttribute('fill'))).length;""");
        assertThat(bars.intValue()).isEqualTo(2);
    }

    @Test
    void clickingAnIndicatorHighlightsItsZones() throws IOException {
        openDashboard();
        driver.findElement(By.cssSelector("tr[data-indicator-id='table-1-row-19'] .pm-ind-name")).click();
        waitFor(driver).until(d -> d.findElements(By.cssSelector(".pm-map path.pm-highlighted")).size() == 2);
        List<String> listed = driver.findElements(By.cssSelector(".pm-ind-features li")).stream()
                .map(li -> li.getAttribute("data-feature-id")).toList();
        assertThat(listed).containsExactlyInAnyOrder("zone-barrier-zhongliang", "zone-barrier-jinyun");
        assertThat(driver.findElement(By.cssSelector(".pm-ind-sections")).getText()).contains("森林覆盖率");
        BrowserSupport.screenshot(driver, "dashboard-forest.png");
    }

    @Test
    void featurePanelShowsItsTargets() {
        open(driver, port, "#f=demo-qingfeng");
        waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-feature-targets")));
        assertThat(driver.findElement(By.cssSelector(".pm-feature-targets")).getText()).contains("拓展至15平方公里");
    }
}
