package org.planmap.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who a staff request acts as, checked against the database on every request that claims someone:
 * <ul>
 * <li>{@code Authorization: Bearer pm_…}: the token's owner with their current roles, for this request only (no
 * session); a token that is not valid is a 401 at once (it never falls back to a session cookie).</li>
 * <li>A session: the account is read again, so a role an admin removed, a disabled account or a reset password
 * takes effect on the next request, on every instance, without waiting for the session to end. A disabled or deleted
 * account's session is ended.</li>
 * <li>An account that must change its password (a one-time password from an admin) may use only the account API
 * until it has: the staff API answers 403 naming the reason.</li>
 * </ul>
 * Anonymous requests pass untouched (no database read for the public).
 */
final class StaffRequestFilter extends OncePerRequestFilter {
    private final ApiTokens tokens;
    private final StaffUserRepository users;
    private final SecurityProblems problems;

    StaffRequestFilter(ApiTokens tokens, StaffUserRepository users, SecurityProblems problems) {
        this.tokens = tokens;
        this.users = users;
        this.problems = problems;
    }

    static final String MUST_CHANGE = "Change your one-time password first (PUT /api/account/password)";
    static final String MUST_CHANGE_ZH = "请先修改一次性密码";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        Optional<StaffUser> acting;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            acting = tokens.owner(authorization.substring(7).strip()).flatMap(users::find).filter(StaffUser::enabled);
            if (acting.isEmpty()) {
                SecurityContextHolder.clearContext();
                problems.write(SecurityProblems.problem(HttpStatus.UNAUTHORIZED, ApiTokens.unauthorized().getMessage(),
                        ApiTokens.unauthorized().detailZh(), request), response);
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication(acting.get()));
            SecurityContextHolder.setContext(context); // this request only: the repository never saves it
        } else if (SecurityProblems.signedIn()) {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            acting = users.find(current.getName()).filter(StaffUser::enabled);
            if (acting.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) session.invalidate();
            } else if (!sameRoles(current, acting.get())) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication(acting.get()));
                SecurityContextHolder.setContext(context);
                if (request.getSession(false) != null) {
                    request.getSession(false).setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                }
            }
        } else {
            acting = Optional.empty();
        }
        if (acting.isPresent() && acting.get().mustChangePassword() && SecurityConfig.staffApi(request)) {
            problems.write(SecurityProblems.problem(HttpStatus.FORBIDDEN, MUST_CHANGE, MUST_CHANGE_ZH, request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameRoles(Authentication current, StaffUser user) {
        return AuthorityUtils.authorityListToSet(current.getAuthorities())
                .equals(java.util.Set.copyOf(user.roles().stream().map(Roles::authority).toList()));
    }

    static Authentication authentication(StaffUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user.username(), null,
                AuthorityUtils.createAuthorityList(user.roles().stream().map(Roles::authority).toList()));
    }
}
