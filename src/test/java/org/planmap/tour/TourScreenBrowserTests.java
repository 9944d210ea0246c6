package org.planmap.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planmap.indicators.BrowserSupport.js;
import static org.planmap.indicators.BrowserSupport.open;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.planmap.indicators.BrowserSupport;
import org.planmap.support.Browser;
import org.planmap.support.Viewport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #12 item 10, the shipped tours as a presenter meets them: at 1920×1080 the step's places fill the map beside
 * the caption and are labelled, the key targets are whole statements, no internal id shows; on a 390×844 phone every
 * button says what it does; in English the tour speaks English where it has English and says once that the plan is
 * Chinese only. Screenshots: {@code target/screenshots/tour-{projector,desktop,phone}.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TourScreenBrowserTests {
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

    /** Opens a step of the default tour on this screen and waits until the map has settled on it. */
    WebElement step(Viewport viewport, String hash) {
        viewport.apply(driver);
        open(driver, port, hash);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(40));
        wait.until(d -> !d.findElements(By.cssSelector("body.pm-presenting .pm-tour-title")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector(".pm-step-label")).isEmpty()
                && js(d, "return document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim') === null").equals(Boolean.TRUE));
        return driver.findElement(By.id("pm-tour"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Number> rect(WebElement e) {
        return (Map<String, Number>) js(driver, "return arguments[0].getBoundingClientRect().toJSON()", e);
    }

    @Test
    void onAProjectorTheStepFillsTheMapBesideTheCaptionLabelledWithWholeTargets() throws IOException {
        WebElement caption = step(Viewport.PROJECTOR, "#tour=default&step=7");
        assertThat(driver.findElement(By.cssSelector(".pm-tour-title")).getText()).isEqualTo("沙磁文化旅游展示区");
        Map<String, Number> c = rect(caption);
        assertThat(c.get("right").doubleValue()).as("caption is a column on the left").isLessThan(1920 * 0.4);

        // the highlighted places: right of the caption, and big (the free map is about 1250 × 1080 px)
        Map<?, ?> box = (Map<?, ?>) js(driver, """
                const r = [...document.querySelectorAll('.pm-map path.pm-highlighted')].map(p => p.getBoundingClientRect());
                return {left: Math.min(...r.map(x => x.left)), right: Math.max(...r.map(x => x.right)),
                        top: Math.min(...r.map(x => x.top)), bottom: Math.max(...r.map(x => x.bottom))};""");
        double left = ((Number) box.get("left")).doubleValue(), right = ((Number) box.get("right")).doubleValue();
        double top = ((Number) box.get("top")).doubleValue(), bottom = ((Number) box.get("bottom")).doubleValue();
        assertThat(left).isGreaterThanOrEqualTo(c.get("right").doubleValue());
        assertThat(Math.max(right - left, (bottom - top) * 1.3)).as("the step's places fill the free map").isGreaterThan(700);

        // labelled on the map, in large type
        WebElement label = driver.findElements(By.cssSelector(".pm-step-label")).stream().filter(WebElement::isDisplayed)
                .filter(l -> l.getText().equals("沙磁文化旅游展示区")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(label.getCssValue("font-size").replace("px", ""))).isGreaterThanOrEqualTo(20);

        // whole statements, not 「建成36公里」 fragments; no internal ids
        List<String> targets = caption.findElements(By.cssSelector(".pm-tour-targets li")).stream().map(WebElement::getText).toList();
        assertThat(targets).contains("完成磁器口后街、金碧正街、磁童路步行街改造等30个重点项目", "引导建成300个精品店");
        assertThat(caption.getText()).doesNotContainPattern("p\\d+-c\\d+").doesNotContain("[");
        BrowserSupport.screenshot(driver, "tour-projector.png");

        js(driver, "window.planmapIndicators.player.goTo(6)");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.cssSelector(".pm-tour-title")).getText().equals("嘉陵江智慧湾区"));
        assertThat(driver.findElements(By.cssSelector(".pm-tour-targets li")).stream().map(WebElement::getText))
                .containsExactly("建成36公里“清水绿岸”");
    }

    @Test
    void onAPhoneEveryTourButtonSaysWhatItDoes() throws IOException {
        WebElement caption = step(Viewport.PHONE, "#tour=default&step=7");
        List<WebElement> buttons = caption.findElements(By.cssSelector(".pm-tour-controls button"));
        assertThat(buttons).hasSize(7);
        for (WebElement b : buttons) {
            assertThat(b.getText()).as(b.getAttribute("class")).isNotBlank();
            assertThat(b.getSize().getHeight()).as(b.getText()).isGreaterThanOrEqualTo(44);
            assertThat(b.getSize().getWidth()).as(b.getText()).isGreaterThanOrEqualTo(44);
        }
        Map<String, Number> c = rect(caption);
        assertThat(c.get("bottom").doubleValue()).isLessThanOrEqualTo(844);
        BrowserSupport.screenshot(driver, "tour-phone.png");
    }

    @Test
    void inEnglishTheTourSpeaksEnglishAndSaysOnceThatThePlanIsChinese() throws IOException {
        WebElement caption = step(Viewport.DESKTOP, "#lang=en&tour=default&step=7");
        assertThat(caption.findElement(By.cssSelector(".pm-tour-title")).getText()).isEqualTo("Shaci culture and tourism showcase");
        assertThat(caption.findElement(By.cssSelector(".pm-tour-count")).getText()).contains("Step 7 of 17").contains("Shapingba's 14th Five-Year Plan on the map");
        assertThat(caption.findElements(By.cssSelector(".pm-zh-only"))).hasSize(1);
        assertThat(caption.findElement(By.cssSelector(".pm-tour-controls")).getText()).doesNotContainPattern("\\p{IsHan}");
        assertThat(driver.findElements(By.cssSelector(".pm-step-label")).stream().filter(WebElement::isDisplayed).map(WebElement::getText))
                .contains("Shaci Culture and Tourism Showcase Area");
        BrowserSupport.screenshot(driver, "tour-desktop.png");
    }
}
