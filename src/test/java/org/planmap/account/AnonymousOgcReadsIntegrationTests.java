package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Anonymous GET and HEAD requests to the OGC API pass a security chain without filters
 * ({@link SecurityConfig#anonymousOgcApiReads}); anything else, and any OGC request that carries a token or a session,
 * still goes through the full chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnonymousOgcReadsIntegrationTests {
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void onlyAnonymousReadsUnderTheOgcApiSkipTheFilters() {
        assertThat(SecurityConfig.anonymousOgcApiRead(request("GET", "/ogcapi"))).isTrue();
        assertThat(SecurityConfig.anonymousOgcApiRead(request("GET", "/ogcapi/"))).isTrue();
        assertThat(SecurityConfig.anonymousOgcApiRead(request("HEAD", "/ogcapi/collections/zones/items"))).isTrue();
        assertThat(SecurityConfig.anonymousOgcApiRead(request("POST", "/ogcapi/collections"))).isFalse();
        assertThat(SecurityConfig.anonymousOgcApiRead(request("OPTIONS", "/ogcapi/collections"))).isFalse();
        assertThat(SecurityConfig.anonymousOgcApiRead(request("GET", "/ogcapix/collections"))).isFalse();
        assertThat(SecurityConfig.anonymousOgcApiRead(request("GET", "/api/staff/users"))).isFalse();
        assertThat(SecurityConfig.anonymousOgcApiRead(request("GET", "/api/plan"))).isFalse();
        MockHttpServletRequest token = request("GET", "/ogcapi/collections");
        token.addHeader("Authorization", "Bearer pm_x");
        assertThat(SecurityConfig.anonymousOgcApiRead(token)).isFalse();
        MockHttpServletRequest session = request("GET", "/ogcapi/collections");
        session.setRequestedSessionId("abc");
        assertThat(SecurityConfig.anonymousOgcApiRead(session)).isFalse();
        MockHttpServletRequest mounted = request("GET", "/maps/ogcapi/conformance");
        mounted.setContextPath("/maps");
        assertThat(SecurityConfig.anonymousOgcApiRead(mounted)).isTrue();
    }

    @Test
    void anAnonymousReadIsAnsweredWithTheBrowserPolicyAndNoCookie() throws Exception {
        HttpResponse<String> r = get("/ogcapi/collections", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aTokenOnAnOgcReadIsStillChecked() throws Exception {
        HttpResponse<String> r = get("/ogcapi/collections", "Bearer pm_no-such-token");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void theFirewallStillRefusesWhatItRefused() throws Exception {
        assertThat(get("/ogcapi/collections/zones/items%2F..%2F..", null).statusCode()).isEqualTo(400);
        assertThat(get("/ogcapi/collections;x=1", null).statusCode()).isEqualTo(400);
    }

    private static MockHttpServletRequest request(String method, String uri) {
        return new MockHttpServletRequest(method, uri);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) b.header("Authorization", authorization);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
