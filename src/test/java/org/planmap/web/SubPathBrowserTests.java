package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.planmap.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The whole front end served under a sub-path ({@code /planmap/}), as a deployment behind a reverse proxy would
 * serve it: every request goes through the one API client, relative to the page, with the UI language as
 * {@code Accept-Language} and the CSRF header when the {@code XSRF-TOKEN} cookie exists. A servlet filter records
 * what the browser really sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.servlet.context-path=/planmap")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubPathBrowserTests {

    /** One request as the server saw it. */
    record Seen(String method, String path, String acceptLanguage, String csrf, String idempotencyKey) { }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Recorder {
        @Bean
        Filter requestRecorder() {
            return (req, res, chain) -> {
                HttpServletRequest http = (HttpServletRequest) req;
                SEEN.add(new Seen(http.getMethod(), http.getRequestURI(), http.getHeader("Accept-Language"),
                        http.getHeader("X-XSRF-TOKEN"), http.getHeader("Idempotency-Key")));
                chain.doFilter(req, res);
            };
        }
    }

    @LocalServerPort
    int port;

    WebDriver driver;

    @BeforeAll
    void start() {
        driver = Browser.newDriver();
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    void open(String hash) {
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/planmap/" + hash);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void theMapDashboardAndPlannerWorkUnderASubPath() throws IOException {
        open("#f=zone-east");
        assertThat(driver.findElements(By.cssSelector(".leaflet-pm-zones-pane path[data-feature-id]"))).hasSize(4);
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pm-panel .pm-feature-name")));

        driver.findElement(By.id("pm-btn-indicators")).click();
        Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector("#pm-indicators .pm-ind-row")).size() > 20);
        assertThat(URI.create(driver.getCurrentUrl()).getRawFragment()).contains("view=indicators");
        driver.findElement(By.cssSelector("#pm-indicators .pm-ind-close")).click();

        driver.findElement(By.cssSelector(".pm-planner-open")).click();
        WebElement panel = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-panel-planner")));
        panel.findElement(By.name("wkt")).sendKeys("POLYGON ((106.44 29.57, 106.45 29.57, 106.45 29.58, 106.44 29.58, 106.44 29.57))");
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        Browser.waitFor(driver).until(d -> !d.findElements(By.cssSelector(".pm-planner-feature")).isEmpty());
        Browser.screenshot(driver, "subpath-planner.png");

        List<?> resources = (List<?>) js("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)");
        assertThat(resources).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).startsWith("/planmap/"));
        assertThat(SEEN).extracting(Seen::path).allSatisfy(p -> assertThat(p).startsWith("/planmap/"))
                .contains("/planmap/api/indicators", "/planmap/api/overlays/analyze");
    }

    @Test
    void requestsCarryTheUiLanguageAndTheCsrfAndIdempotencyHeaders() {
        open("#lang=en");
        js("document.cookie = 'XSRF-TOKEN=test-token-1; path=/planmap'");
        driver.findElement(By.id("pm-tabbtn-list")).click();
        driver.findElement(By.cssSelector("#pm-feature-list button[data-feature-id='zone-west']")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pm-panel .pm-feature-name")));
        assertThat(SEEN).filteredOn(s -> s.path().equals("/planmap/api/features/zone-west")).first()
                .extracting(Seen::acceptLanguage).isEqualTo("en");

        driver.findElement(By.id("pm-lang")).click();
        Browser.waitFor(driver).until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        driver.findElement(By.cssSelector(".pm-planner-open")).click();
        WebElement panel = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-panel-planner")));
        panel.findElement(By.name("wkt")).sendKeys("POINT (106.45 29.58)");
        panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
        Browser.waitFor(driver).until(d -> !d.findElements(By.cssSelector(".pm-planner-feature")).isEmpty());
        panel.findElement(By.cssSelector(".pm-planner-save")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-planner-link")));

        Seen analyze = SEEN.stream().filter(s -> s.path().equals("/planmap/api/overlays/analyze")).findFirst().orElseThrow();
        assertThat(analyze.acceptLanguage()).isEqualTo("zh");
        assertThat(analyze.csrf()).isEqualTo("test-token-1");
        Seen save = SEEN.stream().filter(s -> s.method().equals("POST") && s.path().equals("/planmap/api/overlays")).findFirst().orElseThrow();
        assertThat(save.csrf()).isEqualTo("test-token-1");
        assertThat(save.idempotencyKey()).matches("[0-9a-f-]{36}");
        assertThat(SEEN).filteredOn(s -> s.method().equals("GET")).extracting(Seen::csrf).containsOnlyNulls();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }
}
