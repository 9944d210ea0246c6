package org.planmap.indicators;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.planmap.support.Browser;

/** What the dashboard and tour browser tests add to {@link Browser}: opening the app at a hash, running a script. */
public final class BrowserSupport {

    private BrowserSupport() {
    }

    public static WebDriver newDriver() {
        return Browser.newDriver();
    }

    /** Opens the app at this hash (fresh page load) and waits until every layer is drawn. */
    public static void open(WebDriver driver, int port, String hash) {
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/" + hash);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector("body.pm-ready")).isEmpty());
    }

    public static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public static Path screenshot(WebDriver driver, String name) throws IOException {
        Browser.screenshot(driver, name);
        return Path.of("target", "screenshots", name);
    }
}
