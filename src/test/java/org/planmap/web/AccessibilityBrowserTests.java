package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.planmap.support.Browser;
import org.planmap.support.Viewport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core (vendored, {@code web/test/vendor/axe-core}) finds no serious or critical violation on any view, on a phone
 * and a desktop, in Chinese and English (issue #12). <b>To add a view</b>, add a {@link View} to {@link #VIEWS}: its
 * name, the URL hash that opens it, the CSS selector present once it is shown, and an optional script that gets it
 * there (clicks, typing). Screenshots: {@code target/screenshots/a11y-<view>-<viewport>-<lang>.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests {

    /** A view of the app: opened at {@code hash}, shown once {@code ready} matches, after running {@code prepare}. */
    record View(String name, String hash, String ready, String prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String PLANNER = """
            document.querySelector('.pm-planner-open').click();
            const wait = async (sel) => { for (let i = 0; i < 100 && !document.querySelector(sel); i++) await new Promise(r => setTimeout(r, 200)); };
            await wait('#pm-panel-planner textarea');
            document.querySelector('#pm-panel-planner textarea').value = 'POLYGON ((106.44 29.57, 106.46 29.57, 106.46 29.59, 106.44 29.59, 106.44 29.57))';
            document.querySelector('.pm-planner-analyze').click();
            await wait('.pm-planner-summary');
            document.querySelectorAll('.pm-planner-fold').forEach(d => d.open = true);""";

    static final List<View> VIEWS = List.of(
            new View("map", "", "body.pm-ready", null),
            new View("reader", "#s=p6-c16-s1", "#pm-section-title", "document.getElementById('pm-tabbtn-plan')?.click();"),
            new View("details", "#f=zone-east", "#pm-panel .pm-feature-name", null),
            new View("planner", "", ".pm-planner-summary", PLANNER),
            new View("dashboard", "#view=indicators", "#pm-indicators .pm-ind-chart svg", null),
            new View("tour", "#tour=default&step=7", "body.pm-presenting .pm-step-label", null));
    // the share dialog (web stream, #12 item 13) joins here once it has landed

    @LocalServerPort
    int port;

    private WebDriver driver;
    private String axe;

    @BeforeAll
    void start() throws IOException {
        driver = Browser.newDriver();
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        axe = Files.readString(Path.of("web", "test", "vendor", "axe-core", "axe.min.js"));
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (View v : VIEWS) {
            for (Viewport p : List.of(Viewport.PHONE, Viewport.DESKTOP)) {
                for (String lang : List.of("zh", "en")) out.add(Arguments.of(v, p, lang));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void noSeriousOrCriticalViolations(View view, Viewport viewport, String lang) throws IOException {
        viewport.apply(driver);
        String hash = view.hash().isEmpty() ? "#lang=" + lang : view.hash() + "&lang=" + lang;
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/" + hash);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.cssSelector("body.pm-ready")).isEmpty());
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (view.prepare() != null) {
            js.executeAsyncScript("const done = arguments[arguments.length - 1]; (async () => { " + view.prepare() + " })().then(() => done(), () => done());");
        }
        wait.until(d -> !d.findElements(By.cssSelector(view.ready())).isEmpty());
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))));
                """);
        Browser.screenshot(driver, "a11y-" + view.name() + "-" + viewport.label() + "-" + lang + ".png");
        assertThat((List<?>) result).as("axe serious/critical violations on " + view + " " + viewport.label() + " " + lang).isEmpty();
        assertThat(Browser.consoleErrors(driver)).as("browser console errors").isEmpty();
    }
}
