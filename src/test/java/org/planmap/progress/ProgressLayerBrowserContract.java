package org.planmap.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.planmap.account.Roles;
import org.planmap.geodata.DataSnapshots;
import org.planmap.support.AppInBrowser;
import org.planmap.support.Browser;
import org.planmap.support.TestStaff;
import org.planmap.support.Viewport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The progress layer and its legend as a resident sees them: sites coloured by status, the legend's counts, the
 * "as of" date moving both, and the toolbar button opening the view. One item's status changed twice is read on
 * three days. Runs on H2GIS and PostGIS (the two subclasses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ProgressLayerBrowserContract extends AppInBrowser {
    static final String ITEM = "col-1-item-1";
    static final org.openqa.selenium.Dimension DESKTOP = new org.openqa.selenium.Dimension(Viewport.DESKTOP.width, Viewport.DESKTOP.height);

    @Autowired ProgressService progress;
    @Autowired DataSnapshots snapshots;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.context.ApplicationContext context;

    @BeforeAll
    void recordTwoChanges() {
        snapshots.write(() -> jdbc.update("DELETE FROM progress_record"));
        String file = ProgressContract.HEADER
                + ITEM + ",under-construction,2024-03-01,2024-03-01,,30,,,\n"
                + ITEM + ",completed,2025-01-10,2024-03-01,2025-01-10,100,,,\n"
                + "col-2-item-1,preparing,2024-05-01,,,,,,\n";
        assertThat(progress.importFile(file.getBytes(StandardCharsets.UTF_8), true, "browser-test").valid()).isTrue();
    }

    @AfterAll
    void clean() {
        snapshots.write(() -> jdbc.update("DELETE FROM progress_record"));
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(Browser.consoleErrors(driver)).as("browser console errors").isEmpty();
    }

    @Test
    void sitesAreColouredByStatusWithALegendOfCounts() {
        open(DESKTOP, "#progress=now");
        waitForStatus(ITEM, "completed");
        Map<String, String> legend = legend();
        assertThat(legend.keySet()).containsExactly("not-recorded", "not-started", "preparing", "under-construction",
                "completed", "paused", "cancelled");
        assertThat(legend.get("completed")).endsWith(" 1").contains("已建成");
        assertThat(legend.get("preparing")).endsWith(" 1");
        assertThat(legend.get("not-recorded")).endsWith(" 391").contains("未填报");
        long mapped = progress.asOf(progress.today()).size(); // sanity: two items recorded
        assertThat(mapped).isEqualTo(2);
        long symbols = (Long) js("return new Set([...document.querySelectorAll('[data-progress-item]')]"
                + ".map((n) => n.dataset.progressItem)).size");
        long mappedItems = snapshots.current().catalogue().stream().filter(i -> i.featureId() != null).count();
        assertThat(symbols).as("one symbol per mapped item").isEqualTo(mappedItems);
        assertThat(fill(ITEM)).isEqualTo(js("return getComputedStyle(document.querySelector("
                + "'.pm-progress-legend [data-status=completed] .pm-swatch')).getPropertyValue('--pm-fill').trim()"));
        assertThat(fill(ITEM)).isNotEqualTo(fill(firstUnrecordedMapped()));
        assertThat(driver.findElement(By.cssSelector(".pm-progress")).getText()).contains("未填报", "按片区统计");
    }

    @Test
    void theAsOfDateMovesTheLayerAndTheLegend() {
        open(DESKTOP, "#progress=now");
        waitForStatus(ITEM, "completed");
        setDate("2024-06-30");
        waitForStatus(ITEM, "under-construction");
        assertThat(js("return location.hash")).asString().contains("progress=2024-06-30");
        assertThat(legend().get("under-construction")).endsWith(" 1");
        assertThat(legend().get("completed")).endsWith(" 0");
        setDate("2023-12-31");
        waitForStatus(ITEM, "not-recorded");
        assertThat(legend().get("not-recorded")).endsWith(" 393");
        driver.navigate().back();
        waitForStatus(ITEM, "under-construction");
    }

    @Test
    void theToolbarButtonOpensTheViewInEnglish() {
        open(DESKTOP, "#lang=en");
        assertThat(driver.findElements(By.cssSelector("[data-progress-item]"))).isEmpty();
        driver.findElement(By.cssSelector(".pm-progress-open")).click();
        waitForStatus(ITEM, "completed");
        assertThat(legend().get("not-recorded")).contains("Not recorded");
        assertThat(driver.findElement(By.cssSelector(".pm-progress h2")).getText()).contains("Implementation progress");
        driver.findElement(By.cssSelector(".pm-panel-close")).click();
        Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector("[data-progress-item]")).isEmpty());
    }

    @Test
    void theSummaryPageCountsByGroupAndEveryFigureLinksToItsItems() {
        driver.manage().window().setSize(DESKTOP);
        driver.get(base() + "progress.html?asOf=2025-02-01");
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pm-items tbody tr")));
        WebElement completed = driver.findElement(By.cssSelector("#pm-overall td[data-status=completed] a"));
        assertThat(completed.getText()).isEqualTo("1");
        assertThat(driver.findElements(By.cssSelector("#pm-by-column tbody tr"))).hasSize(17);
        assertThat(driver.findElements(By.cssSelector("#pm-by-zone tbody tr"))).hasSize(5);
        completed.click();
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("status=completed")
                && d.findElements(By.cssSelector("#pm-items tbody tr")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#pm-items tbody tr")).getAttribute("data-item")).isEqualTo(ITEM);
        // the column figure of column 1, under construction on 2024-06-30
        driver.get(base() + "progress.html?asOf=2024-06-30&lang=en");
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pm-by-column tbody tr")));
        WebElement col1 = driver.findElement(By.cssSelector("#pm-by-column tbody tr:first-child td[data-status=under-construction] a"));
        assertThat(col1.getText()).isEqualTo("1");
        col1.click();
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("column=1"));
        Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector("#pm-items tbody tr")).size() == 1);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Implementation progress summary");
    }

    @Test
    void theDashboardShowsYearlyValuesWithWhoAndWhenOrSaysThereAreNone() {
        TestStaff.Client editor = TestStaff.signIn(context, port, Roles.EDITOR);
        assertThat(editor.postJson("/api/staff/progress/indicator-values",
                "{\"rowId\":\"table-2-row-3\",\"year\":2022,\"value\":42.5}").statusCode()).isEqualTo(200);
        try {
            open(DESKTOP, "#view=indicators");
            String row = "#pm-indicators .pm-ind-row[data-indicator-id='table-2-row-3'] .pm-ind-yearly";
            Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
            assertThat(driver.findElement(By.cssSelector(row)).getText()).contains("2022: 42.5", editor.me().get("username").asString());
            assertThat(driver.findElement(By.cssSelector(
                    "#pm-indicators .pm-ind-row[data-indicator-id='table-2-row-4'] .pm-ind-yearly")).getText()).contains("尚无填报数值");
        } finally {
            snapshots.write(() -> jdbc.update("DELETE FROM indicator_value"));
        }
    }

    private void waitForStatus(String item, String status) {
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-progress-item='" + item + "'][data-status='" + status + "']")));
    }

    private Map<String, String> legend() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        List<WebElement> rows = driver.findElements(By.cssSelector(".pm-progress-legend li"));
        for (WebElement r : rows) out.put(r.getAttribute("data-status"), r.getText().strip().replaceAll("\\s+", " "));
        return out;
    }

    private String fill(String item) {
        return (String) js("return document.querySelector(\"[data-progress-item='\" + arguments[0] + \"']\").getAttribute('fill')", item);
    }

    private String firstUnrecordedMapped() {
        return snapshots.current().catalogue().stream().filter(i -> i.featureId() != null)
                .filter(i -> !i.id().equals(ITEM) && !i.id().equals("col-2-item-1")).findFirst().orElseThrow().id();
    }

    private void setDate(String day) {
        js("const i = document.getElementById('pm-progress-asof'); i.value = arguments[0];"
                + "i.dispatchEvent(new Event('change', {bubbles: true}));", day);
    }
}
