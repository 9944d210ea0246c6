package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Strong ETags for OGC responses, computed <em>before</em> any feature is read: a hash of the loaded data's
 * version ({@link DataVersion}) and of everything else the body depends on — the base URL the links use, the
 * path, the parsed query and the chosen format. Equal inputs give byte-identical bodies (the body's
 * {@code timeStamp} is the data's load time), so the tag is honestly strong. {@code If-None-Match} is evaluated by
 * Spring ({@code checkNotModified}: weak comparison, as RFC 9110 §13.1.2 requires, so the {@code W/} form a
 * compressing proxy may send matches too). Every controller answers through {@link #serve}.
 */
@Component
class OgcCaching {
    private final DataVersion version;
    private final OgcApiProperties properties;
    private final boolean compression;
    private final long minCompressSize;
    private static final String GZIP_SUFFIX = "-gzip";
    private static final int MAX_CACHED_BODY = 4 << 20;
    private final int cacheEntries;
    private final java.util.LinkedHashMap<String, Cached> cache;

    OgcCaching(DataVersion version, OgcApiProperties properties,
               @Value("${server.compression.enabled:false}") boolean compression,
               @Value("${server.compression.min-response-size:2KB}") DataSize minCompressSize) {
        this.version = version;
        this.properties = properties;
        this.compression = compression;
        this.minCompressSize = minCompressSize.toBytes();
        this.cacheEntries = properties.responseCacheEntries();
        this.cache = new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Cached> eldest) {
                return size() > cacheEntries;
            }
        };
    }

    DataVersion.Snapshot data() {
        return version.current();
    }

    private String etag(HttpServletRequest request, String variant) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            String key = version.current().hash() + "|" + OgcLinks.of(request).base() + "|" + request.getRequestURI()
                    + "|" + variant;
            return "\"" + HexFormat.of().formatHex(d.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response body and its media type, as a controller builds it on a cache miss. */
    record Body(byte[] bytes, MediaType type) {
        static Body of(String text, MediaType type) {
            return new Body(text.getBytes(StandardCharsets.UTF_8), type);
        }
    }

    /**
     * The one way an OGC resource is answered, once the controller knows the resource exists: the ETag of
     * {@code variant} (everything besides the data version, base URL and path that the body depends on) is
     * computed before anything is read; {@code If-None-Match} is evaluated by Spring's
     * {@link ServletWebRequest#checkNotModified(String)} (304 without a body); then the in-memory cache is asked,
     * and only on a miss is {@code build} run. {@code headers} (e.g. {@code Content-Crs}) go on every answer,
     * 304 included. A missing resource must throw before this is called, so {@code If-None-Match: *} on it is a
     * 404, never a 304.
     *
     * @return the answer, or null when it is a 304 already written to the response
     */
    ResponseEntity<byte[]> serve(ServletWebRequest web, String variant, HttpHeaders headers, Supplier<Body> build) {
        HttpServletRequest request = web.getRequest();
        String etag = etag(request, variant);
        if (notModified(web, etag)) {
            HttpServletResponse response = web.getResponse();
            if (response != null) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl().getHeaderValue());
                response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            }
            return null;
        }
        ResponseEntity<byte[]> answer = cached(request, etag);
        if (answer == null) {
            Body body = build.get();
            answer = ok(request, body.bytes(), body.type(), etag);
        }
        if (headers.isEmpty()) return answer;
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).headers(headers).body(answer.getBody());
    }

    /** {@link #serve(ServletWebRequest, String, HttpHeaders, Supplier)} without extra headers. */
    ResponseEntity<byte[]> serve(ServletWebRequest web, String variant, Supplier<Body> build) {
        return serve(web, variant, HttpHeaders.EMPTY, build);
    }

    /**
     * Spring's conditional-request check, against the identity tag and then, when the client holds the gzip
     * variant of this response (same content, its own strong tag), against that one, whose tag the 304 repeats.
     */
    private static boolean notModified(ServletWebRequest web, String etag) {
        if (web.getHeader(HttpHeaders.IF_NONE_MATCH) == null) return false;
        if (web.checkNotModified(etag)) return true;
        String gzipTag = etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
        if (!web.checkNotModified(gzipTag)) return false;
        if (web.getResponse() != null) web.getResponse().setHeader(HttpHeaders.ETAG, gzipTag);
        return true;
    }

    /**
     * A 200 with the body gzip-compressed when the client accepts it and compression is on. Tomcat's own
     * compression skips responses with a strong ETag (a compressed body is a different representation), so
     * it is done here, and the gzip variant gets its own strong tag ({@code "…-gzip"}).
     */
    private ResponseEntity<byte[]> ok(HttpServletRequest request, byte[] body, MediaType type, String etag) {
        if (cacheEntries > 0 && body.length <= MAX_CACHED_BODY) {
            synchronized (cache) {
                cache.put(etag, new Cached(body, type));
            }
        }
        return respond(request, body, type, etag);
    }

    /**
     * The response for this tag from the in-memory cache, or null. The tag covers the data version and the
     * whole request, so an entry is exactly the body that would be built again; a reload of the data changes
     * every tag, and old entries age out of the LRU.
     */
    private ResponseEntity<byte[]> cached(HttpServletRequest request, String etag) {
        if (cacheEntries == 0) return null;
        Cached c;
        synchronized (cache) {
            c = cache.get(etag);
        }
        return c == null ? null : respond(request, c.body(), c.type(), etag);
    }

    private record Cached(byte[] body, MediaType type) { }

    private ResponseEntity<byte[]> respond(HttpServletRequest request, byte[] body, MediaType type, String etag) {
        ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(type).cacheControl(cacheControl())
                .varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (compression && body.length >= minCompressSize && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            return b.eTag(etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"")
                    .header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzip(body));
        }
        return b.eTag(etag).body(body);
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] tokens = part.trim().split(";");
            String coding = tokens[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("*")) continue;
            boolean zero = false;
            for (int i = 1; i < tokens.length; i++) {
                String t = tokens[i].trim().replace(" ", "");
                if (t.matches("q=0(\\.0{0,3})?")) zero = true;
            }
            if (!zero) return true;
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 4 + 64);
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private CacheControl cacheControl() {
        return CacheControl.maxAge(properties.cacheMaxAge(), TimeUnit.SECONDS).cachePublic();
    }
}
