package org.planmap.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.planmap.audit.AuditTrail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security contract (docs/accounts.md):
 * <ul>
 * <li>Anonymous GET and HEAD requests to the OGC API pass a chain without filters ({@link #anonymousOgcApiReads}).</li>
 * <li>Everything public stays public: URL rules let every request through except {@code /api/staff/**}
 * (signed in); roles are checked on the staff controllers with {@code @PreAuthorize} (method security), so the rule
 * sits next to the code it guards. The role matrix test proves no write is reachable without its role.</li>
 * <li>Roles: {@link Roles}; ADMIN implies EDITOR and MODERATOR ({@link #roleHierarchy}).</li>
 * <li>401/403 are problem+json bodies ({@link SecurityProblems}).</li>
 * <li>Who a request acts as: a session (sign-in) or a personal API token ({@code Authorization: Bearer pm_…}),
 * both checked against the account on every request ({@link StaffRequestFilter}).</li>
 * <li>Sessions live in the database (Spring Session JDBC) and exist only for signed-in staff: nothing anonymous
 * creates one (no saved request, the CSRF token lives in a cookie).</li>
 * <li>CSRF ({@link #needsCsrf}): a write must carry {@code X-XSRF-TOKEN} = the {@code XSRF-TOKEN} cookie when it
 * comes with a session cookie, or when it goes to {@code /api/account/**} or {@code /api/staff/**}; a request
 * with {@code Authorization: Bearer …} (a personal API token; browsers never add one by themselves) needs none,
 * and so does an anonymous write to a public endpoint without a session (curl, QGIS, the public map): it acts
 * with nobody's rights, so there is nothing to forge.</li>
 * <li>Headers: {@code system.SecurityHeaders} writes the browser policy of every response; Spring Security's
 * own header writer is off, except {@code Cache-Control: no-store} on the account and staff API.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** The session cookie of Spring Session (its default name). */
    public static final String SESSION_COOKIE = "SESSION";
    private static final String OGC_API = "/ogcapi";

    /**
     * Anonymous reads of the OGC API pass a chain without filters. The OGC API is public and read-only, and a GET or
     * HEAD that carries neither a session cookie nor an {@code Authorization} header is one the full chain below
     * would let through untouched: no identity to check ({@link StaffRequestFilter} passes anonymous requests), no
     * CSRF (a safe method), no header of Spring Security's (its only one is for the account and staff API), and
     * {@code permitAll}. The firewall of {@code FilterChainProxy} still checks them (normalised paths only, so
     * {@code /ogcapi/../api/staff} never matches here). Running the dozen filters and their request wrappers for
     * nothing was about a sixth of a single OGC item's time (bench/README.md, "OGC API speed under load").
     * Requests with a session or a token, and every other method, go through the full chain as before.
     */
    @Bean
    @Order(0)
    SecurityFilterChain anonymousOgcApiReads() {
        return new DefaultSecurityFilterChain(SecurityConfig::anonymousOgcApiRead);
    }

    static boolean anonymousOgcApiRead(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) return false;
        String path = path(request);
        if (!path.startsWith(OGC_API) || path.length() > OGC_API.length() && path.charAt(OGC_API.length()) != '/') return false;
        return request.getHeader("Authorization") == null && request.getRequestedSessionId() == null;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProblems problems, SecurityContextRepository contexts,
                                            CookieCsrfTokenRepository csrfTokens, ApiTokens tokens, StaffUserRepository users,
                                            SingleSignOn sso, AuditTrail audit) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/api/staff/**").authenticated()
                        .anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(csrfTokens)
                        // the plain handler: the header (or _csrf form field) carries the cookie's value as is
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfig::needsCsrf))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .addFilterBefore(new StaffRequestFilter(tokens, users, problems), AnonymousAuthenticationFilter.class)
                .securityContext(s -> s.securityContextRepository(contexts))
                .requestCache(r -> r.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .headers(h -> h.defaultsDisabled()
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SecurityConfig::accountOrStaffApi,
                                new CacheControlHeadersWriter())))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (sso.enabled()) {
            // single sign-on (OpenID Connect), only when a client registration is configured
            SimpleUrlAuthenticationSuccessHandler toWorkspace = new SimpleUrlAuthenticationSuccessHandler("/staff.html") {
                @Override
                public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                    org.springframework.security.core.Authentication authentication)
                        throws IOException, ServletException {
                    SecurityContextHolder.getContext().setAuthentication(authentication);
                    audit.record("account", authentication.getName(), "sign-in-sso", null, null, null);
                    super.onAuthenticationSuccess(request, response, authentication);
                }
            };
            http.oauth2Login(o -> o.userInfoEndpoint(u -> u.oidcUserService(sso.userService()))
                    .successHandler(toWorkspace)
                    .failureHandler(new SimpleUrlAuthenticationFailureHandler("/staff.html?sso=failed")));
        }
        return http.build();
    }

    /** The CSRF rule of the class comment. */
    static boolean needsCsrf(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) return false;
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        if (request.getRequestedSessionId() != null) return true;
        return accountOrStaffApi(request);
    }

    static boolean accountOrStaffApi(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/api/account/") || path.startsWith("/api/staff/");
    }

    static boolean staffApi(HttpServletRequest request) {
        return path(request).startsWith("/api/staff/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Bean
    CookieCsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse(); // the page's script reads it
        tokens.setCookieCustomizer(c -> c.sameSite("Lax"));
        return tokens;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    /**
     * No Micrometer observation of each security filter, authorization and secured request: no metrics endpoint is
     * exposed (docs/operations.md) and the request log already has every status and duration, while wrapping each of
     * the dozen filters in an observation cost about a tenth of a public request's time (bench/README.md,
     * "OGC API speed under load").
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall with its defaults; only its character checks run as a loop
     * ({@link FirewallCharacters}, the same rule without regular expressions).
     */
    @Bean
    static HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters::assignedAndNotControl);
        firewall.setAllowedHeaderValues(FirewallCharacters::headerValue);
        firewall.setAllowedParameterNames(FirewallCharacters::assignedAndNotControl);
        return firewall;
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(Roles.ADMIN).implies(Roles.EDITOR, Roles.MODERATOR).build();
    }

    /** bcrypt (Spring's delegating encoder: hashes carry their algorithm, so a later switch keeps old hashes valid). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(StaffUserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }

    /**
     * Makes sure a page of the staff workspace has the {@code XSRF-TOKEN} cookie before its first write: the token
     * is generated lazily, so any request to the account or staff API loads it (which sets the cookie when absent).
     * Public responses are left alone (no cookie on cacheable map data).
     */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (accountOrStaffApi(request) && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

}
