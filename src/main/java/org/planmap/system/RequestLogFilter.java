package org.planmap.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request, on logger {@code planmap.request}: method, path, status, duration in ms. The query
 * string is left out on purpose (a search or a shared view may carry what a person typed), and so are the
 * client address, cookies and headers. The health probes are not logged (a load balancer calls them every
 * few seconds). Turn it off with {@code logging.level.planmap.request=warn}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger("planmap.request");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String path = request.getRequestURI();
            if (log.isInfoEnabled() && !path.startsWith("/actuator/health")) {
                log.info("{} {} {} {}ms", request.getMethod(), path, response.getStatus(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
