package org.planmap.ogcapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the real app on a random port over the real {@code geodata/}; expected answers come from the same
 * files ({@link GeodataOracle}). Page sizes are small (default 10, maximum 50) so paging and the clamp show on
 * project-sites (about a hundred features); they are set for every test context in
 * {@code src/test/resources/config/application.yml}, so these tests share the one H2GIS (or PostGIS) app context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class OgcApiTestBase {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The path the app is deployed under ({@code server.servlet.context-path}): empty, or e.g. {@code /maps}. */
    String contextPath() {
        return base().substring(("http://127.0.0.1:" + port).length());
    }

    /** GET {@code pathAndQuery} exactly as written (no re-encoding), with header name/value pairs. */
    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }
}
