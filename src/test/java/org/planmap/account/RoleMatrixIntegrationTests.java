package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planmap.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role matrix (docs/accounts.md): every write endpoint of the app × {anonymous, editor, moderator, admin} → the
 * expected answer (reads of the staff API are checked by {@code AccountContract}). {@link #everyWriteIsInTheTable} lists every non-GET handler mapping of the running app and fails
 * on one missing from {@link #ROWS}: a new write endpoint cannot ship without saying who may call it.
 *
 * <p>"Allowed" means the request passed security and reached the handler. The sample bodies are bad input (empty,
 * unknown ids), so an allowed actor must get a 4xx other than 401/403 with a JSON problem body that says why — every
 * write endpoint is thereby also tried with bad input; the few samples that are valid requests ({@link #VALID_SAMPLES})
 * must get a 2xx instead. A staff row expects 401 for anonymous,
 * 403 for a role that lacks it, allowed for the role and for ADMIN (which implies EDITOR and MODERATOR). Every
 * signed-in request here carries the CSRF token, so a 403 means the role, not the token.
 *
 * <p><b>Adding a row</b>: one line in {@link #ROWS}: method, the mapping's path pattern exactly as the controller
 * declares it, who may call it ({@code PUBLIC} or a role of {@link Roles}), a concrete path for the test request,
 * its content type and a sample body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleMatrixIntegrationTests {
    static final String PUBLIC = "PUBLIC";
    /** Any signed-in account, whatever its roles (the account's own settings). */
    static final String SIGNED_IN = "SIGNED_IN";
    static final String JSON = "application/json";
    /** Rows whose sample is a valid request: signing out, and creating a token for the signed-in account. */
    static final Set<String> VALID_SAMPLES = Set.of("POST /api/account/sign-out", "POST /api/account/tokens");

    /** One write endpoint: who may call it and a sample request. */
    record Row(String method, String pattern, String access, String path, String contentType, String body) {
        String key() {
            return method + " " + pattern;
        }

        @Override
        public String toString() {
            return key() + " → " + access;
        }
    }

    static Row row(String method, String pattern, String access, String path, String contentType, String body) {
        return new Row(method, pattern, access, path, contentType, body);
    }

    static final List<Row> ROWS = List.of(
            // public writes: residents and planners, no account (docs/overlay.md, docs/export.md)
            row("POST", "/api/overlays/analyze", PUBLIC, "/api/overlays/analyze", JSON, "{}"),
            row("POST", "/api/overlays", PUBLIC, "/api/overlays", JSON, "{}"),
            row("DELETE", "/api/overlays/{id}", PUBLIC, "/api/overlays/no-such-overlay", null, null),
            row("POST", "/api/export", PUBLIC, "/api/export", JSON, "{}"),
            // accounts (docs/accounts.md): sign-in with an empty body is refused as bad input, for everybody
            row("POST", "/api/account/sign-in", PUBLIC, "/api/account/sign-in", JSON, "{}"),
            row("POST", "/api/account/sign-out", PUBLIC, "/api/account/sign-out", null, null),
            // implementation progress (docs/progress.md): sample bodies refused as bad input, so nothing is stored
            row("POST", "/api/staff/progress/import", Roles.EDITOR, "/api/staff/progress/import?dryRun=true", "text/csv", ""),
            row("POST", "/api/staff/progress/items/{id}", Roles.EDITOR, "/api/staff/progress/items/col-99-item-1", JSON, "{}"),
            row("POST", "/api/staff/progress/indicator-values", Roles.EDITOR, "/api/staff/progress/indicator-values", JSON, "{}"),
            // consultations (docs/consultation.md): residents comment and agree without an account; admins create
            // consultations, moderators decide (unknown ids answer 404 to those allowed)
            row("POST", "/api/consultations/{id}/comments", PUBLIC, "/api/consultations/nope42/comments", JSON, "{}"),
            row("POST", "/api/consultations/{id}/comments/{commentId}/agree", PUBLIC, "/api/consultations/nope42/comments/x/agree", null, null),
            row("POST", "/api/staff/consultations", Roles.ADMIN, "/api/staff/consultations", JSON, "{}"),
            row("POST", "/api/staff/comments/{id}/approve", Roles.MODERATOR, "/api/staff/comments/no-such-comment/approve", JSON, "{}"),
            row("POST", "/api/staff/comments/{id}/reject", Roles.MODERATOR, "/api/staff/comments/no-such-comment/reject", JSON, "{\"reason\":\"x\"}"),
            row("POST", "/api/staff/comments/{id}/hide", Roles.MODERATOR, "/api/staff/comments/no-such-comment/hide", JSON, "{\"reason\":\"x\"}"),
            // the signed-in user's own account: password, API tokens
            row("PUT", "/api/account/password", SIGNED_IN, "/api/account/password", JSON, "{}"),
            row("POST", "/api/account/tokens", SIGNED_IN, "/api/account/tokens", JSON, "{\"label\":\"role matrix\"}"),
            row("DELETE", "/api/account/tokens/{id}", SIGNED_IN, "/api/account/tokens/999999999", null, null),
            // users and roles: admins only
            row("POST", "/api/staff/users", Roles.ADMIN, "/api/staff/users", JSON, "{}"),
            row("PUT", "/api/staff/users/{username}/roles", Roles.ADMIN, "/api/staff/users/no-such-user/roles", JSON, "{\"roles\":[]}"),
            row("PUT", "/api/staff/users/{username}/enabled", Roles.ADMIN, "/api/staff/users/no-such-user/enabled", JSON,
                    "{\"enabled\":true}"),
            row("POST", "/api/staff/users/{username}/password", Roles.ADMIN, "/api/staff/users/no-such-user/password", JSON, "{}"),
            row("POST", "/api/staff/users/{username}/unlock", Roles.ADMIN, "/api/staff/users/no-such-user/unlock", JSON, "{}"),
            // staff edits of the map (docs/editing.md): the empty bodies name no base version (428) or no reason (400)
            row("PUT", "/api/staff/editing/features/{id}", Roles.EDITOR, "/api/staff/editing/features/no-such-feature", JSON, "{}"),
            row("POST", "/api/staff/editing/features/{id}/versions/{version}/restore", Roles.EDITOR,
                    "/api/staff/editing/features/no-such-feature/versions/1/restore", JSON, "{}"),
            row("POST", "/api/staff/editing/features/{id}/resolve", Roles.EDITOR, "/api/staff/editing/features/no-such-feature/resolve",
                    JSON, "{}"),
            row("POST", "/api/staff/editing/catalogue/{itemId}/place", Roles.EDITOR, "/api/staff/editing/catalogue/no-such-item/place",
                    JSON, "{}")
    );

    /** Mappings that are not writes although they accept every method. */
    static final Set<String> NOT_WRITES = Set.of(
            "/error" // ErrorPathController: every method answers 404, by design
    );

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyWriteIsInTheTable() {
        Set<String> listed = ROWS.stream().map(Row::key).collect(Collectors.toSet());
        Set<String> writes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (NOT_WRITES.contains(pattern)) continue;
                Set<RequestMethod> writeMethods = methods.isEmpty()
                        ? Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE)
                        : methods.stream().filter(m -> m != RequestMethod.GET && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS)
                                .collect(Collectors.toSet());
                writeMethods.forEach(m -> writes.add(m.name() + " " + pattern));
            }
        }
        assertThat(writes).as("write endpoints missing from RoleMatrixIntegrationTests.ROWS (add a row for each)")
                .isSubsetOf(listed);
        assertThat(listed).as("rows of RoleMatrixIntegrationTests.ROWS with no such mapping (remove or fix them)")
                .isSubsetOf(writes);
    }

    static Stream<Row> rows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachActorGetsTheExpectedAnswer(Row row) {
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("anonymous", send(TestStaff.anonymous(port).withCsrf(), row));
        for (String role : Roles.ALL) answers.put(role, send(TestStaff.signIn(context, port, role), row));

        List<String> wrong = new ArrayList<>();
        answers.forEach((actor, r) -> {
            int status = r.statusCode();
            String expected = expected(row.access(), actor);
            boolean ok = switch (expected) {
                case "allowed" -> VALID_SAMPLES.contains(row.key()) ? status / 100 == 2 : refusedAsBadInput(r);
                case "401" -> status == 401;
                default -> status == 403;
            };
            if (!ok) wrong.add(actor + ": expected " + expected + ", got " + status + " " + r.body());
        });
        assertThat(wrong).as(row.toString()).isEmpty();
    }

    private HttpResponse<String> send(TestStaff.Client client, Row row) {
        return client.send(row.method(), row.path(), row.contentType(), row.body());
    }

    /** A 4xx that is not about who asks, as a JSON problem whose detail says what is wrong with the request. */
    static boolean refusedAsBadInput(HttpResponse<String> r) {
        int status = r.statusCode();
        if (status < 400 || status >= 500 || status == 401 || status == 403) return false;
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) return false;
        return !org.planmap.support.Http.parse(r.body()).path("detail").asString("").isBlank();
    }

    static String expected(String access, String actor) {
        if (access.equals(PUBLIC)) return "allowed";
        if (actor.equals("anonymous")) return "401";
        if (access.equals(SIGNED_IN)) return "allowed";
        return Roles.effective(Set.of(actor)).contains(access) ? "allowed" : "403";
    }
}
