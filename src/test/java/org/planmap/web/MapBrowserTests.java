package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.planmap.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The resident's map in headless Chromium against the running app (H2GIS, data loaded on start):
 * layers, panel, reader, search, URL state, language, phone layout, keyboard, axe-core, console and
 * network hygiene. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapBrowserTests {

    @LocalServerPort
    int port;

    private WebDriver driver;

    @BeforeAll
    void startBrowser() {
        driver = newDriver();
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        driver.manage().window().setSize(new Dimension(1366, 900));
        List<LogEntry> severe = Browser.consoleErrors(driver);
        assertThat(severe).as("browser console errors").isEmpty();
    }

    static WebDriver newDriver() {
        return Browser.newDriver();
    }

    String base() {
        return "http://localhost:" + port + "/";
    }

    /** Loads the app fresh (a hash-only change would not reload) and waits until every layer is drawn. */
    void open(WebDriver d, String hash) {
        d.get("about:blank");
        d.get(base() + hash);
        waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
    }

    void open(String hash) {
        open(driver, hash);
    }

    static WebDriverWait waitFor(WebDriver d) {
        return Browser.waitFor(d);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String hash() {
        return URI.create(driver.getCurrentUrl()).getRawFragment();
    }

    WebElement panelTitle() {
        return waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pm-panel .pm-feature-name")));
    }

    void screenshot(String name) throws IOException {
        Browser.screenshot(driver, name);
    }

    @Test
    void layersLoadAndToggle() throws IOException {
        open("");
        List<WebElement> boxes = driver.findElements(By.cssSelector("#pm-layer-list input[type=checkbox]"));
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(10).allMatch(WebElement::isSelected);
        assertThat(driver.findElements(By.cssSelector(".leaflet-pm-zones-pane path[data-feature-id]"))).hasSize(4);
        screenshot("desktop.png");

        driver.findElement(By.cssSelector("label[for=pm-layer-zones]")).click();
        waitFor(driver).until(d -> d.findElements(By.cssSelector(".leaflet-pm-zones-pane path")).isEmpty());
        assertThat(hash()).contains("l=district,").doesNotContainPattern("[=,]zones(,|&|$)");

        driver.navigate().back();
        waitFor(driver).until(d -> d.findElements(By.cssSelector(".leaflet-pm-zones-pane path")).size() == 4);
        assertThat(driver.findElement(By.id("pm-layer-zones")).isSelected()).isTrue();
    }

    @Test
    void clickingAZoneShowsWhatThePlanSaysAboutIt() {
        open("#l=zones");
        WebElement east = driver.findElement(By.cssSelector("path[data-feature-id=zone-east]"));
        // a point where the zone itself is on top (the strip is concave: its box centre may lie outside)
        List<?> at = (List<?>) js("""
                const el = arguments[0], r = el.getBoundingClientRect();
                for (let fy = 0.5, i = 0; i < 40; i++, fy = (fy + 0.37) % 1)
                  for (let fx = 0.5, j = 0; j < 40; j++, fx = (fx + 0.29) % 1) {
                    const x = r.left + r.width * fx, y = r.top + r.height * fy;
                    if (document.elementFromPoint(x, y) === el)
                      return [Math.round(x - (r.left + r.width / 2)), Math.round(y - (r.top + r.height / 2))];
                  }
                return [0, 0];""", east);
        new Actions(driver).moveToElement(east, ((Number) at.get(0)).intValue(), ((Number) at.get(1)).intValue())
                .click().perform();
        // where other features are within reach of the click too, the identify picker lists them: choose the zone
        waitFor(driver).until(d -> !d.findElements(By.cssSelector("#pm-panel:not([hidden]) .pm-feature-name, #pm-identify:not([hidden])")).isEmpty());
        if (driver.findElement(By.id("pm-identify")).isDisplayed()) {
            driver.findElement(By.cssSelector("#pm-identify [data-feature-id=zone-east]")).click();
        }
        assertThat(panelTitle().getText()).isEqualTo("东部人文母城");
        assertThat(hash()).contains("f=zone-east");
        assertThat(driver.findElements(By.cssSelector("#pm-panel .pm-refs li blockquote"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#pm-panel .pm-refs mark"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("#pm-panel .pm-f-accuracy")).getText()).isNotBlank();
        assertThat(driver.findElement(By.cssSelector("path[data-feature-id=zone-east]")).getAttribute("class"))
                .contains("pm-selected");
    }

    @Test
    void aPlaceNameInTheReaderSelectsItOnTheMap() {
        open("#s=p6-c16-s1");
        WebElement mention = waitFor(driver).until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#pm-reader .pm-mention")));
        String id = mention.getAttribute("data-feature-id");
        mention.click();
        waitFor(driver).until(d -> hash().contains("f=" + id));
        assertThat(panelTitle().getText()).isNotBlank();
        waitFor(driver).until(d -> !d.findElements(By.cssSelector("[data-feature-id='" + id + "'].pm-selected, "
                + "[data-feature-id='" + id + "'] .pm-selected")).isEmpty());
        assertThat(hash()).contains("s=p6-c16-s1");
    }

    @Test
    void searchForCiqikouSelectsIt() {
        open("");
        WebElement input = driver.findElement(By.id("pm-search-input"));
        input.sendKeys("磁器口");
        WebElement option = waitFor(driver).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#pm-search-list [role=group]:first-child [role=option]")));
        assertThat(driver.findElement(By.id("pm-search-list")).getText()).contains("磁器口");
        option.click();
        assertThat(panelTitle().getText()).contains("磁器口");
        assertThat(hash()).contains("f=");
    }

    @Test
    void aCopiedUrlRestoresTheSameViewInANewSession() {
        open("#lang=en&z=14&c=29.57800,106.44900&s=p6-c16-s1");
        driver.findElement(By.cssSelector("#pm-reader .pm-mention")).click();
        waitFor(driver).until(d -> hash().contains("f="));
        panelTitle();
        String url = driver.getCurrentUrl();
        String title = panelTitle().getText();
        String section = driver.findElement(By.id("pm-section-title")).getText();

        // a new session in the same browser, not a second Chromium: cookies and storage cleared, the URL loaded fresh
        js("localStorage.clear(); sessionStorage.clear()");
        driver.manage().deleteAllCookies();
        driver.get("about:blank");
        WebDriver second = driver;
        second.get(url);
        waitFor(second).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
        WebElement restored = waitFor(second).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#pm-panel .pm-feature-name")));
        assertThat(restored.getText()).isEqualTo(title);
        assertThat(waitFor(second).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-section-title")))
                .getText()).isEqualTo(section);
        assertThat(second.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(URI.create(second.getCurrentUrl()).getRawFragment()).isEqualTo(URI.create(url).getRawFragment());
    }

    @Test
    void languageToggleSwitchesEveryLabel() {
        open("");
        assertThat(driver.findElement(By.cssSelector(".pm-title")).getText()).contains("沙坪坝");
        driver.findElement(By.id("pm-lang")).click();
        waitFor(driver).until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.cssSelector(".pm-title")).getText()).contains("Shapingba");
        assertThat(driver.findElement(By.id("pm-tabbtn-layers")).getText()).isEqualTo("Layers");
        assertThat(hash()).contains("lang=en");
        driver.navigate().back();
        waitFor(driver).until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    @Test
    void phoneLayoutKeepsTheMapAndShowsABottomSheet() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        open("#f=zone-east");
        panelTitle();
        long vw = ((Number) js("return window.innerWidth")).longValue();
        long vh = ((Number) js("return window.innerHeight")).longValue();
        Map<?, ?> panel = (Map<?, ?>) js("return arguments[0].getBoundingClientRect().toJSON()", driver.findElement(By.id("pm-panel")));
        Map<?, ?> map = (Map<?, ?>) js("return arguments[0].getBoundingClientRect().toJSON()", driver.findElement(By.id("pm-map")));
        assertThat(((Number) panel.get("width")).doubleValue()).isEqualTo((double) vw);
        assertThat(((Number) panel.get("bottom")).doubleValue()).isCloseTo(vh, org.assertj.core.data.Offset.offset(1.0));
        assertThat(((Number) panel.get("top")).doubleValue()).isGreaterThan(vh * 0.45);
        assertThat(((Number) map.get("height")).doubleValue()).isGreaterThan(vh * 0.5);
        for (String css : List.of("#pm-menu-toggle", "#pm-sidebar-toggle", ".pm-panel-close", "#pm-search-input")) {
            assertThat(driver.findElement(By.cssSelector(css)).getSize().getHeight()).as(css).isGreaterThanOrEqualTo(44);
        }
        screenshot("phone.png");
        driver.findElement(By.id("pm-menu-toggle")).click(); // the language button is in the header's menu on phones
        assertThat(waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-lang"))).getSize().getHeight()).isGreaterThanOrEqualTo(44);
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    }

    @Test
    void keyboardOnlySearchSelectAndEscape() {
        open("");
        WebElement active = null;
        for (int i = 0; i < 8; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            active = driver.switchTo().activeElement();
            if ("pm-search-input".equals(active.getAttribute("id"))) {
                break;
            }
        }
        assertThat(active.getAttribute("id")).isEqualTo("pm-search-input");
        active.sendKeys("磁器口");
        waitFor(driver).until(d -> "true".equals(d.findElement(By.id("pm-search-input")).getAttribute("aria-expanded")));
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        assertThat(driver.findElement(By.id("pm-search-input")).getAttribute("aria-activedescendant")).isNotBlank();
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertThat(panelTitle().getText()).contains("磁器口");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("pm-panel")));
        assertThat(hash()).doesNotContain("f=");
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolations() throws IOException {
        open("#f=zone-east&s=p6-c16-s1");
        panelTitle();
        waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-section-title")));
        js(Files.readString(Path.of("web", "test", "vendor", "axe-core", "axe.min.js")));
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))));
                """);
        assertThat((List<?>) result).as("axe serious/critical violations").isEmpty();
    }

    @Test
    void offlineModeRequestsNothingOffTheMachine() {
        open("#f=zone-east&s=p6-c16-s1");
        panelTitle();
        List<?> urls = (List<?>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        String host = "localhost:" + port;
        assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(URI.create(u.toString()).getAuthority()).isEqualTo(host));
        assertThat(driver.findElements(By.cssSelector(".leaflet-tile"))).isEmpty();
    }
}
