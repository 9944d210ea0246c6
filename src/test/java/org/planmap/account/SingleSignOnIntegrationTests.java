package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.planmap.support.Http;
import org.planmap.support.TestStaff;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on switched on by configuration only: with a client registration (a Keycloak realm's endpoints, given
 * explicitly so nothing is fetched at start) the sign-in page is offered "Sign in with Keycloak" and
 * {@code /oauth2/authorization/keycloak} sends the browser to the provider. (Without one — the shared test contexts —
 * {@code AccountContract.singleSignOnIsOffUnlessConfigured} checks nothing is offered.) A context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.keycloak.client-id=planmap",
        "spring.security.oauth2.client.registration.keycloak.client-secret=test-client-secret-not-used",
        "spring.security.oauth2.client.registration.keycloak.client-name=Keycloak",
        "spring.security.oauth2.client.registration.keycloak.scope=openid,profile",
        "spring.security.oauth2.client.registration.keycloak.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.keycloak.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.keycloak.authorization-uri=http://127.0.0.1:9/realms/planmap/protocol/openid-connect/auth",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:9/realms/planmap/protocol/openid-connect/token",
        "spring.security.oauth2.client.provider.keycloak.jwk-set-uri=http://127.0.0.1:9/realms/planmap/protocol/openid-connect/certs",
        "spring.security.oauth2.client.provider.keycloak.user-name-attribute=preferred_username",
        "planmap.oidc.roles-claim=realm_access.roles"})
class SingleSignOnIntegrationTests {
    @LocalServerPort
    int port;

    @Test
    void theSignInPageOffersTheProviderAndTheLoginGoesThere() {
        JsonNode me = TestStaff.anonymous(port).me();
        assertThat(me.get("signedIn").asBoolean()).isFalse();
        assertThat(me.get("singleSignOn").get(0).get("name").asString()).isEqualTo("Keycloak");
        assertThat(me.get("singleSignOn").get(0).get("path").asString()).isEqualTo("oauth2/authorization/keycloak");

        HttpResponse<String> start = TestStaff.anonymous(port).get("/oauth2/authorization/keycloak");
        assertThat(start.statusCode()).isEqualTo(302);
        String location = start.headers().firstValue("Location").orElse("");
        assertThat(location).startsWith("http://127.0.0.1:9/realms/planmap/protocol/openid-connect/auth?")
                .contains("client_id=planmap").contains("state=").contains("scope=openid");
        assertThat(location).doesNotContain("test-client-secret-not-used");
        // the public map is unchanged
        assertThat(Http.parse(TestStaff.anonymous(port).get("/api/layers").body()).isArray()).isTrue();
    }
}
