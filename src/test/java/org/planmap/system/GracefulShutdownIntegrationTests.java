package org.planmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.planmap.PlanMapApplication;
import org.planmap.overlay.OverlayHttp;
import org.planmap.overlay.SlowUpload;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue #14, "graceful shutdown" ({@code server.shutdown: graceful}): a planner's analysis that is running when the
 * app is told to stop (a rolling restart) still gets its 200 and its report. The app is started here, on the test
 * configuration's in-memory H2GIS, so that the test can stop it. With {@code max-concurrent-analyses=1} a second
 * large upload refused with 503 shows that the first is inside the analysis when the stop begins.
 */
class GracefulShutdownIntegrationTests {
    static final int SITES = 400;
    static final byte[] LARGE = SlowUpload.geojson(SITES, 1000);
    static final ExecutorService CLIENTS = Executors.newCachedThreadPool();

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    @Test
    void anAnalysisRunningWhenTheAppIsStoppedStillGetsItsReport() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(PlanMapApplication.class)
                .run("--server.port=0", "--planmap.overlay.max-concurrent-analyses=1");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            CompletableFuture<OverlayHttp.Answer> running = SlowUpload.analysing(port, LARGE, CLIENTS);

            long stopBegan = System.nanoTime();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close, CLIENTS);
            OverlayHttp.Answer answer = running.get();
            long answered = System.nanoTime();
            stopping.get();

            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().path("report").path("features")).hasSize(SITES);
            assertThat(answered).as("the analysis was still running when the stop began").isGreaterThan(stopBegan);
            assertThat(app.isActive()).as("the app stopped").isFalse();
        } finally {
            app.close();
        }
    }
}
