package org.planmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.planmap.support.CuttableTcpProxy;
import org.planmap.support.Http;
import org.planmap.support.PostgisTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue #14, "Database faults": the app on PostGIS (profile {@code postgis}, as deployed) reaches the database
 * through a {@link CuttableTcpProxy}, which each test breaks in one of the two ways a database goes away: the
 * server stops (connections reset, new ones refused) or the network goes silent (nothing answers; only the app's
 * own timeouts end a wait). Meanwhile every request answers within 2 s: what needs the database with 503,
 * {@code Retry-After} and a plain problem; the plan, the map's files and its layers with 200 as usual; the status
 * says degraded and readiness is down, liveness up. Once the database is back the app serves saved overlays again
 * within 10 s, without a restart. The log says so in short lines: no stack trace for a request the outage caught.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgis")
@DirtiesContext // its pool goes through this class's proxy: no other class may share the context
class DatabaseOutagePostgisIntegrationTests {
    /** The bound on every answer while the database is away. */
    static final Duration ANSWER_BOUND = Duration.ofSeconds(2);
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);
    /** The status follows the breaker, which the heartbeat opens within its interval (1 s) and timeout (2 s). */
    static final Duration STATUS_BOUND = Duration.ofSeconds(3);
    static final String SQUARE = "{\"name\":\"outage test\",\"wkt\":\"POLYGON ((106.44 29.57, 106.46 29.57, 106.46 29.59, "
            + "106.44 29.59, 106.44 29.57))\"}";
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final CuttableTcpProxy PROXY = startProxy();
    /** One thread per concurrent reader, whatever the machine's cores (the common pool may have just one). */
    static final ExecutorService READERS = Executors.newCachedThreadPool();

    /**
     * How the database goes away, and the longest a request caught by it may wait. A stopped server resets its
     * connections: every request answers within the 2 s. On a silent network nothing tells the app; a
     * request already waiting on a lent connection answers once the app has noticed (the breaker aborts the
     * connections in use) instead of after the driver's 60 s socket timeout; requests after that within 2 s.
     */
    enum Fault {
        SERVER_STOPPED(ANSWER_BOUND), NETWORK_SILENT(Duration.ofSeconds(4));

        final Duration caughtBound;

        Fault(Duration caughtBound) {
            this.caughtBound = caughtBound;
        }

        void apply() throws Exception {
            if (this == SERVER_STOPPED) PROXY.cut();
            else PROXY.silence();
        }
    }

    record Answer(int status, String body, HttpResponse<String> response, Duration took) {
        JsonNode json() {
            return Http.parse(body);
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }
    }

    @LocalServerPort
    int port;

    String savedOverlay;

    private static CuttableTcpProxy startProxy() {
        try {
            return new CuttableTcpProxy(PostgisTestDatabase.server());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the proxy in front of PostGIS", e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.registerThrough(registry, PROXY.port());
    }

    @BeforeEach
    void saveAnOverlayAndWarmTheLayers() throws InterruptedException {
        // the previous test's outage may still echo for a second (a pool wait that began before the restore)
        Answer saved = null;
        for (long end = System.nanoTime() + RECOVERY_BOUND.toNanos(); System.nanoTime() < end; Thread.sleep(200)) {
            saved = send("POST", "/api/overlays", SQUARE);
            if (saved.status() != 503) break;
        }
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        savedOverlay = "/api/overlays/" + saved.json().path("id").asString();
        assertThat(send("GET", savedOverlay, null).status()).isEqualTo(200);
        assertThat(send("GET", "/api/layers/zones", null).status()).isEqualTo(200);
        assertThat(status().path("degraded").asBoolean()).as("before the fault").isFalse();
    }

    @AfterEach
    void databaseBack() throws Exception {
        PROXY.restore();
    }

    @AfterAll
    static void stopProxy() throws Exception {
        PROXY.close();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aSavedOverlayAnswers503WithRetryAfterAndAPlainProblemWithin2Seconds(Fault fault, CapturedOutput log) throws Exception {
        int before = log.getAll().length();
        fault.apply();
        // the first request meets the broken pool, the later ones the open breaker: all must be quick and plain
        assertDatabaseAway(send("GET", savedOverlay, null), fault.caughtBound);
        for (int i = 0; i < 3; i++) {
            assertDatabaseAway(send("GET", savedOverlay, null));
            Thread.sleep(500);
        }
        assertNoStackTrace(log, before);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void savingAnOverlayAnswers503WithRetryAfterAndAPlainProblemWithin2Seconds(Fault fault, CapturedOutput log) throws Exception {
        int before = log.getAll().length();
        fault.apply();
        // the save's transaction fails on a lost connection: its rollback cannot reach the database either
        assertDatabaseAway(send("POST", "/api/overlays", SQUARE), fault.caughtBound);
        for (int i = 0; i < 3; i++) {
            assertDatabaseAway(send("POST", "/api/overlays", SQUARE));
            Thread.sleep(500);
        }
        assertNoStackTrace(log, before);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void thePlanTheMapsFilesAndItsLayersKeepAnsweringWhileManyRequestsWaitForTheDatabase(Fault fault) throws Exception {
        fault.apply();
        // twenty readers of saved overlays at once (the Tomcat pool has 200 threads; the database pool 10)
        List<CompletableFuture<Answer>> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) waiting.add(CompletableFuture.supplyAsync(() -> send("GET", savedOverlay, null), READERS));
        for (String path : List.of("/api/plan", "/index.html", "/api/layers/zones", "/api/layers", "/api/config")) {
            Answer a = send("GET", path, null);
            assertThat(a.status()).as("GET " + path + ": " + abbreviate(a.body())).isEqualTo(200);
            assertThat(a.took()).as("GET " + path).isLessThan(Duration.ofSeconds(1));
        }
        for (CompletableFuture<Answer> w : waiting) assertDatabaseAway(w.get(), fault.caughtBound);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void theStatusSaysDegradedAndReadinessIsDownWhileLivenessStaysUp(Fault fault, CapturedOutput log) throws Exception {
        int before = log.getAll().length();
        assertThat(send("GET", "/actuator/health/readiness", null).status()).as("ready before the fault").isEqualTo(200);
        fault.apply();
        assertDatabaseAway(send("GET", savedOverlay, null), fault.caughtBound); // the app has now met the fault

        // a statement that failed on a reset connection is answered 503 before the breaker hears of it: the
        // heartbeat tells it soon after
        JsonNode status = status();
        for (long end = System.nanoTime() + STATUS_BOUND.toNanos(); !status.path("degraded").asBoolean() && System.nanoTime() < end; ) {
            Thread.sleep(100);
            status = status();
        }
        assertThat(status.path("degraded").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.path("database").asString()).isEqualTo("down");
        Answer readiness = send("GET", "/actuator/health/readiness", null);
        assertThat(readiness.status()).as("readiness: " + readiness.body()).isEqualTo(503);
        assertThat(readiness.json().path("status").asString()).isIn("DOWN", "OUT_OF_SERVICE");
        assertThat(readiness.took()).isLessThan(ANSWER_BOUND);
        Answer liveness = send("GET", "/actuator/health/liveness", null);
        assertThat(liveness.status()).as("liveness: " + liveness.body()).isEqualTo(200);
        assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
        assertNoStackTrace(log, before);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void onceTheDatabaseIsBackSavedOverlaysAreServedAgainWithin10Seconds(Fault fault) throws Exception {
        fault.apply();
        assertDatabaseAway(send("GET", savedOverlay, null), fault.caughtBound);
        Thread.sleep(3000); // an outage of a few seconds, longer than the breaker's probe interval
        assertDatabaseAway(send("GET", savedOverlay, null));

        PROXY.restore();
        Duration recovery = awaitSavedOverlay();
        assertThat(recovery).as("from the database's return to the first saved overlay served").isLessThan(RECOVERY_BOUND);
        assertThat(status().path("degraded").asBoolean()).isFalse();
        assertThat(send("GET", "/actuator/health/readiness", null).status()).as("ready again").isEqualTo(200);
        assertThat(send("POST", "/api/overlays", SQUARE).status()).as("saving again").isEqualTo(201);
    }

    /** 503 within 2 s, with a Retry-After in seconds and an RFC 9457 problem that names no SQL, driver or stack. */
    private static void assertDatabaseAway(Answer a) {
        assertDatabaseAway(a, ANSWER_BOUND);
    }

    private static void assertDatabaseAway(Answer a, Duration bound) {
        String what = a.response().request().method() + " " + a.response().request().uri().getPath();
        assertThat(a.status()).as(what + ": " + abbreviate(a.body())).isEqualTo(503);
        assertThat(a.took()).as(what + " answered after").isLessThan(bound);
        assertThat(a.header("Retry-After")).as(what + " Retry-After").matches("[1-9][0-9]*");
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = a.json();
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asString()).contains("database").contains("try again");
        assertThat(a.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("select")
                .doesNotContainIgnoringCase("jdbc").doesNotContainIgnoringCase("postgres").doesNotContainIgnoringCase("hikari")
                .doesNotContain("at org.").doesNotContain("127.0.0.1");
    }

    /**
     * What the requests logged since {@code from} holds short lines only: an outage is told by the breaker's state
     * changes and one line per request answered 503, not by a stack trace per request ("Application exception
     * overridden by rollback exception" of Spring's TransactionTemplate, "marked as broken" of Hikari, "health check
     * failed"). Entries of the request threads (Tomcat's {@code exec-N}) only: a background task's own timing (Spring
     * Session's cleanup, once a minute) is not what this test is about.
     */
    private static void assertNoStackTrace(CapturedOutput log, int from) {
        String during = log.getAll().substring(from);
        assertThat(during).as("the log during the outage").contains("answered 503: database unavailable");
        List<String> fromRequests = new ArrayList<>();
        boolean request = false;
        for (String line : during.split("\n")) {
            if (line.matches("^\\d{4}-\\d\\d-\\d\\dT.*")) request = line.contains("-exec-");
            if (request) fromRequests.add(line);
        }
        assertThat(fromRequests).as("the request threads' log during the outage").isNotEmpty()
                .noneMatch(l -> l.startsWith("\tat ")).noneMatch(l -> l.contains("overridden by rollback exception"));
    }

    /** Polls a saved overlay until it is served (200); fails after 10 s. Returns how long it took. */
    private Duration awaitSavedOverlay() throws InterruptedException {
        long start = System.nanoTime();
        Answer last = null;
        while (System.nanoTime() - start < RECOVERY_BOUND.toNanos()) {
            last = send("GET", savedOverlay, null);
            if (last.status() == 200) return Duration.ofNanos(System.nanoTime() - start);
            Thread.sleep(200);
        }
        throw new AssertionError("saved overlay not served within " + RECOVERY_BOUND + "; last answer " + last.status() + " "
                + abbreviate(last.body()));
    }

    private JsonNode status() {
        Answer a = send("GET", "/api/status", null);
        assertThat(a.status()).as("/api/status").isEqualTo(200);
        assertThat(a.took()).as("/api/status").isLessThan(ANSWER_BOUND);
        return a.json();
    }

    /** One request, timed; the client gives up after 30 s, so a hang shows as a slow answer, not a stuck test. */
    private Answer send(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        if (json == null) b.method(method, HttpRequest.BodyPublishers.noBody());
        else b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r, Duration.ofNanos(System.nanoTime() - t0));
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " got no answer after " + Duration.ofNanos(System.nanoTime() - t0), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
