package org.planmap.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per request, on logger {@code planmap.request}: method, path, status, duration in ms. The query
 * string is left out on purpose (a search or a shared view may carry what a person typed), and so are the
 * client address, cookies and headers. Paths that name a person ({@code /api/staff/users/{username}/…}) or an
 * account's own resources ({@code /api/account/…}) are logged as their handler's pattern, e.g.
 * {@code /api/staff/users/{username}/unlock}; a request refused before it reached a handler (401, 403, 404) has no
 * pattern, so the segment after {@code /api/staff/users/} and {@code /api/account/tokens/} is replaced the same way.
 * The health probes are not logged (a load balancer calls them every few seconds). Turn it off with
 * {@code logging.level.planmap.request=warn}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger("planmap.request");
    /** Path prefixes (after the context path) whose segments may identify a person. */
    private static final Pattern PERSONAL = Pattern.compile("^/api/(staff/users|account)(/.*)?$");
    private static final Pattern USERNAME_SEGMENT = Pattern.compile("^/api/staff/users/[^/]+");
    private static final Pattern TOKEN_SEGMENT = Pattern.compile("^/api/account/tokens/[^/]+");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String path = request.getRequestURI();
            if (log.isInfoEnabled() && !path.startsWith("/actuator/health")) {
                log.info("{} {} {} {}ms", request.getMethod(), loggedPath(request), response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    /** The request's path as logged: with the segments that may name a person replaced by their pattern variable. */
    static String loggedPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        if (!PERSONAL.matcher(path).matches()) return uri;
        // the pattern Spring MVC matched (set while the handler ran, still on the request afterwards)
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                && PERSONAL.matcher(pattern).matches()) {
            return context + pattern;
        }
        path = USERNAME_SEGMENT.matcher(path).replaceFirst("/api/staff/users/{username}");
        path = TOKEN_SEGMENT.matcher(path).replaceFirst("/api/account/tokens/{id}");
        return context + path;
    }
}
