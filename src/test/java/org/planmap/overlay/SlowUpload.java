package org.planmap.overlay;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A legal upload that takes the analysis a while: {@code features} round sites of {@code vertices} vertices each,
 * laid in a row across 磁器口 and 大学城 so every one touches several zones. Far inside every limit of the test
 * configuration (500 features, 20,000 vertices each, 500,000 in all), and above {@code bulkhead-min-bytes}, so
 * the bulkhead counts it.
 */
public final class SlowUpload {
    private SlowUpload() { }

    public static byte[] geojson(int features, int vertices) {
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int f = 0; f < features; f++) {
            if (f > 0) b.append(',');
            double lon = 106.30 + 0.16 * f / Math.max(1, features - 1);
            double lat = 29.575 + 0.02 * ((f % 5) / 4.0);
            b.append("{\"type\":\"Feature\",\"properties\":{\"名称\":\"site ").append(f).append("\"},")
                    .append("\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
            for (int v = 0; v <= vertices; v++) {
                double a = 2 * Math.PI * (v % vertices) / vertices;
                if (v > 0) b.append(',');
                b.append(String.format(Locale.ROOT, "[%.6f,%.6f]", lon + 0.01 * Math.cos(a), lat + 0.008 * Math.sin(a)));
            }
            b.append("]]}}");
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Starts analysing {@code upload} and returns once it is inside the bulkhead of an app whose
     * {@code max-concurrent-analyses} is 1, as a planner would see it: a second such upload is refused with 503.
     * When the second one gets in first, the first is the one refused, and it starts again.
     */
    public static CompletableFuture<OverlayHttp.Answer> analysing(int port, byte[] upload, Executor executor) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            CompletableFuture<OverlayHttp.Answer> first = CompletableFuture.supplyAsync(() -> analyze(port, upload), executor);
            Thread.sleep(300); // its head start
            while (!first.isDone()) {
                if (analyze(port, upload).status() == 503) return first;
            }
        }
        throw new AssertionError("no second upload was refused while a first one was analysed");
    }

    public static OverlayHttp.Answer analyze(int port, byte[] upload) {
        try {
            return OverlayHttp.upload(port, "/api/overlays/analyze", "sites.geojson", upload, Map.of());
        } catch (Exception e) {
            throw new IllegalStateException("upload failed", e);
        }
    }
}
