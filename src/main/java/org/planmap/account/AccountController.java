package org.planmap.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.planmap.audit.AuditTrail;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in, sign-out and "who am I" ({@code /api/account/…}, docs/accounts.md). Sign-in takes JSON
 * ({@code {"username","password"}}, the staff page) or a form post ({@code username}, {@code password},
 * {@code _csrf}; answered with a redirect to the staff page), both with the CSRF token. A successful sign-in
 * starts a new session id (no fixation) and a new CSRF token.
 */
@RestController
public class AccountController {
    static final String WRONG = "Wrong username or password";
    static final String WRONG_ZH = "用户名或密码错误";
    private final AuthenticationManager authentication;
    private final SecurityContextRepository contexts;
    private final CookieCsrfTokenRepository csrfTokens;
    private final StaffUserRepository users;
    private final AuditTrail audit;
    private final StaffAccounts accounts;
    private final ApiTokens tokens;
    private final AccountProperties settings;
    private final SingleSignOn sso;
    private final ChangeSessionIdAuthenticationStrategy newSessionId = new ChangeSessionIdAuthenticationStrategy();

    public AccountController(AuthenticationManager authentication, SecurityContextRepository contexts,
                             CookieCsrfTokenRepository csrfTokens, StaffUserRepository users, AuditTrail audit,
                             StaffAccounts accounts, ApiTokens tokens, AccountProperties settings, SingleSignOn sso) {
        this.sso = sso;
        this.accounts = accounts;
        this.tokens = tokens;
        this.settings = settings;
        this.authentication = authentication;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.users = users;
        this.audit = audit;
    }

    /** The JSON body of a sign-in. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    @PostMapping(value = "/api/account/sign-in", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> signInJson(@RequestBody Credentials credentials, HttpServletRequest request, HttpServletResponse response) {
        if (credentials == null) throw new ApiException(HttpStatus.BAD_REQUEST, "username and password are required", "username", null);
        signIn(credentials.username(), credentials.password(), request, response);
        return me();
    }

    @PostMapping(value = "/api/account/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> signInForm(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                                    HttpServletRequest request, HttpServletResponse response) {
        String target = "../../staff.html";
        try {
            signIn(username, password, request, response);
        } catch (ApiException e) {
            target += "?error=" + e.status().value();
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(target)).build();
    }

    private void signIn(String username, String password, HttpServletRequest request, HttpServletResponse response) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "username and password are required",
                    username == null || username.isBlank() ? "username" : "password", null)
                    .withChinese("请输入用户名和密码");
        }
        String name = StaffUserRepository.normalise(username);
        Authentication result;
        try {
            result = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
        } catch (LockedException e) {
            audit.recordPublic("account", name, "sign-in-refused-locked", null, null, null);
            Instant until = users.find(name).map(StaffUser::lockedUntil).orElse(Instant.now());
            String minutes = String.valueOf(Math.max(1, (Duration.between(Instant.now(), until).toSeconds() + 59) / 60));
            throw new ApiException(HttpStatus.UNAUTHORIZED, "This account is locked after repeated failed sign-ins; try again in "
                    + minutes + " min or ask an admin to unlock it", null, null)
                    .withChinese("多次登录失败，此账号已锁定；请 " + minutes + " 分钟后再试，或请管理员解锁");
        } catch (AuthenticationException e) {
            // the attempted name is recorded only when it is an account: a password typed into the name field stays out
            boolean known = users.find(name).isPresent();
            audit.recordPublic("account", known ? name : null, "sign-in-failed", null, null, known ? null : "unknown username");
            if (known && users.failed(name) >= settings.maxFailedSignIns()) {
                users.lock(name, Instant.now().plus(settings.lockDuration()));
                audit.recordPublic("account", name, "lock-out", null, Map.of("lockedFor", settings.lockDuration().toString()),
                        settings.maxFailedSignIns() + " failed sign-ins in a row");
            }
            throw new ApiException(HttpStatus.UNAUTHORIZED, WRONG, null, null).withChinese(WRONG_ZH);
        }
        newSessionId.onAuthentication(result, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        renewCsrfToken(request, response);
        users.signedIn(name);
        audit.record("account", name, "sign-in", null, null, null);
    }

    @PostMapping("/api/account/sign-out")
    ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (SecurityProblems.signedIn()) audit.record("account", current.getName(), "sign-out", null, null, null);
        new SecurityContextLogoutHandler().logout(request, response, current);
        renewCsrfToken(request, response);
        return ResponseEntity.noContent().build();
    }

    /** A fresh CSRF token after the session changed hands: the old one (known before sign-in) stops working. */
    private void renewCsrfToken(HttpServletRequest request, HttpServletResponse response) {
        csrfTokens.saveToken(null, request, response);
        CsrfToken fresh = csrfTokens.generateToken(request);
        csrfTokens.saveToken(fresh, request, response);
        request.setAttribute(CsrfToken.class.getName(), fresh);
    }

    /**
     * Who is signed in: {@code {signedIn:false}} for the public (200, so the public page can ask without an error),
     * else username, display name, assigned roles and the roles they grant ({@code effectiveRoles}).
     */
    @GetMapping("/api/account/me")
    Map<String, Object> me() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!SecurityProblems.signedIn()) {
            body.put("signedIn", false);
            List<Map<String, String>> providers = sso.providers();
            if (!providers.isEmpty()) body.put("singleSignOn", providers);
            return body;
        }
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        Set<String> granted = a.getAuthorities().stream().map(GrantedAuthority::getAuthority).map(Roles::parse)
                .filter(r -> r != null).collect(Collectors.toSet());
        body.put("signedIn", true);
        body.put("username", a.getName());
        users.find(a.getName()).ifPresent(u -> {
            body.put("displayName", u.displayName());
            body.put("mustChangePassword", u.mustChangePassword());
        });
        body.put("roles", Roles.ALL.stream().filter(granted::contains).toList());
        body.put("effectiveRoles", List.copyOf(Roles.effective(granted)));
        return body;
    }

    /** The body of a password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[…]";
        }
    }

    /** The signed-in user changes their password (the current one proves it is them); other sessions stay valid. */
    @PutMapping("/api/account/password")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
        if (change == null) throw new ApiException(HttpStatus.BAD_REQUEST, "currentPassword and newPassword are required", "newPassword", null);
        accounts.changeOwnPassword(SecurityContextHolder.getContext().getAuthentication().getName(), change.currentPassword(),
                change.newPassword());
        return ResponseEntity.noContent().build();
    }

    /** The signed-in user's API tokens (never the tokens themselves). */
    @GetMapping("/api/account/tokens")
    @PreAuthorize("isAuthenticated()")
    List<ApiTokens.Token> listTokens() {
        return tokens.list(SecurityContextHolder.getContext().getAuthentication().getName());
    }

    public record NewToken(String label) { }

    /** A new API token, answered with the token itself this once ({@code secret}). */
    @PostMapping("/api/account/tokens")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Map<String, Object>> createToken(@RequestBody NewToken body) {
        ApiTokens.Created created = tokens.create(SecurityContextHolder.getContext().getAuthentication().getName(),
                body == null ? null : body.label());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", created.token());
        answer.put("secret", created.secret());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @DeleteMapping("/api/account/tokens/{id}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Void> revokeToken(@PathVariable long id) {
        tokens.revoke(SecurityContextHolder.getContext().getAuthentication().getName(), id);
        return ResponseEntity.noContent().build();
    }
}
