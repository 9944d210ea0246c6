package org.planmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The absolute URLs of the OGC resources: context path, proxy headers, and whom those headers are taken from. */
class OgcLinksTests {
    /** The API root for a request to http://app.internal:8080{contextPath}/ogcapi/collections from {@code peer}. */
    static String base(String peer, String contextPath, String... headers) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", contextPath + "/ogcapi/collections");
        r.setScheme("http");
        r.setServerName("app.internal");
        r.setServerPort(8080);
        r.setContextPath(contextPath);
        r.setRemoteAddr(peer);
        for (int i = 0; i < headers.length; i += 2) r.addHeader(headers[i], headers[i + 1]);
        return OgcLinks.of(r).base();
    }

    @Test
    void theApiRootIsUnderTheContextPath() {
        assertThat(base("127.0.0.1", "/planmap")).isEqualTo("http://app.internal:8080/planmap/ogcapi");
        assertThat(base("127.0.0.1", "")).isEqualTo("http://app.internal:8080/ogcapi");
    }

    @Test
    void aProxyOnAPrivateNetworkIsBelievedWithItsPrefixInPlaceOfTheContextPath() {
        assertThat(base("10.0.0.7", "/planmap", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "maps.example.org",
                "X-Forwarded-Prefix", "/city/")).isEqualTo("https://maps.example.org/city/ogcapi");
        assertThat(base("10.0.0.7", "/planmap", "X-Forwarded-Host", "maps.example.org"))
                .isEqualTo("http://maps.example.org/planmap/ogcapi");
        assertThat(base("fd12:3456::1", "", "Forwarded", "proto=https;host=maps.example.org"))
                .isEqualTo("https://maps.example.org/ogcapi");
    }

    @Test
    void forwardedHeadersFromAPublicPeerAreIgnored() {
        assertThat(base("203.0.113.9", "", "X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example"))
                .isEqualTo("http://app.internal:8080/ogcapi");
    }

    @Test
    void anUnusablePrefixIsIgnoredNotEchoed() {
        assertThat(base("127.0.0.1", "", "X-Forwarded-Prefix", "/a\"><script>")).isEqualTo("http://app.internal:8080/ogcapi");
    }
}
