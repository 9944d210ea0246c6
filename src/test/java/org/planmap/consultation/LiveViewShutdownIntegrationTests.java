package org.planmap.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.planmap.PlanMapApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue #14, "graceful shutdown": a rolling restart does not wait for open live views. The web server's graceful
 * shutdown waits up to 20 s for requests in flight, and an open live stream is one; so {@link LiveComments} ends
 * every stream when the stop begins, cleanly (the browser's EventSource reconnects, to an instance that stays).
 * The app is started here, on the test configuration's in-memory H2GIS, so that the test can stop it.
 */
class LiveViewShutdownIntegrationTests {
    /** Well under the 20 s the web server would wait for a stream left open. */
    static final Duration STOP_BOUND = Duration.ofSeconds(8);

    @Test
    void anOpenLiveViewEndsCleanlyWhenTheAppStopsAndDoesNotHoldUpTheStop() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(PlanMapApplication.class).run("--server.port=0");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Consultation c = new Consultation(ConsultationRepository.newCode(), "磁器口片区更新", "Ciqikou renewal",
                    Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600), List.of("p6-c16"), List.of(),
                    List.of(new Consultation.Question("您怎么看？", "What do you think?")), Consultation.PublishMode.MODERATED, Instant.now());
            app.getBean(ConsultationRepository.class).insert(c);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            CompletableFuture<String> ended = follow(port, c.id(), lines);
            assertThat(lines.poll(5, TimeUnit.SECONDS)).as("the first count event: connected").startsWith("event:");

            long t0 = System.nanoTime();
            app.close();
            Duration stop = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(stop).as("the stop, with a live view open").isLessThan(STOP_BOUND);
            assertThat(ended.get(2, TimeUnit.SECONDS)).as("how the client's stream ended").isEqualTo("end of stream");
            assertThat(lines).as("the stream told the browser to reconnect soon").contains("retry:1000");
        } finally {
            app.close();
        }
    }

    /** Reads the live view on a daemon thread into {@code lines}; completes with how the stream ended. */
    private static CompletableFuture<String> follow(int port, String consultation, BlockingQueue<String> lines) throws Exception {
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/consultations/" + consultation + "/live"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        CompletableFuture<String> ended = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
                ended.complete("end of stream");
            } catch (Exception e) {
                ended.complete("broken: " + e);
            }
        });
        t.setDaemon(true);
        t.start();
        return ended;
    }
}
