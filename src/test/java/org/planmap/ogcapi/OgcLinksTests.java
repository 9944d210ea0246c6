package org.planmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The absolute URLs of the OGC resources: context path, proxy headers, and whom those headers are taken from. */
class OgcLinksTests {
    static MockHttpServletRequest request(String peer, String contextPath) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", contextPath + "/ogcapi/collections");
        r.setScheme("http");
        r.setServerName("app.internal");
        r.setServerPort(8080);
        r.setContextPath(contextPath);
        r.setRemoteAddr(peer);
        return r;
    }

    @Test
    void theApiRootIsUnderTheContextPath() {
        assertThat(OgcLinks.of(request("127.0.0.1", "/planmap")).base()).isEqualTo("http://app.internal:8080/planmap/ogcapi");
        assertThat(OgcLinks.of(request("127.0.0.1", "")).base()).isEqualTo("http://app.internal:8080/ogcapi");
    }

    @Test
    void aProxyOnAPrivateNetworkIsBelievedWithItsPrefixBeforeTheContextPath() {
        MockHttpServletRequest r = request("10.0.0.7", "/planmap");
        r.addHeader("X-Forwarded-Proto", "https");
        r.addHeader("X-Forwarded-Host", "maps.example.org");
        r.addHeader("X-Forwarded-Prefix", "/city/");
        assertThat(OgcLinks.of(r).base()).isEqualTo("https://maps.example.org/city/planmap/ogcapi");
        MockHttpServletRequest v6 = request("fd12:3456::1", "");
        v6.addHeader("Forwarded", "proto=https;host=maps.example.org");
        assertThat(OgcLinks.of(v6).base()).isEqualTo("https://maps.example.org/ogcapi");
    }

    @Test
    void forwardedHeadersFromAPublicPeerAreIgnored() {
        MockHttpServletRequest r = request("203.0.113.9", "");
        r.addHeader("X-Forwarded-Host", "evil.example");
        r.addHeader("Forwarded", "host=evil.example");
        assertThat(OgcLinks.of(r).base()).isEqualTo("http://app.internal:8080/ogcapi");
    }

    @Test
    void anUnusablePrefixIsIgnoredNotEchoed() {
        MockHttpServletRequest r = request("127.0.0.1", "");
        r.addHeader("X-Forwarded-Prefix", "/a\"><script>");
        assertThat(OgcLinks.of(r).base()).isEqualTo("http://app.internal:8080/ogcapi");
    }
}
