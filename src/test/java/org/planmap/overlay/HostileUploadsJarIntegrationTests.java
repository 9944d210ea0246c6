package org.planmap.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planmap.support.JarProcess;
import tools.jackson.databind.JsonNode;

/**
 * Issue #14, "hostile uploads must cost a bounded amount": the packaged app, started as its own JVM with
 * {@code -Xmx512m} on H2GIS ({@link JarProcess#shared}, log {@code target/jar-app/app.log}), receives every upload of {@link HostileUploads} one after another while a second
 * client keeps making a resident's and a planner's normal requests. Every hostile upload gets its 4xx naming
 * its limit, no answer is a 5xx, the JVM never runs out of memory ({@code -XX:+ExitOnOutOfMemoryError} would
 * end it), and every normal request succeeds. The figures go to {@code target/hostile-uploads/results.txt}.
 */
class HostileUploadsJarIntegrationTests {
    static final Path CORPUS = Path.of("target", "hostile-uploads");
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static JarProcess app;
    static List<HostileUploads.Case> cases;

    @BeforeAll
    static void start() throws Exception {
        // the corpus (half a minute of writing) is made while the app starts
        app = JarProcess.shared();
        cases = HostileUploads.write(CORPUS);
        app.awaitReady(Duration.ofSeconds(300));
    }

    record Normal(String what, int status, long ms) { }

    @Test
    void everyHostileUploadIsRefusedWithItsLimitWhileNormalRequestsSucceed() throws Exception {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        List<Normal> normal = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread resident = new Thread(() -> normalRequests(normal, stop), "normal-user");
        resident.start();
        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder("file | bytes | status | ms | limit\n");
        for (HostileUploads.Case c : cases) {
            byte[] bytes = Files.readAllBytes(CORPUS.resolve(c.file()));
            long t0 = System.nanoTime();
            OverlayHttp.Answer a = c.json()
                    ? OverlayHttp.postJson(app.port(), "/api/overlays/analyze", new String(bytes, StandardCharsets.UTF_8))
                    : OverlayHttp.upload(app.port(), "/api/overlays/analyze", c.file(), bytes, Map.of());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String limit = a.status() >= 400 && a.status() != 200 ? a.json().path("limit").asString("") : "";
            table.append(c.file()).append(" | ").append(bytes.length).append(" | ").append(a.status()).append(" | ").append(ms)
                    .append(" | ").append(limit).append('\n');
            if (!c.statuses().contains(a.status())) wrong.add(c.file() + " → " + a.status() + " " + abbreviate(a.text()));
            if (c.limit() != null && !limit.equals("planmap.overlay." + c.limit())) {
                wrong.add(c.file() + " names limit '" + limit + "', expected planmap.overlay." + c.limit() + ": " + abbreviate(a.text()));
            }
            if (a.status() >= 400) {
                String type = a.response().headers().firstValue("Content-Type").orElse("");
                if (!type.startsWith("application/problem+json")) wrong.add(c.file() + " answered " + type);
            }
        }
        stop.set(true);
        resident.join();
        Files.writeString(CORPUS.resolve("results.txt"), table + "\nnormal requests: " + normal.size() + ", slowest "
                + normal.stream().mapToLong(Normal::ms).max().orElse(0) + " ms\n");
        assertThat(wrong).as("hostile uploads answered otherwise than expected").isEmpty();
        assertThat(app.process().isAlive()).as("the app survived: " + app.tail(30)).isTrue();
        assertThat(app.log()).doesNotContain("OutOfMemoryError").doesNotContain("StackOverflowError");
        assertThat(normal).as("normal requests made meanwhile").hasSizeGreaterThan(20);
        assertThat(normal).as("every normal request succeeded").allSatisfy(n -> assertThat(n.status()).as(n.what()).isEqualTo(200));
    }

    @Test
    void errorIsNotAResourceForAnyMethod() throws Exception {
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(app.base() + "/error"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " /error: " + r.body()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain("999");
        }
    }

    /** A resident reading the plan and the map, and a planner analysing a small area, until told to stop. */
    private static void normalRequests(List<Normal> out, AtomicBoolean stop) {
        byte[] good;
        try {
            good = Files.readAllBytes(OverlayUploadIntegrationTests.GOOD.resolve("good.geojson"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        while (!stop.get()) {
            for (String path : List.of("/api/plan", "/api/layers", "/api/layers/zones", "/api/features/zone-east", "/index.html")) {
                out.add(timed(path, () -> OverlayHttp.get(app.port(), path)));
            }
            out.add(timed("analyze good.geojson", () -> {
                OverlayHttp.Answer a = null;
                for (int attempt = 0; attempt < 10; attempt++) {
                    a = OverlayHttp.upload(app.port(), "/api/overlays/analyze", "good.geojson", good, Map.of());
                    if (a.status() != 503) return a; // the bulkhead is full: Retry-After says when to come back
                    Thread.sleep(1000L * Integer.parseInt(a.response().headers().firstValue("Retry-After").orElse("1")));
                }
                return a;
            }));
        }
    }

    interface Call {
        OverlayHttp.Answer call() throws Exception;
    }

    private static Normal timed(String what, Call call) {
        long t0 = System.nanoTime();
        try {
            OverlayHttp.Answer a = call.call();
            return new Normal(what, a.status(), (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception e) {
            return new Normal(what + " (" + e + ")", -1, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
