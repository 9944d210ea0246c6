package org.planmap.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser security policy of every response, in one place:
 * <ul>
 * <li>{@code Content-Security-Policy}: scripts, styles, fonts and data only from this origin (no inline
 * script, no eval); images also from {@code data:}/{@code blob:} and the configured online tile hosts;
 * inline style attributes are allowed ({@code style-src 'unsafe-inline'}: Leaflet and ECharts position
 * elements with them); no plugins; forms and {@code <base>} only to this origin;</li>
 * <li>{@code frame-ancestors 'none'} (and {@code X-Frame-Options: DENY} for old browsers) everywhere except
 * the embed mode at {@code /embed}, which any page may frame;</li>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: strict-origin-when-cross-origin},
 * {@code Cross-Origin-Opener-Policy: same-origin}, a {@code Permissions-Policy} that turns off what the app
 * never uses;</li>
 * <li>{@code Strict-Transport-Security} when the request came over TLS, directly or through a proxy that says
 * so in {@code X-Forwarded-Proto}.</li>
 * </ul>
 * It runs as a servlet filter ahead of everything, so error pages, static files and actuator answers carry it
 * too. When Spring Security arrives, this filter stays (it is not a security filter and Spring Security leaves
 * headers it did not write alone); Spring Security's own {@code headers()} defaults that overlap (nosniff,
 * X-Frame-Options, HSTS, cache control) must then be switched off there or set to the same values.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityHeaders extends OncePerRequestFilter {
    /** The path of the embed mode (web stream): the only page other sites may frame. */
    public static final String EMBED_PATH = "/embed";
    private final String policy;
    private final String embedPolicy;

    public SecurityHeaders(TilesProperties tiles) {
        Set<String> img = new LinkedHashSet<>(List.of("'self'", "data:", "blob:")); // in this order on every instance
        if (tiles.osmEnabled()) img.add(origin(tiles.osmUrl()));
        if (!tiles.tiandituKey().isBlank()) img.add("https://*.tianditu.gov.cn");
        String common = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src " + String.join(" ", img)
                + "; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
        this.policy = common + "; frame-ancestors 'none'";
        this.embedPolicy = common + "; frame-ancestors *";
    }

    /** The origin of a tile URL template, with a {s} subdomain turned into a wildcard. */
    static String origin(String template) {
        URI u = URI.create(template.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
        String host = template.contains("{s}.") ? "*." + u.getHost().substring(u.getHost().indexOf('.') + 1) : u.getHost();
        return u.getScheme() + "://" + host + (u.getPort() > 0 ? ":" + u.getPort() : "");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean embed = isEmbed(request.getRequestURI());
        response.setHeader("Content-Security-Policy", embed ? embedPolicy : policy);
        if (!embed) response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), payment=(), usb=(), geolocation=(self)");
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }

    static boolean isEmbed(String path) {
        return path.equals(EMBED_PATH) || path.startsWith(EMBED_PATH + "/");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
