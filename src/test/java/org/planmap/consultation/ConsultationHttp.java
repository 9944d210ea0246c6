package org.planmap.consultation;

import java.net.URI;
import java.net.http.HttpRequest;
import org.planmap.overlay.OverlayHttp;

/** HTTP calls of the consultation tests (java.net.http against the running app). */
final class ConsultationHttp {
    private final int port;

    ConsultationHttp(int port) {
        this.port = port;
    }

    OverlayHttp.Answer post(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return OverlayHttp.send(b.build());
    }

    OverlayHttp.Answer get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return OverlayHttp.send(b.build());
    }
}
