package org.planmap.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test class's one Chromium ({@link Browser}) against the app the class's Spring test context runs:
 * started before the first test, quit after the last; {@link #open} loads a page fresh and waits until every
 * layer is drawn. Subclasses are {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AppInBrowser {
    @LocalServerPort
    protected int port;

    protected WebDriver driver;

    @BeforeAll
    void startBrowser() {
        driver = Browser.newDriver();
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The app's root URL, ending in {@code /} (override for a context path). */
    protected String base() {
        return "http://localhost:" + port + "/";
    }

    /** Loads {@code base() + path} fresh (a hash-only change would not reload) at this window size, until layers are drawn. */
    protected void open(Dimension size, String path) {
        driver.manage().window().setSize(size);
        driver.get("about:blank");
        driver.get(base() + path);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
