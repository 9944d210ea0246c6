package org.planmap.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the browser tests (map and planner): one way to start it, wait on it, take
 * screenshots (to {@code target/screenshots/}) and read its console errors.
 */
public final class Browser {
    private Browser() { }

    /** A new headless Chromium at 1366×900, zh-CN, browser console logged; downloads (if any) go to {@code downloads}. */
    public static WebDriver newDriver(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1366,900", "--lang=zh-CN");
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, options);
    }

    public static WebDriver newDriver() {
        return newDriver(null);
    }

    /**
     * A wait for a condition, polled every half second: it returns as soon as the condition holds, so its cap only
     * bounds a failure. 30 s, because a CI machine running other builds took more than 15 s to draw the layers or
     * analyse an upload.
     */
    public static WebDriverWait waitFor(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(30));
    }

    /**
     * Waits until the app's Leaflet map stands still: no zoom or pan animation running and the same view in two
     * polls of {@link #waitFor} (half a second apart) — after a fly to a place, instead of sleeping for its length.
     */
    public static void waitForMapToSettle(WebDriver d) {
        String[] last = {null};
        waitFor(d).until(x -> {
            Object view = ((JavascriptExecutor) x).executeScript("""
                    const m = window.planmap && window.planmap.map && window.planmap.map.leafletMap;
                    if (!m || m._animatingZoom || (m._panAnim && m._panAnim._inProgress)) return null;
                    const c = m.getCenter();
                    return c.lat.toFixed(7) + ',' + c.lng.toFixed(7) + ',' + m.getZoom();""");
            boolean same = view != null && view.equals(last[0]);
            last[0] = (String) view;
            return same;
        });
    }

    /** Waits until {@code script}'s answer is the same in two polls half a second apart (a layout that has settled). */
    public static Object waitForSame(WebDriver d, String script) {
        Object[] last = {null};
        return waitFor(d).until(x -> {
            Object now = ((JavascriptExecutor) x).executeScript(script);
            boolean same = now != null && now.equals(last[0]);
            last[0] = now;
            return same ? now : null;
        });
    }

    public static void screenshot(WebDriver d, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
    }

    /** Console entries at SEVERE since the last call (reading the log empties it). */
    public static List<LogEntry> consoleErrors(WebDriver d) {
        return d.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }
}
