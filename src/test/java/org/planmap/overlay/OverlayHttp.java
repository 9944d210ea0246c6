package org.planmap.overlay;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** java.net.http helpers for the overlay and export API tests: multipart uploads, JSON posts, parsed answers. */
public final class OverlayHttp {
    public static final HttpClient CLIENT = HttpClient.newHttpClient();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private OverlayHttp() { }

    public record Answer(int status, byte[] body, HttpResponse<byte[]> response) {
        public JsonNode json() {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A multipart upload of one file (form field {@code file}) with the other form fields and header name/value pairs. */
    public static Answer upload(int port, String path, String filename, byte[] bytes, Map<String, String> fields, String... headers)
            throws Exception {
        String boundary = "----pm" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return send(request.build());
    }

    /** A JSON body, with header name/value pairs. */
    public static Answer postJson(int port, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return send(request.build());
    }

    public static Answer get(int port, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    public static Answer delete(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE();
        if (token != null) b.header("X-Delete-Token", token);
        return send(b.build());
    }

    public static Answer send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.body(), r);
    }
}
