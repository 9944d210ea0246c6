package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Builds the absolute URLs of the OGC resources for one request (scheme, host and port as the client used
 * them). Paths and query values are percent-encoded here, so callers pass plain text.
 */
final class OgcLinks {
    static final String ROOT = "/ogcapi";
    private final String base;

    private OgcLinks(String base) {
        this.base = base;
    }

    static OgcLinks of(HttpServletRequest request) {
        return new OgcLinks(ServletUriComponentsBuilder.fromContextPath(request).path(ROOT).build().toUriString());
    }

    String base() {
        return base;
    }

    /** {@code base + path} with each path segment already safe (ids are encoded). */
    String url(String path) {
        return base + path;
    }

    static String segment(String id) {
        return UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    String collection(String id) {
        return url("/collections/" + segment(id));
    }

    String items(String id) {
        return collection(id) + "/items";
    }

    String item(String collection, String featureId) {
        return items(collection) + "/" + segment(featureId);
    }

    /** {@code url} with the given query parameters (plain values, encoded here) and {@code f}. */
    static String withQuery(String url, Map<String, String> params, String f) {
        UriComponentsBuilder b = UriComponentsBuilder.fromUriString(url);
        params.forEach((k, v) -> b.queryParam(k, UriUtils.encodeQueryParam(v, java.nio.charset.StandardCharsets.UTF_8)));
        if (f != null) b.queryParam("f", f);
        return b.build(true).toUriString();
    }

    static String f(String url, String f) {
        return url + (url.contains("?") ? "&" : "?") + "f=" + f;
    }

    /**
     * The self link in the chosen format and the alternate in the other one. {@code jsonType} is the JSON media
     * type of the resource (GeoJSON for features).
     */
    static List<Link> selfAndAlternate(String url, OgcFormat format, String jsonType, String title) {
        List<Link> links = new ArrayList<>();
        Link json = new Link(f(url, "json"), "self", jsonType, title + " (JSON)");
        Link html = new Link(f(url, "html"), "self", "text/html", title + " (HTML)");
        if (format == OgcFormat.JSON) {
            links.add(json);
            links.add(new Link(html.href(), "alternate", html.type(), html.title()));
        } else {
            links.add(html);
            links.add(new Link(json.href(), "alternate", json.type(), json.title()));
        }
        return links;
    }
}
