package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.planmap.support.AppInBrowser;
import org.planmap.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole front end served under a sub-path, as a deployment behind a reverse proxy serves it: the test puts a
 * small proxy on the loopback that maps {@code /planmap/…} to the app's root and records what the browser sent.
 * Every request goes through the one API client, relative to the page, with the UI language as
 * {@code Accept-Language} and the CSRF header when the {@code XSRF-TOKEN} cookie exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubPathBrowserTests extends AppInBrowser {
    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Set<String> PASSED_BACK = Set.of("content-type", "content-encoding", "content-disposition", "cache-control",
            "etag", "last-modified", "vary", "location", "server-timing");

    /** One request as the proxy saw it. */
    record Seen(String method, String path, String acceptLanguage, String csrf, String idempotencyKey) { }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpServer proxy;
    ExecutorService threads;

    @BeforeAll
    void startProxy() throws IOException {
        threads = Executors.newFixedThreadPool(8);
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/planmap/", this::forward);
        proxy.setExecutor(threads);
        proxy.start();
    }

    @AfterAll
    void stopProxy() {
        proxy.stop(0);
        threads.shutdownNow();
    }

    /** Passes one request on to the app with /planmap taken off the path, and its answer back. */
    void forward(HttpExchange ex) throws IOException {
        URI asked = ex.getRequestURI();
        seen.add(new Seen(ex.getRequestMethod(), asked.getPath(), ex.getRequestHeaders().getFirst("Accept-Language"),
                ex.getRequestHeaders().getFirst("X-XSRF-TOKEN"), ex.getRequestHeaders().getFirst("Idempotency-Key")));
        String target = "http://localhost:" + port + asked.getRawPath().substring("/planmap".length())
                + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery());
        byte[] body = ex.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!Set.of("host", "connection", "content-length", "expect", "upgrade").contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (PASSED_BACK.contains(name.toLowerCase())) {
                    values.forEach(v -> ex.getResponseHeaders().add(name, v));
                }
            });
            byte[] out = answer.body();
            ex.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                ex.getResponseBody().write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.sendResponseHeaders(502, -1);
        } finally {
            ex.close();
        }
    }

    @Override
    protected String base() {
        return "http://localhost:" + proxy.getAddress().getPort() + "/planmap/";
    }

    @BeforeEach
    void clear() {
        seen.clear();
    }

    @Test
    void theMapDashboardAndPlannerWorkUnderASubPath() throws IOException {
        open(DESKTOP, "#f=zone-east");
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
        assertThat(seen).extracting(Seen::path).contains("/planmap/api/indicators", "/planmap/api/overlays/analyze");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void requestsCarryTheUiLanguageAndTheCsrfAndIdempotencyHeaders() {
        open(DESKTOP, "#lang=en");
        js("document.cookie = 'XSRF-TOKEN=test-token-1; path=/planmap'");
        driver.findElement(By.id("pm-tabbtn-list")).click();
        driver.findElement(By.cssSelector("#pm-feature-list button[data-feature-id='zone-west']")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pm-panel .pm-feature-name")));
        assertThat(seen).filteredOn(s -> s.path().equals("/planmap/api/features/zone-west")).first()
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

        Seen analyze = seen.stream().filter(s -> s.path().equals("/planmap/api/overlays/analyze")).findFirst().orElseThrow();
        assertThat(analyze.acceptLanguage()).isEqualTo("zh");
        assertThat(analyze.csrf()).isEqualTo("test-token-1");
        Seen save = seen.stream().filter(s -> s.method().equals("POST") && s.path().equals("/planmap/api/overlays")).findFirst().orElseThrow();
        assertThat(save.csrf()).isEqualTo("test-token-1");
        assertThat(save.idempotencyKey()).matches("[0-9a-f-]{36}");
        assertThat(seen).filteredOn(s -> s.method().equals("GET")).extracting(Seen::csrf).containsOnlyNulls();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }
}
