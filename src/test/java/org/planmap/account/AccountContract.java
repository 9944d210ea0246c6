package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planmap.support.Http;
import org.planmap.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in, sign-out, who-am-I, CSRF, the security headers, sessions in the database and the append-only audit table;
 * run on H2GIS ({@code AccountH2IntegrationTests}) and PostGIS ({@code AccountPostgisIntegrationTests}).
 */
abstract class AccountContract {
    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thePublicIsNotSignedInAndGetsNoSession() {
        TestStaff.Client anonymous = TestStaff.anonymous(port);
        HttpResponse<String> r = anonymous.get("/api/account/me");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.parse(r.body()).get("signedIn").asBoolean()).isFalse();
        assertThat(anonymous.cookie(SecurityConfig.SESSION_COOKIE)).isNull();
        assertThat(anonymous.csrfToken()).as("the account API hands out the CSRF cookie").isNotBlank();
        // the map's data gives neither a session nor a cookie
        HttpResponse<String> layers = anonymous.get("/api/layers");
        assertThat(layers.statusCode()).isEqualTo(200);
        assertThat(layers.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void singleSignOnIsOffUnlessConfigured() {
        assertThat(TestStaff.anonymous(port).me().has("singleSignOn")).isFalse();
        assertThat(TestStaff.anonymous(port).get("/oauth2/authorization/keycloak").statusCode()).isEqualTo(404);
    }

    @Test
    void anEditorSignsInSeesWhoTheyAreAndSignsOut() {
        TestStaff.Client editor = TestStaff.signIn(context, port, Roles.EDITOR);
        JsonNode me = editor.me();
        assertThat(me.get("signedIn").asBoolean()).isTrue();
        assertThat(me.get("username").asString()).isEqualTo("test-editor");
        assertThat(me.get("roles").toString()).isEqualTo("[\"EDITOR\"]");
        assertThat(editor.cookie(SecurityConfig.SESSION_COOKIE)).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'test-editor'", Long.class))
                .as("the session is stored in the database").isPositive();

        assertThat(editor.signOut().statusCode()).isEqualTo(204);
        assertThat(editor.me().get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void anAdminHasTheRolesAdminImplies() {
        JsonNode me = TestStaff.signIn(context, port, Roles.ADMIN).me();
        assertThat(me.get("roles").toString()).isEqualTo("[\"ADMIN\"]");
        assertThat(me.get("effectiveRoles").toString()).isEqualTo("[\"EDITOR\",\"MODERATOR\",\"ADMIN\"]");
    }

    @Test
    void aWrongPasswordIsA401ProblemAndIsAudited() {
        TestStaff.Credentials editor = TestStaff.credentials(context, Roles.EDITOR);
        long before = count("sign-in-failed");
        HttpResponse<String> r = TestStaff.anonymous(port).signIn(editor.username(), editor.password() + "x");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.parse(r.body()).get("detail").asString()).isEqualTo("Wrong username or password");
        assertThat(count("sign-in-failed")).isEqualTo(before + 1);

        HttpResponse<String> unknown = TestStaff.anonymous(port).signIn("nobody-here", "whatever-it-is-123");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).doesNotContain("nobody-here");
        // neither attempt's password reached the audit table
        assertThat(jdbc.queryForList("SELECT * FROM audit_event").toString())
                .doesNotContain(editor.password()).doesNotContain("whatever-it-is-123");
    }

    @Test
    void signInNeedsTheCsrfToken() {
        TestStaff.Credentials editor = TestStaff.credentials(context, Roles.EDITOR);
        HttpResponse<String> r = TestStaff.anonymous(port).postJson("/api/account/sign-in",
                Http.toJson(Map.of("username", editor.username(), "password", editor.password())));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Http.parse(r.body()).get("detail").asString()).contains("X-XSRF-TOKEN");
    }

    @Test
    void aSignedInWriteWithoutTheTokenIsRefusedButAnAnonymousPublicWriteNeedsNone() {
        TestStaff.Client editor = TestStaff.signIn(context, port, Roles.EDITOR);
        String token = editor.csrfToken();
        editor.dropCsrfCookie();
        HttpResponse<String> forged = editor.send("POST", "/api/export", "application/json", "{}");
        assertThat(forged.statusCode()).as("a write riding on the session cookie without the token").isEqualTo(403);
        assertThat(editor.send("POST", "/api/export", "application/json", "{}", "X-XSRF-TOKEN", token).statusCode())
                .isNotIn(401, 403);

        // curl, QGIS, the public map without a session: no token needed for a public write
        HttpResponse<String> anonymous = TestStaff.anonymous(port).send("POST", "/api/overlays/analyze", "application/json",
                "{\"wkt\":\"POINT (106.40 29.60)\"}");
        assertThat(anonymous.statusCode()).isNotIn(401, 403);
    }

    @Test
    void theSessionIdChangesAtSignIn() {
        TestStaff.Client c = TestStaff.anonymous(port).withCsrf();
        String tokenBefore = c.csrfToken();
        TestStaff.Credentials moderator = TestStaff.credentials(context, Roles.MODERATOR);
        assertThat(c.signIn(moderator.username(), moderator.password()).statusCode()).isEqualTo(200);
        assertThat(c.csrfToken()).as("a new CSRF token after sign-in").isNotEqualTo(tokenBefore);
    }

    @Test
    void staffApiAnswersCarryTheSecurityHeadersAndNoStore() {
        HttpResponse<String> r = TestStaff.signIn(context, port, Roles.EDITOR).get("/api/account/me");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(r.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(r.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        // a public answer keeps its own caching
        HttpResponse<String> layers = TestStaff.anonymous(port).get("/api/layers");
        assertThat(layers.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
        assertThat(layers.headers().allValues("X-Frame-Options")).containsExactly("DENY");
    }

    @Test
    void staffPathsNeedASignIn() {
        HttpResponse<String> r = TestStaff.anonymous(port).get("/api/staff/anything");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Http.parse(r.body()).get("status").asInt()).isEqualTo(401);
        HttpResponse<String> zh = TestStaff.anonymous(port).get("/api/staff/anything", "Accept-Language", "zh-CN");
        assertThat(Http.parse(zh.body()).get("detail").asString()).contains("请先登录");
    }

    @Test
    void theAuditTableRefusesUpdateAndDelete() {
        TestStaff.signIn(context, port, Roles.EDITOR);
        assertThat(count("sign-in")).isPositive();
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'someone-else'")).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event")).rootCause().hasMessageContaining("append-only");
        assertThat(count("sign-in")).isPositive();
    }

    private long count(String action) {
        List<Long> n = jdbc.queryForList("SELECT COUNT(*) FROM audit_event WHERE action = ?", Long.class, action);
        return n.get(0);
    }
}
