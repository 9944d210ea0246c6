package org.planmap.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.planmap.account.Roles;
import org.planmap.account.StaffAccounts;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Acting as anonymous, editor, moderator or admin in an app test (docs/accounts.md, "Tests"). One account per role
 * and app context ({@code test-editor}, {@code test-moderator}, {@code test-admin}), created on first use through
 * {@link StaffAccounts} with a generated password (there are no test passwords in the code either):
 * <pre>
 *   &#64;Autowired ApplicationContext context;  &#64;LocalServerPort int port;
 *   TestStaff.Client editor = TestStaff.signIn(context, port, Roles.EDITOR);
 *   HttpResponse&lt;String&gt; r = editor.postJson("/api/staff/…", "{…}");   // session cookie and X-XSRF-TOKEN sent
 *   TestStaff.Client anonymous = TestStaff.anonymous(port);               // no session; anonymous.withCsrf() has a token
 *   TestStaff.signInBrowser(driver, baseUrl, context, Roles.ADMIN);        // a Selenium browser, signed in
 * </pre>
 */
public final class TestStaff {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<ApplicationContext, Map<String, Credentials>> ACCOUNTS = Collections.synchronizedMap(new WeakHashMap<>());

    private TestStaff() { }

    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    /** A fresh random password that passes the password policy. */
    public static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "T" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The test account of this role in this app context (created on first use). */
    public static Credentials credentials(ApplicationContext context, String role) {
        Map<String, Credentials> byRole = ACCOUNTS.computeIfAbsent(context, c -> Collections.synchronizedMap(new HashMap<>()));
        return byRole.computeIfAbsent(role, r -> {
            StaffAccounts accounts = context.getBean(StaffAccounts.class);
            String username = "test-" + r.toLowerCase(Locale.ROOT);
            String password = newPassword();
            if (accounts.users().find(username).isPresent()) {
                // left by an earlier use of the same database: give it a password this run knows
                accounts.users().setPassword(username, context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
                        .encode(password), false);
                accounts.users().setRoles(username, Set.of(r));
                accounts.users().setEnabled(username, true);
            } else {
                accounts.createBySystem(username, "Test " + r.toLowerCase(Locale.ROOT), Set.of(r), password, "test set-up");
            }
            return new Credentials(username, password);
        });
    }

    /** A client with no session and no cookies. */
    public static Client anonymous(int port) {
        return new Client("http://127.0.0.1:" + port);
    }

    /** A client signed in as the test account of this role; fails the test when the sign-in does. */
    public static Client signIn(ApplicationContext context, int port, String role) {
        if (Roles.parse(role) == null) throw new IllegalArgumentException("not a role: " + role);
        Credentials c = credentials(context, role);
        Client client = anonymous(port);
        HttpResponse<String> r = client.signIn(c.username(), c.password());
        if (r.statusCode() != 200) throw new AssertionError("sign-in as " + c.username() + " → " + r.statusCode() + ": " + r.body());
        return client;
    }

    /**
     * Signs a Selenium browser in as the role's test account: loads {@code base + "api/account/me"} (which sets the
     * XSRF-TOKEN cookie), then posts the sign-in from the page with the token, as the staff page does.
     */
    public static void signInBrowser(WebDriver driver, String base, ApplicationContext context, String role) {
        Credentials c = credentials(context, role);
        driver.get(base + "api/account/me");
        Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = decodeURIComponent((document.cookie.split('; ').find(p => p.startsWith('XSRF-TOKEN=')) || '=').split('=')[1]);
                fetch('sign-in', {method: 'POST', headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': token},
                  body: JSON.stringify({username: arguments[0], password: arguments[1]})}).then(r => done(r.status), e => done(String(e)));
                """, c.username(), c.password());
        if (!Long.valueOf(200).equals(status)) throw new AssertionError("browser sign-in as " + c.username() + " → " + status);
    }

    /** An HTTP client with its own cookie jar (session, XSRF-TOKEN) that sends X-XSRF-TOKEN on every write. */
    public static final class Client {
        private final String base;
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http;
        private String bearer;

        Client(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        }

        /** Gets the XSRF-TOKEN cookie (GET /api/account/me) so writes of this anonymous client carry a token. */
        public Client withCsrf() {
            get("/api/account/me");
            return this;
        }

        /** Sends {@code Authorization: Bearer token} on every request from now on (and no CSRF header). */
        public Client withBearer(String token) {
            this.bearer = token;
            return this;
        }

        public HttpResponse<String> signIn(String username, String password) {
            if (csrfToken() == null) withCsrf();
            return postJson("/api/account/sign-in", Http.toJson(Map.of("username", username, "password", password)));
        }

        public HttpResponse<String> signOut() {
            return send("POST", "/api/account/sign-out", null, null);
        }

        public JsonNode me() {
            return Http.parse(get("/api/account/me").body());
        }

        public HttpResponse<String> get(String path, String... headers) {
            return send("GET", path, null, null, headers);
        }

        public HttpResponse<String> postJson(String path, String json, String... headers) {
            return send("POST", path, "application/json", json, headers);
        }

        public HttpResponse<String> putJson(String path, String json, String... headers) {
            return send("PUT", path, "application/json", json, headers);
        }

        public HttpResponse<String> delete(String path, String... headers) {
            return send("DELETE", path, null, null, headers);
        }

        /** Any request; {@code headers} are name/value pairs. Writes carry X-XSRF-TOKEN when the cookie is there. */
        public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) b.header("Content-Type", contentType);
            if (bearer != null) b.header("Authorization", "Bearer " + bearer);
            String token = csrfToken();
            if (!method.equals("GET") && token != null && bearer == null) b.header("X-XSRF-TOKEN", token);
            for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            }
        }

        public String csrfToken() {
            return cookie("XSRF-TOKEN");
        }

        public String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        /** Forgets the XSRF-TOKEN cookie (to test a write without the token). */
        public Client dropCsrfCookie() {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).toList()
                    .forEach(c -> cookies.getCookieStore().getURIs().forEach(u -> cookies.getCookieStore().remove(u, c)));
            return this;
        }

        public String base() {
            return base;
        }
    }
}
