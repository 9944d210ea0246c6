package org.planmap.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planmap.indicators.BrowserSupport.js;
import static org.planmap.indicators.BrowserSupport.open;
import static org.planmap.indicators.BrowserSupport.waitFor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PrintOptions;
import org.planmap.indicators.BrowserSupport;
import org.planmap.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Presenter mode over the tour files of src/test/resources/tours/ (good.json has 3 steps; the others are broken), in the
 * tour folder of every test context beside the shipped tours (src/test/resources/config/application.yml).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TourBrowserTests {

    @LocalServerPort
    int port;

    private WebDriver driver;

    @BeforeAll
    void start() {
        driver = BrowserSupport.newDriver();
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String title() {
        return driver.findElement(By.cssSelector(".pm-tour-title")).getText();
    }

    private void key(CharSequence k) {
        new Actions(driver).sendKeys(k).perform();
    }

    @Test
    void apiListsValidToursAndProblems() {
        JsonNode body = new Http(port).json("/api/tours");
        assertThat(body.get("tours").findValuesAsString("id")).containsExactly("default", "good", "west-new-city");
        assertThat(body.get("problems").findValuesAsString("message"))
                .contains("unknown-feature.json step 2: unknown feature id 'zone-nowhere'",
                        "missing-title.json step 2: missing title");
        assertThat(new Http(port).get("/api/tours/unknown-feature").statusCode()).isEqualTo(422);
        assertThat(new Http(port).get("/api/tours/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void runsFromFirstToLastStepByKeyboard() throws Exception {
        open(driver, port, "");
        driver.findElement(By.id("pm-btn-tour")).click();
        waitFor(driver).until(d -> !d.findElements(By.cssSelector("button[data-tour='good']")).isEmpty());
        driver.findElement(By.cssSelector("button[data-tour='good']")).click();
        waitFor(driver).until(d -> !d.findElements(By.cssSelector("body.pm-presenting .pm-tour-title")).isEmpty());
        assertThat(title()).isEqualTo("东部人文母城");
        assertThat(driver.findElement(By.cssSelector(".pm-tour-quote cite")).getText()).isEqualTo("第一节 东部人文母城");
        waitFor(driver).until(d -> d.findElements(By.cssSelector(".pm-map path.pm-highlighted")).size() == 1);
        key(Keys.ARROW_RIGHT);
        waitFor(driver).until(d -> title().equals("西部现代新城"));
        assertThat(driver.getCurrentUrl()).contains("tour=good").contains("step=2");
        key(Keys.PAGE_DOWN);
        waitFor(driver).until(d -> title().equals("两山生态屏障"));
        // the two belts, and (sectionFeatures) the two project sites drawn as the 缙云山 belt whose planRefs name
        // p6-c16-s3 (col-6-item-8, col-15-item-16; points until geodata issue #13 drew them as the area they cover)
        waitFor(driver).until(d -> d.findElements(By.cssSelector(".pm-map path.pm-highlighted")).size() == 4);
        assertThat(driver.findElement(By.cssSelector(".pm-tour-progress")).getAttribute("aria-valuenow")).isEqualTo("3");
        BrowserSupport.screenshot(driver, "tour-step.png");
        key(Keys.SPACE); // past the last step: stays
        assertThat(title()).isEqualTo("两山生态屏障");
        key(Keys.PAGE_UP);
        waitFor(driver).until(d -> title().equals("西部现代新城"));
        key("1");
        key(Keys.ENTER);
        waitFor(driver).until(d -> title().equals("东部人文母城"));
        key(Keys.ESCAPE);
        waitFor(driver).until(d -> d.findElements(By.cssSelector("body.pm-presenting")).isEmpty());
        assertThat(driver.getCurrentUrl()).doesNotContain("tour=");
    }

    @Test
    void aStepUrlRestores() {
        open(driver, port, "#tour=good&step=2");
        waitFor(driver).until(d -> !d.findElements(By.cssSelector("body.pm-presenting .pm-tour-title")).isEmpty());
        assertThat(title()).isEqualTo("西部现代新城");
        assertThat(driver.findElement(By.cssSelector(".pm-tour-count")).getText()).contains("2 / 3");
    }

    @Test
    void anInvalidTourGivesAClearMessage() {
        open(driver, port, "#tour=unknown-feature&step=1");
        waitFor(driver).until(d -> d.findElement(By.id("pm-tour-error")).isDisplayed());
        assertThat(driver.findElement(By.id("pm-tour-error")).getText())
                .contains("unknown-feature.json step 2: unknown feature id 'zone-nowhere'");
        driver.findElement(By.id("pm-btn-tour")).click();
        waitFor(driver).until(d -> !d.findElements(By.cssSelector(".pm-tour-problems li")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".pm-tour-problems")).getText())
                .contains("broken-json.json: not valid JSON at line 4")
                .contains("missing-title.json step 2: missing title")
                .contains("unknown-section.json step 1: unknown section id 'p6-c99-s1'");
    }

    @Test
    void printPreviewHasOnePagePerStep() {
        open(driver, port, "#tour=good&step=1");
        // each step's map is a print figure drawn on a canvas (print/print-figure.js)
        waitFor(driver).until(d -> d.findElements(By.cssSelector("#pm-tour-print .pm-print-step canvas")).size() == 3);
        Pdf pdf = ((PrintsPage) driver).print(new PrintOptions());
        String text = new String(Base64.getDecoder().decode(pdf.getContent()), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(text);
        int pages = 0;
        while (m.find()) {
            pages++;
        }
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void exportsTheCurrentViewAsAnImage() {
        open(driver, port, "#tour=good&step=3");
        waitFor(driver).until(d -> !d.findElements(By.cssSelector("body.pm-presenting .pm-tour-title")).isEmpty());
        Object url = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; window.planmapIndicators.player.exportImage().then(done);");
        assertThat(String.valueOf(url)).startsWith("data:image/png;base64,");
        assertThat(String.valueOf(url).length()).isGreaterThan(5000);
        assertThat(js(driver, "return document.body.classList.contains('pm-presenting')")).isEqualTo(true);
    }
}
