package org.planmap.overlay;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

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
}
