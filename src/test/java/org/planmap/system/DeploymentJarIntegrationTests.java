package org.planmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planmap.support.JarProcess;

/**
 * The packaged jar as an operator runs it (issue #14, "ready to deploy" and "browser security"): probes and
 * build info and nothing else from Actuator, the security headers on every kind of response, one log line per
 * request without its query string or a staff username, no SLF4J provider warning, a graceful stop, and a start from the wrong
 * folder that says where it looked for geodata in one line, before any database file exists.
 */
class DeploymentJarIntegrationTests {
    static final Path WORK = Path.of("target", "deployment-it").toAbsolutePath();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static JarProcess app;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(WORK);
        app = JarProcess.shared().awaitReady(Duration.ofSeconds(300));
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base() + path));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(app.base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void actuatorShowsProbesAndBuildInfoOnly() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).contains("\"UP\"");
        HttpResponse<String> ready = get("/actuator/health/readiness");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"UP\"").doesNotContain("jdbc").doesNotContain("H2");
        assertThat(get("/actuator/info").body()).contains("\"build\"").contains("\"version\":\"0.1.0-SNAPSHOT\"");
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/configprops",
                "/actuator/loggers", "/actuator/mappings", "/actuator/threaddump", "/actuator/shutdown")) {
            assertThat(get(hidden).statusCode()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/index.html", "/js/main.js", "/api/plan", "/api/layers", "/ogcapi?f=html",
                "/ogcapi/collections?f=html", "/no/such/page", "/error", "/actuator/health", "/api/features/nope")) {
            HttpResponse<String> r = get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'").contains("script-src 'self';").contains("frame-ancestors 'none'")
                    .contains("object-src 'none'");
            assertThat(csp.replaceAll("style-src [^;]*;", "")).as(path + ": no unsafe-inline outside styles").doesNotContain("unsafe");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
        }
        HttpResponse<String> embed = get("/embed");
        assertThat(embed.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors *");
        assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(get("/", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000; includeSubDomains");
    }

    @Test
    void oneLogLinePerRequestWithoutTheQueryString() throws Exception {
        get("/api/search?q=my-private-words");
        Thread.sleep(300);
        String log = app.log();
        assertThat(log).containsPattern("planmap\\.request\\s+: GET /api/search 200 \\d+ms").doesNotContain("my-private-words");
        // a staff username in the path is a person's name: logged as the pattern (the requests are refused, not
        // signed in, and are logged all the same)
        String username = "wang.xiaoming-" + System.nanoTime();
        for (String path : List.of("/api/staff/users/" + username + "/unlock", "/api/staff/users/" + username + "/password",
                "/api/staff/users/" + username)) {
            assertThat(post(path).statusCode()).as(path).isBetween(400, 499);
        }
        Thread.sleep(300);
        log = app.log();
        assertThat(log).containsPattern("planmap\\.request\\s+: POST /api/staff/users/\\{username\\}/unlock 40[13] \\d+ms")
                .containsPattern("planmap\\.request\\s+: POST /api/staff/users/\\{username\\}/password 40[13] \\d+ms")
                .doesNotContain(username);
        assertThat(log).doesNotContain("SLF4J").doesNotContain("multiple");
        assertThat(log).contains("Reading geodata from " + Path.of("geodata").toAbsolutePath());
    }

    @Test
    void startedFromAnotherFolderItSaysWhereItLookedBeforeCreatingAnyFile() throws Exception {
        Path elsewhere = Files.createTempDirectory("planmap-elsewhere-");
        try (JarProcess wrong = JarProcess.start(elsewhere, List.of("-Xmx256m"), List.of(), WORK.resolve("elsewhere.log"))) {
            assertThat(wrong.process().waitFor(90, TimeUnit.SECONDS)).as("exits by itself").isTrue();
            assertThat(wrong.process().exitValue()).isEqualTo(2);
            String log = wrong.log();
            assertThat(log).contains("No geodata at " + elsewhere.resolve("geodata")).contains("PLANMAP_GEODATA_DIR");
            assertThat(log.lines().filter(l -> l.contains(" ERROR ")).count()).as(log).isEqualTo(1);
            assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
            try (var files = Files.list(elsewhere)) {
                assertThat(files.toList()).as("no data/ folder, no database file").isEmpty();
            }
        }
    }
}
