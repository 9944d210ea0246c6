package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planmap.support.Http;
import org.planmap.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Lock-out, password change, admin user management, API tokens and the audit browser and CSV; run on H2GIS
 * ({@code StaffAdminH2IntegrationTests}) and PostGIS ({@code StaffAdminPostgisIntegrationTests}). Every password here
 * is generated; the output of the whole class is checked to hold none of them.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class StaffAdminContract {
    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    AccountProperties settings;

    /** A fresh account of its own (tests do not share state through one), with a generated password. */
    private TestStaff.Credentials fresh(String... roles) {
        String name = "u-" + UUID.randomUUID().toString().substring(0, 8);
        String password = TestStaff.newPassword();
        accounts.createBySystem(name, null, Set.of(roles), password, "test set-up");
        return new TestStaff.Credentials(name, password);
    }

    private TestStaff.Client signedIn(TestStaff.Credentials c) {
        TestStaff.Client client = TestStaff.anonymous(port);
        HttpResponse<String> r = client.signIn(c.username(), c.password());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return client;
    }

    @Test
    void repeatedFailuresLockTheAccountUntilAnAdminUnlocksIt(CapturedOutput output) {
        TestStaff.Credentials user = fresh(Roles.EDITOR);
        TestStaff.Client c = TestStaff.anonymous(port);
        for (int i = 0; i < settings.maxFailedSignIns(); i++) {
            assertThat(c.signIn(user.username(), user.password() + "-wrong").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = c.signIn(user.username(), user.password());
        assertThat(locked.statusCode()).as("even the right password, while locked").isEqualTo(401);
        assertThat(Http.parse(locked.body()).get("detail").asString()).contains("locked");
        assertThat(actions(user.username())).contains("lock-out", "sign-in-refused-locked");

        TestStaff.Client admin = TestStaff.signIn(context, port, Roles.ADMIN);
        assertThat(admin.postJson("/api/staff/users/" + user.username() + "/unlock", "{\"reason\":\"phoned the help desk\"}")
                .statusCode()).isEqualTo(200);
        assertThat(c.signIn(user.username(), user.password()).statusCode()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain(user.password());
    }

    @Test
    void aUserChangesTheirPassword(CapturedOutput output) {
        TestStaff.Credentials user = fresh(Roles.MODERATOR);
        TestStaff.Client c = signedIn(user);
        String next = TestStaff.newPassword();
        HttpResponse<String> wrong = c.putJson("/api/account/password",
                Http.toJson(Map.of("currentPassword", "not-the-password", "newPassword", next)));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Http.parse(wrong.body()).get("parameter").asString()).isEqualTo("currentPassword");
        HttpResponse<String> weak = c.putJson("/api/account/password",
                Http.toJson(Map.of("currentPassword", user.password(), "newPassword", "short")));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(c.putJson("/api/account/password", Http.toJson(Map.of("currentPassword", user.password(), "newPassword", next)))
                .statusCode()).isEqualTo(204);

        assertThat(TestStaff.anonymous(port).signIn(user.username(), user.password()).statusCode()).isEqualTo(401);
        assertThat(TestStaff.anonymous(port).signIn(user.username(), next).statusCode()).isEqualTo(200);
        assertThat(actions(user.username())).contains("password-change");
        assertThat(output.getAll()).doesNotContain(user.password()).doesNotContain(next);
        assertThat(jdbc.queryForList("SELECT * FROM audit_event").toString()).doesNotContain(next).doesNotContain(user.password());
    }

    @Test
    void anAdminCreatesAUserWhoMustChangeTheOneTimePasswordFirst(CapturedOutput output) {
        TestStaff.Client admin = TestStaff.signIn(context, port, Roles.ADMIN);
        String name = "new-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.postJson("/api/staff/users",
                Http.toJson(Map.of("username", name, "displayName", "张三 Zhang San", "roles", List.of("EDITOR"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = Http.parse(created.body());
        String oneTime = body.get("oneTimePassword").asString();
        assertThat(body.get("user").get("mustChangePassword").asBoolean()).isTrue();
        assertThat(body.get("user").has("passwordHash")).isFalse();

        TestStaff.Client user = signedIn(new TestStaff.Credentials(name, oneTime));
        assertThat(user.me().get("mustChangePassword").asBoolean()).isTrue();
        HttpResponse<String> blocked = user.get("/api/staff/anything");
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(Http.parse(blocked.body()).get("detail").asString()).contains("one-time password");
        String mine = TestStaff.newPassword();
        assertThat(user.putJson("/api/account/password", Http.toJson(Map.of("currentPassword", oneTime, "newPassword", mine)))
                .statusCode()).isEqualTo(204);
        assertThat(user.me().get("mustChangePassword").asBoolean()).isFalse();

        // the list shows the account, never a hash
        HttpResponse<String> list = admin.get("/api/staff/users");
        assertThat(list.body()).contains(name).doesNotContain("bcrypt").doesNotContain("passwordHash");
        // the one-time password was shown once: not in the audit trail, its CSV or the log
        assertThat(jdbc.queryForList("SELECT * FROM audit_event").toString()).doesNotContain(oneTime).doesNotContain(mine);
        assertThat(admin.get("/api/staff/audit.csv").body()).contains(name).doesNotContain(oneTime).doesNotContain(mine);
        assertThat(output.getAll()).doesNotContain(oneTime).doesNotContain(mine);
    }

    @Test
    void aRoleRemovedOrAnAccountDisabledTakesEffectOnTheOpenSession() {
        TestStaff.Credentials user = fresh(Roles.ADMIN, Roles.EDITOR);
        TestStaff.Client session = signedIn(user);
        assertThat(session.get("/api/staff/users").statusCode()).isEqualTo(200);

        TestStaff.Client admin = TestStaff.signIn(context, port, Roles.ADMIN);
        HttpResponse<String> demoted = admin.putJson("/api/staff/users/" + user.username() + "/roles",
                "{\"roles\":[\"EDITOR\"],\"reason\":\"moved to the editing team\"}");
        assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);
        assertThat(session.get("/api/staff/users").statusCode()).as("the same session, one request later").isEqualTo(403);
        assertThat(session.me().get("roles").toString()).isEqualTo("[\"EDITOR\"]");

        assertThat(admin.putJson("/api/staff/users/" + user.username() + "/enabled", "{\"enabled\":false,\"reason\":\"left\"}")
                .statusCode()).isEqualTo(200);
        assertThat(session.me().get("signedIn").asBoolean()).isFalse();
        assertThat(TestStaff.anonymous(port).signIn(user.username(), user.password()).statusCode()).isEqualTo(401);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT actor, action, before_json, after_json, reason FROM audit_event WHERE entity_id = ? AND action = 'roles'",
                user.username());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("actor")).isEqualTo("test-admin");
        assertThat(String.valueOf(rows.get(0).get("before_json"))).contains("ADMIN");
        assertThat(String.valueOf(rows.get(0).get("reason"))).isEqualTo("moved to the editing team");
    }

    @Test
    void theLastAdminCannotBeDemotedNorCanAnAdminDisableThemself() {
        TestStaff.Client admin = TestStaff.signIn(context, port, Roles.ADMIN);
        HttpResponse<String> self = admin.putJson("/api/staff/users/test-admin/enabled", "{\"enabled\":false}");
        assertThat(self.statusCode()).isEqualTo(409);
    }

    @Test
    void anApiTokenIsShownOnceWorksWithoutCsrfAndStopsWhenRevoked(CapturedOutput output) {
        TestStaff.Credentials user = fresh(Roles.ADMIN);
        TestStaff.Client session = signedIn(user);
        HttpResponse<String> created = session.postJson("/api/account/tokens", "{\"label\":\"QGIS sync\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = Http.parse(created.body());
        String secret = body.get("secret").asString();
        long id = body.get("token").get("id").asLong();
        assertThat(secret).startsWith("pm_");
        assertThat(session.get("/api/account/tokens").body()).contains("QGIS sync").doesNotContain(secret);
        assertThat(jdbc.queryForList("SELECT * FROM api_token").toString()).doesNotContain(secret);

        TestStaff.Client script = TestStaff.anonymous(port).withBearer(secret);
        JsonNode me = script.me();
        assertThat(me.get("username").asString()).isEqualTo(user.username());
        assertThat(script.get("/api/staff/users").statusCode()).isEqualTo(200);
        // a write with the token and no CSRF token or session at all
        assertThat(script.postJson("/api/staff/users/no-such-user/unlock", "{}").statusCode()).isEqualTo(404);
        assertThat(script.cookie(SecurityConfig.SESSION_COOKIE)).as("a token request starts no session").isNull();
        assertThat(jdbc.queryForObject("SELECT last_used_at FROM api_token WHERE id = ?", java.sql.Timestamp.class, id)).isNotNull();

        assertThat(session.delete("/api/account/tokens/" + id).statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = script.get("/api/account/me");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(TestStaff.anonymous(port).withBearer("pm_made-up").get("/api/account/me").statusCode()).isEqualTo(401);
        assertThat(actions(String.valueOf(id))).contains("create", "revoke");
        assertThat(jdbc.queryForList("SELECT * FROM audit_event").toString()).doesNotContain(secret);
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void anotherUsersTokenCannotBeRevoked() {
        TestStaff.Client a = signedIn(fresh(Roles.EDITOR));
        long id = Http.parse(a.postJson("/api/account/tokens", "{\"label\":\"mine\"}").body()).get("token").get("id").asLong();
        TestStaff.Client b = signedIn(fresh(Roles.EDITOR));
        assertThat(b.delete("/api/account/tokens/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void adminsBrowseAndFilterTheAuditTrailAndDownloadItAsCsv() {
        TestStaff.Credentials user = fresh(Roles.EDITOR);
        TestStaff.Client admin = TestStaff.signIn(context, port, Roles.ADMIN);
        admin.postJson("/api/staff/users/" + user.username() + "/unlock", "{\"reason\":\"=HYPERLINK(\\\"http://evil\\\")\"}");

        JsonNode page = Http.parse(admin.get("/api/staff/audit?entityType=account&entityId=" + user.username()).body());
        assertThat(page.get("total").asLong()).isEqualTo(2); // create, unlock
        assertThat(page.get("events").get(0).get("action").asString()).isEqualTo("unlock");
        assertThat(page.get("events").get(0).get("actor").asString()).isEqualTo("test-admin");
        assertThat(page.get("actions").toString()).contains("unlock");

        JsonNode byActor = Http.parse(admin.get("/api/staff/audit?actor=test-admin&action=unlock&limit=500").body());
        assertThat(byActor.get("events").findValuesAsString("entityId")).contains(user.username());
        JsonNode future = Http.parse(admin.get("/api/staff/audit?entityId=" + user.username() + "&from=2999-01-01").body());
        assertThat(future.get("total").asLong()).isZero();
        assertThat(admin.get("/api/staff/audit?from=yesterday").statusCode()).isEqualTo(400);

        HttpResponse<String> csv = admin.get("/api/staff/audit.csv?entityId=" + user.username());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFid,at,actor,actor_kind,entity_type,entity_id,action,before,after,reason\r\n");
        assertThat(csv.body().lines().count()).isEqualTo(3);
        assertThat(csv.body()).as("a formula in a reason is defused").contains("\"'=HYPERLINK(").doesNotContain(",=HYPERLINK");

        assertThat(TestStaff.signIn(context, port, Roles.EDITOR).get("/api/staff/audit").statusCode()).isEqualTo(403);
        assertThat(TestStaff.signIn(context, port, Roles.MODERATOR).get("/api/staff/audit.csv").statusCode()).isEqualTo(403);
        assertThat(TestStaff.anonymous(port).get("/api/staff/audit").statusCode()).isEqualTo(401);
    }

    private List<String> actions(String entityId) {
        return jdbc.queryForList("SELECT action FROM audit_event WHERE entity_id = ? ORDER BY id", String.class, entityId);
    }
}
