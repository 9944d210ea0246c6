package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.planmap.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #12 item 7 on the client: in the English UI a place shows its English name (the Chinese below it) and says once
 * that the plan's sentences are Chinese only; the Chinese UI shows no English name line; a message from the server is
 * shown as the problem's own {@code detail}, in the language the client asked for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageBrowserTests {
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

    void open(String hash) {
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/" + hash);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
    }

    @Test
    void inEnglishAPlaceIsNamedInEnglishAndTheChineseOnlyTextIsSaidOnce() {
        open("#lang=en&f=zone-east");
        WebElement title = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pm-panel .pm-feature-name")));
        assertThat(title.getText()).isEqualTo("Eastern Humanistic Mother City");
        assertThat(driver.findElement(By.cssSelector("#pm-panel .pm-feature-name-en")).getText()).isEqualTo("东部人文母城");
        assertThat(driver.findElements(By.cssSelector("#pm-panel .pm-zh-only"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#pm-panel .pm-refs li"))).hasSizeGreaterThan(1);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void inChineseNoEnglishNameLineShows() {
        open("#f=zone-east");
        WebElement title = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pm-panel .pm-feature-name")));
        assertThat(title.getText()).isEqualTo("东部人文母城");
        assertThat(driver.findElement(By.cssSelector("#pm-panel .pm-feature-name-en")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("pm-panel")).getText()).doesNotContain("Eastern Humanistic Mother City");
        assertThat(driver.findElements(By.cssSelector("#pm-panel .pm-zh-only"))).isEmpty();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void aServerMessageIsShownAsTheProblemsOwnDetailInTheAskedLanguage() throws Exception {
        String wkt = "POLYGON ((106.44 29.57, 106.46";
        for (String lang : new String[] {"zh", "en"}) {
            open("#lang=" + lang);
            driver.findElement(By.cssSelector(".pm-planner-open")).click();
            WebElement panel = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-panel-planner")));
            panel.findElement(By.name("wkt")).sendKeys(wkt);
            panel.findElement(By.cssSelector(".pm-planner-analyze")).click();
            WebElement error = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-planner-error")));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/overlays/analyze")).header("Content-Type", "application/json")
                    .header("Accept-Language", lang)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"wkt\":\"" + wkt + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(400);
            String detail = JsonMapper.builder().build().readTree(answer.body()).get("detail").asString();
            assertThat(error.getText()).as(lang).isEqualTo(detail);
            assertThat(Browser.consoleErrors(driver)).allSatisfy(e -> assertThat(e.getMessage()).contains("400"));
        }
    }
}
