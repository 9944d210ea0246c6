package org.planmap.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue #14, "a bulkhead": with {@code planmap.overlay.max-concurrent-analyses=1}, planners who upload large files
 * at the same moment get one analysis (200) and, for the others, an immediate 503 with {@code Retry-After} and a
 * JSON problem naming the limit, never an error page or a wait for memory. A small request (a drawn shape) is not
 * counted and is served even while the bulkhead is full. Real concurrency, no hook: each upload takes the analysis
 * long enough ({@link SlowUpload}) that requests sent together meet inside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "planmap.overlay.max-concurrent-analyses=1")
class AnalysisBulkheadIntegrationTests {
    static final String LIMIT = "planmap.overlay.max-concurrent-analyses";
    static final int SITES = 400;
    static final byte[] LARGE = SlowUpload.geojson(SITES, 1000);
    static final String DRAWN = "{\"wkt\":\"POLYGON ((106.44 29.57, 106.46 29.57, 106.46 29.59, 106.44 29.59, 106.44 29.57))\"}";

    /** One thread per planner, whatever the machine's cores (the common pool may have just one). */
    static final ExecutorService PLANNERS = Executors.newCachedThreadPool();

    @LocalServerPort
    int port;

    record Timed(OverlayHttp.Answer answer, Duration took) { }

    @Test
    void planersUploadingTogetherGetOneAnalysisAndTheOthersA503WithRetryAfter() throws Exception {
        int planners = 4;
        CountDownLatch together = new CountDownLatch(1);
        List<CompletableFuture<Timed>> sent = new ArrayList<>();
        for (int i = 0; i < planners; i++) {
            sent.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return analyzeLarge();
            }, PLANNERS));
        }
        together.countDown();
        List<Timed> analysed = new ArrayList<>();
        List<Timed> refused = new ArrayList<>();
        for (CompletableFuture<Timed> f : sent) {
            Timed t = f.get();
            assertThat(t.answer().status()).as(t.answer().text()).isIn(200, 503);
            (t.answer().status() == 200 ? analysed : refused).add(t);
        }
        assertThat(analysed).as("at least one analysis done").isNotEmpty();
        assertThat(refused).as("one analysis at a time: the others refused").isNotEmpty();
        for (Timed t : analysed) assertThat(t.answer().json().path("report").path("features")).hasSize(SITES);
        Duration fastestAnalysis = analysed.stream().map(Timed::took).min(Duration::compareTo).orElseThrow();
        for (Timed t : refused) {
            assertBusy(t.answer());
            assertThat(t.took()).as("refused at once, not after waiting for the analysis").isLessThan(fastestAnalysis);
        }
    }

    @Test
    void aDrawnShapeIsAnalysedWhileTheBulkheadIsFull() throws Exception {
        CompletableFuture<OverlayHttp.Answer> slow = SlowUpload.analysing(port, LARGE, PLANNERS);

        OverlayHttp.Answer drawn = OverlayHttp.postJson(port, "/api/overlays/analyze", DRAWN);
        assertThat(drawn.status()).as(drawn.text()).isEqualTo(200);
        assertThat(drawn.json().path("report").path("features")).hasSize(1);
        assertThat(slow.get().status()).as("the large upload itself").isEqualTo(200);
    }

    /** 503 with Retry-After in seconds, as RFC 9457 JSON naming the limit and saying to try again. */
    private static void assertBusy(OverlayHttp.Answer a) {
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.response().headers().firstValue("Retry-After")).hasValue("2");
        assertThat(a.response().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = a.json();
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("limit").asString()).isEqualTo(LIMIT);
        assertThat(problem.path("detail").asString()).contains("try again");
    }

    private Timed analyzeLarge() {
        long t0 = System.nanoTime();
        try {
            OverlayHttp.Answer a = OverlayHttp.upload(port, "/api/overlays/analyze", "sites.geojson", LARGE, Map.of());
            return new Timed(a, Duration.ofNanos(System.nanoTime() - t0));
        } catch (Exception e) {
            throw new IllegalStateException("upload failed", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
