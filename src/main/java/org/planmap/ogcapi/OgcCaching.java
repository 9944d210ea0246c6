package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Strong ETags for OGC responses, computed <em>before</em> any feature is read: a hash of the loaded data's
 * version ({@link DataVersion}) and of everything else the body depends on — the base URL the links use, the
 * path, the parsed query and the chosen format. Equal inputs give byte-identical bodies (the body's
 * {@code timeStamp} is the data's load time), so the tag is honestly strong. {@code If-None-Match} is compared
 * weakly, as RFC 9110 §13.1.2 requires, which also accepts the {@code W/} form a compressing proxy may send.
 */
@Component
class OgcCaching {
    private final DataVersion version;
    private final OgcApiProperties properties;

    OgcCaching(DataVersion version, OgcApiProperties properties) {
        this.version = version;
        this.properties = properties;
    }

    DataVersion.Snapshot data() {
        return version.current();
    }

    String etag(HttpServletRequest request, String variant) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            String key = version.current().hash() + "|" + OgcLinks.of(request).base() + "|" + request.getRequestURI()
                    + "|" + variant;
            return "\"" + HexFormat.of().formatHex(d.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean notModified(HttpServletRequest request, String etag) {
        String header = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (header == null) return false;
        String opaque = opaque(etag);
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(opaque)) return true;
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.endsWith("-gzip\"") ? t.substring(0, t.length() - 6) + "\"" : t;
    }

    ResponseEntity<byte[]> notModifiedResponse(String etag) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl()).build();
    }

    ResponseEntity<byte[]> ok(byte[] body, MediaType type, String etag) {
        return ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(cacheControl()).body(body);
    }

    private CacheControl cacheControl() {
        return CacheControl.maxAge(properties.cacheMaxAge(), TimeUnit.SECONDS).cachePublic();
    }
}
