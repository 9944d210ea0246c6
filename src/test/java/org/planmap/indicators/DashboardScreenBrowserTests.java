package org.planmap.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planmap.indicators.BrowserSupport.js;
import static org.planmap.indicators.BrowserSupport.open;
import static org.planmap.indicators.BrowserSupport.waitFor;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.planmap.support.Browser;
import org.planmap.support.Viewport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #12 item 12, as a reader meets the dashboard on a phone and a desktop: no chart text is drawn over another
 * (the 100 % label over the axis, axis labels running together), and Table 2 has charts with each indicator's 2020
 * baseline (Table 1's result of the same measure, {@code geodata/indicators/table-2-baselines.csv}) against its 2025
 * target. Screenshots: {@code target/screenshots/dashboard-table2-{phone,desktop}.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardScreenBrowserTests {
    /** 6 charts of Table 1 (one per category) and 4 of Table 2 (the groups with a 2020 baseline; 安全保障 has none). */
    static final int CHARTS = 10;

    @LocalServerPort
    int port;

    private WebDriver driver;

    @BeforeAll
    void start() {
        driver = BrowserSupport.newDriver();
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(Browser.consoleErrors(driver)).as("browser console errors").isEmpty();
    }

    void openDashboard(Viewport viewport) {
        viewport.apply(driver);
        open(driver, port, "#view=indicators");
        waitFor(driver).until(d -> d.findElements(By.cssSelector(".pm-ind-chart svg text")).size() > 50
                && d.findElements(By.cssSelector(".pm-ind-chart svg")).size() == CHARTS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Viewport.class, names = {"PHONE", "DESKTOP"})
    void noChartTextIsDrawnOverAnother(Viewport viewport) throws IOException {
        openDashboard(viewport);
        List<?> overlaps = (List<?>) js(driver, """
                const out = [];
                for (const svg of document.querySelectorAll('.pm-ind-chart svg')) {
                  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0);
                  const r = texts.map(t => t.getBoundingClientRect());
                  for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) {
                    const a = r[i], b = r[j];
                    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
                      out.push(texts[i].textContent + ' × ' + texts[j].textContent);
                  }
                }
                return out;""");
        assertThat(overlaps).as("chart texts drawn over each other").isEmpty();
        driver.findElement(By.cssSelector("section[data-table='table-2'] .pm-ind-chart")).getLocation();
        js(driver, "document.querySelector(\"section[data-table='table-2'] .pm-ind-chart\").scrollIntoView()");
        Browser.screenshot(driver, "dashboard-table2-" + viewport.label() + ".png");
    }

    @Test
    void table2HasChartsWithThe2020BaselineAgainstThe2025Target() {
        openDashboard(Viewport.DESKTOP);
        assertThat(driver.findElements(By.cssSelector("section[data-table='table-2'] .pm-ind-chart svg"))).hasSize(4);
        // 森林覆盖率: 2020 32.6 (Table 1 row 19), target ≥30 → 108.7 % of the target
        assertThat(driver.findElement(By.cssSelector("tr[data-indicator-id='table-2-row-18'] .pm-ind-baseline")).getText()).isEqualTo("32.6");
        String green = driver.findElement(By.cssSelector("section[data-table='table-2'] .pm-ind-group[data-category='绿色生态'] svg")).getText();
        assertThat(green).contains("18. 森林覆盖率").contains("108.7%").contains("2020");
        // a row without a baseline says so, and is named as not charted
        assertThat(driver.findElement(By.cssSelector("tr[data-indicator-id='table-2-row-2'] .pm-ind-baseline")).getAttribute("title"))
                .contains("未给出");
        assertThat(driver.findElement(By.cssSelector("section[data-table='table-2'] .pm-ind-group[data-category='经济发展'] .pm-ind-unchart")).getText())
                .contains("2、3、5、6");
    }
}
