package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.system.BodyCache;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * ETags for OGC responses, computed <em>before</em> any feature is read: a hash of the data snapshot's tag (its
 * {@code data_version} counter and when that last moved) and of everything else the body depends on — the base URL the links use, the path, the
 * parsed query and the chosen format. Equal inputs give byte-identical bodies (the body's {@code timeStamp} is the
 * data's load time). The tags are weak ({@code W/"…"}) only because the server's own compression
 * ({@code server.compression.*}) sends the same content gzip-encoded to clients that accept it, and Tomcat leaves
 * strongly tagged responses uncompressed. {@code If-None-Match} is evaluated by Spring ({@code checkNotModified}:
 * weak comparison, as RFC 9110 §13.1.2 requires). Encoded bodies are kept in a {@link BodyCache} (Caffeine,
 * weighted by bytes) under their tag. Every controller answers through {@link #serve}, which hands the body's
 * builder the very snapshot the tag was made of: a body is never of another data version than its ETag.
 */
@Component
class OgcCaching {
    private final DataSnapshots snapshots;
    private final BodyCache cache;
    /** The Cache-Control value of every OGC answer: the same for all, so made once. */
    private final String cacheControl;

    OgcCaching(DataSnapshots snapshots, OgcApiProperties properties) {
        this.snapshots = snapshots;
        this.cache = new BodyCache(properties.responseCacheSize().toBytes());
        this.cacheControl = CacheControl.maxAge(properties.cacheMaxAge(), TimeUnit.SECONDS).cachePublic().getHeaderValue();
    }

    /** Cloned per tag: looking the algorithm up among the security providers cost more than hashing the key. */
    private static final MessageDigest SHA_256;
    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static String etag(HttpServletRequest request, DataSnapshot data, String variant) {
        MessageDigest d;
        try {
            d = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        String key = data.tag() + "|" + OgcLinks.of(request).base() + "|" + request.getRequestURI() + "|" + variant;
        return "W/\"" + HexFormat.of().formatHex(d.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16) + "\"";
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
     * <p>
     * The answer is written to {@code response} here, not returned for Spring to write: the format is negotiated
     * and the tag checked already, and Spring's return value handling (handler selection, converters, body advice,
     * a second conditional check) was an eighth of a small item's time (bench/README.md, "OGC API speed under
     * load"). A controller that takes the {@link HttpServletResponse} and returns nothing tells Spring MVC it has
     * answered. HEAD bodies are dropped by Tomcat; compression is Tomcat's.
     */
    void serve(HttpServletRequest request, HttpServletResponse response, DataSnapshot data, String variant,
               HttpHeaders headers, Function<DataSnapshot, Body> build) {
        String etag = etag(request, data, variant);
        if (request.getHeader(HttpHeaders.IF_NONE_MATCH) != null && new ServletWebRequest(request, response).checkNotModified(etag)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            return;
        }
        BodyCache.Body body = cache.get(etag, key -> {
            Body built = build.apply(data);
            return new BodyCache.Body(built.bytes(), built.type());
        });
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(body.type().toString());
        response.setContentLength(body.bytes().length);
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.ETAG, etag);
        headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        try {
            response.getOutputStream().write(body.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a client that left: ProblemHandler recognises it in the cause
        }
    }

    /** {@link #serve(HttpServletRequest, HttpServletResponse, DataSnapshot, String, HttpHeaders, Function)} of the current snapshot. */
    void serve(HttpServletRequest request, HttpServletResponse response, String variant, HttpHeaders headers,
               Function<DataSnapshot, Body> build) {
        serve(request, response, snapshots.current(), variant, headers, build);
    }

    /** {@link #serve(HttpServletRequest, HttpServletResponse, DataSnapshot, String, HttpHeaders, Function)} of the current snapshot, no extra headers. */
    void serve(HttpServletRequest request, HttpServletResponse response, String variant, Function<DataSnapshot, Body> build) {
        serve(request, response, snapshots.current(), variant, HttpHeaders.EMPTY, build);
    }
}
