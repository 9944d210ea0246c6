package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.planmap.system.BodyCache;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * ETags for OGC responses, computed <em>before</em> any feature is read: a hash of the loaded data's version
 * ({@link DataVersion}) and of everything else the body depends on — the base URL the links use, the path, the
 * parsed query and the chosen format. Equal inputs give byte-identical bodies (the body's {@code timeStamp} is the
 * data's load time). The tags are weak only because the server's own compression ({@code server.compression.*})
 * sends the same content gzip-encoded to clients that accept it, and leaves strongly tagged responses alone.
 * {@code If-None-Match} is compared weakly, as RFC 9110 §13.1.2 requires. Encoded bodies are kept in a
 * {@link BodyCache} under their tag.
 */
@Component
class OgcCaching {
    private final DataVersion version;
    private final OgcApiProperties properties;
    private final BodyCache cache;

    OgcCaching(DataVersion version, OgcApiProperties properties) {
        this.version = version;
        this.properties = properties;
        this.cache = new BodyCache(properties.responseCacheSize().toBytes());
    }

    DataVersion.Snapshot data() {
        return version.current();
    }

    String etag(HttpServletRequest request, String variant) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            String key = version.current().hash() + "|" + OgcLinks.of(request).base() + "|" + request.getRequestURI()
                    + "|" + variant;
            return "W/\"" + HexFormat.of().formatHex(d.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 304 when {@code If-None-Match} holds this response's tag (or {@code *}), compared weakly; otherwise null. */
    ResponseEntity<byte[]> revalidate(HttpServletRequest request, String etag) {
        String header = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (header == null) return null;
        String opaque = opaque(etag);
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(opaque)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl())
                        .varyBy(HttpHeaders.ACCEPT_ENCODING).build();
            }
        }
        return null;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** A 200 with the body, kept in the response cache under its tag. */
    ResponseEntity<byte[]> ok(HttpServletRequest request, byte[] body, MediaType type, String etag) {
        cache.put(etag, new BodyCache.Body(body, type));
        return respond(body, type, etag);
    }

    /**
     * The response for this tag from the in-memory cache, or null. The tag covers the data version and the
     * whole request, so an entry is exactly the body that would be built again; a reload of the data changes
     * every tag, and old entries age out.
     */
    ResponseEntity<byte[]> cached(HttpServletRequest request, String etag) {
        BodyCache.Body c = cache.get(etag);
        return c == null ? null : respond(c.bytes(), c.type(), etag);
    }

    /**
     * The tag is weak ({@code W/"…"}): the server compresses bodies for clients that accept gzip
     * ({@code server.compression.*}), and Tomcat compresses only responses whose tag admits another encoding.
     */
    private ResponseEntity<byte[]> respond(byte[] body, MediaType type, String etag) {
        return ResponseEntity.ok().contentType(type).cacheControl(cacheControl()).eTag(etag).body(body);
    }

    private CacheControl cacheControl() {
        return CacheControl.maxAge(properties.cacheMaxAge(), TimeUnit.SECONDS).cachePublic();
    }
}
