package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.util.ForwardedHeaderUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Builds the absolute URLs of the OGC resources for one request (scheme, host, port and context path as the client
 * used them). Behind a reverse proxy on the loopback or a private network, the proxy's {@code Forwarded} (RFC 7239)
 * or {@code X-Forwarded-Proto/-Host/-Port} and {@code X-Forwarded-Prefix} headers say what the client used; from
 * any other peer they are ignored, so a client cannot make the links point elsewhere. Paths and query values are
 * percent-encoded here, so callers pass plain text.
 */
final class OgcLinks {
    static final String ROOT = "/ogcapi";
    private final String base;

    private OgcLinks(String base) {
        this.base = base;
    }

    static OgcLinks of(HttpServletRequest request) {
        // built once per request: the ETag and the body both need it
        if (request.getAttribute(OgcLinks.class.getName()) instanceof OgcLinks known) return known;
        OgcLinks links = new OgcLinks(appRoot(request) + ROOT);
        request.setAttribute(OgcLinks.class.getName(), links);
        return links;
    }

    /** The app's root URL as the client reached it (no trailing slash). */
    static String appRoot(HttpServletRequest request) {
        String direct = directRoot(request);
        if (!hasForwardedHeaders(request) || !fromTrustedProxy(request)) return direct;   // the cheap test first
        try {
            ServletServerHttpRequest http = new ServletServerHttpRequest(request);
            UriComponentsBuilder b = ForwardedHeaderUtils.adaptFromForwardedHeaders(URI.create(direct), http.getHeaders());
            // the prefix is where the proxy mounts the app: it takes the place of the context path (as in Spring's
            // ForwardedHeaderFilter), e.g. /planmap outside for /maps inside
            String prefix = prefix(request.getHeaders("X-Forwarded-Prefix"));
            if (prefix != null) b.replacePath(prefix);
            return b.replaceQuery(null).fragment(null).build().toUriString();
        } catch (IllegalArgumentException e) {
            return direct; // a malformed forwarded header: the request's own URL is still right for a direct client
        }
    }

    /**
     * The root as this server was reached, as {@code ServletUriComponentsBuilder.fromContextPath} builds it (scheme,
     * host as Tomcat read it from {@code Host}, the port unless it is the scheme's default, the context path), without
     * the builder's parsing: once per request.
     */
    static String directRoot(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean showPort = port >= 0 && ("http".equals(scheme) && port != 80 || "https".equals(scheme) && port != 443);
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) host = "[" + host + "]"; // an IPv6 literal
        return scheme + "://" + host + (showPort ? ":" + port : "") + request.getContextPath();
    }

    private static boolean hasForwardedHeaders(HttpServletRequest request) {
        for (String h : List.of("Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Ssl",
                "X-Forwarded-Prefix")) {
            if (request.getHeader(h) != null) return true;
        }
        return false;
    }

    /** The loopback and private networks: the peers Tomcat's RemoteIpValve trusts as proxies by default. */
    static boolean fromTrustedProxy(HttpServletRequest request) {
        String addr = request.getRemoteAddr();
        if (addr == null || !addr.matches("[0-9A-Fa-f:.]+")) return false; // a literal address only: no name lookup
        try {
            InetAddress peer = InetAddress.getByName(addr);
            if (peer.isLoopbackAddress() || peer.isSiteLocalAddress() || peer.isLinkLocalAddress()) return true;
            byte[] a = peer.getAddress();
            return a.length == 16 && (a[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+");

    /** {@code X-Forwarded-Prefix} values (one per proxy, outermost first) joined; null when none is usable. */
    private static String prefix(Enumeration<String> values) {
        StringBuilder out = new StringBuilder();
        while (values.hasMoreElements()) {
            for (String part : values.nextElement().split(",")) {
                String p = part.trim();
                while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
                if (p.isEmpty()) continue;
                if (!PREFIX.matcher(p).matches()) return null;
                out.append(p);
            }
        }
        return out.isEmpty() ? null : out.toString();
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
        // appended, not parsed and rebuilt: the URL is ours and already encoded (parsing it was a twentieth of an item)
        StringBuilder b = new StringBuilder(url.length() + 32 * (params.size() + 1)).append(url);
        char separator = url.indexOf('?') < 0 ? '?' : '&';
        for (Map.Entry<String, String> p : params.entrySet()) {
            b.append(separator).append(UriUtils.encodeQueryParam(p.getKey(), java.nio.charset.StandardCharsets.UTF_8));
            if (p.getValue() != null) {
                b.append('=').append(UriUtils.encodeQueryParam(p.getValue(), java.nio.charset.StandardCharsets.UTF_8));
            }
            separator = '&';
        }
        return f == null ? b.toString() : f(b.toString(), f);
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
