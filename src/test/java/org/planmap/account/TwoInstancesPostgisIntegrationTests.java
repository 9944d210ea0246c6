package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.planmap.PlanMapApplication;
import org.planmap.support.Http;
import org.planmap.support.PostgisTestDatabase;
import org.planmap.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Two app instances on one PostGIS share their sessions (Spring Session JDBC): a user signed in on one is signed in
 * on the other, and signing out on the second ends the session on the first. The second instance is a whole app
 * started in this JVM on the PostGIS test context's own schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class TwoInstancesPostgisIntegrationTests {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    private ConfigurableApplicationContext secondInstance() {
        String[] same = {"spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.flyway.schemas", "spring.flyway.default-schema"};
        SpringApplicationBuilder b = new SpringApplicationBuilder(PlanMapApplication.class);
        java.util.List<String> args = new java.util.ArrayList<>();
        for (String key : same) args.add("--" + key + "=" + environment.getProperty(key, ""));
        args.add("--server.port=0");
        return b.run(args.toArray(String[]::new));
    }

    private static HttpResponse<String> send(int port, String method, String path, String cookies, String csrf) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Cookie", cookies);
        if (csrf != null) r.header("X-XSRF-TOKEN", csrf);
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aUserSignedInOnOneInstanceIsSignedInOnTheOther() throws Exception {
        TestStaff.Client first = TestStaff.signIn(context, port, Roles.EDITOR);
        String session = first.cookie(SecurityConfig.SESSION_COOKIE);
        String csrf = first.csrfToken();
        String cookies = SecurityConfig.SESSION_COOKIE + "=" + session + "; XSRF-TOKEN=" + csrf;
        try (ConfigurableApplicationContext other = secondInstance()) {
            int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
            assertThat(otherPort).isNotEqualTo(port);

            JsonNode me = Http.parse(send(otherPort, "GET", "/api/account/me", cookies, null).body());
            assertThat(me.get("signedIn").asBoolean()).as("the session of the first instance, on the second").isTrue();
            assertThat(me.get("username").asString()).isEqualTo("test-editor");

            assertThat(send(otherPort, "POST", "/api/account/sign-out", cookies, csrf).statusCode()).isEqualTo(204);
            assertThat(first.me().get("signedIn").asBoolean()).as("signed out on the second, so on the first too").isFalse();
        }
    }
}
