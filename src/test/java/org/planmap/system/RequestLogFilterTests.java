package org.planmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

/** The path the request log writes: a staff username or an account's token id never, the handler's pattern instead. */
class RequestLogFilterTests {

    static MockHttpServletRequest request(String method, String uri, String pattern) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, uri);
        if (pattern != null) r.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
        return r;
    }

    @Test
    void aHandledStaffUserPathIsLoggedAsItsPattern() {
        assertThat(RequestLogFilter.loggedPath(request("POST", "/api/staff/users/li.hua/password",
                "/api/staff/users/{username}/password"))).isEqualTo("/api/staff/users/{username}/password");
        assertThat(RequestLogFilter.loggedPath(request("DELETE", "/api/account/tokens/42", "/api/account/tokens/{id}")))
                .isEqualTo("/api/account/tokens/{id}");
    }

    @Test
    void aRefusedOrUnknownStaffUserPathHasItsUsernameReplacedAnyway() {
        assertThat(RequestLogFilter.loggedPath(request("POST", "/api/staff/users/li.hua/unlock", null)))
                .isEqualTo("/api/staff/users/{username}/unlock");
        assertThat(RequestLogFilter.loggedPath(request("GET", "/api/staff/users/li.hua", null))).isEqualTo("/api/staff/users/{username}");
        assertThat(RequestLogFilter.loggedPath(request("GET", "/api/staff/users/li.hua/no/such/thing", null)))
                .isEqualTo("/api/staff/users/{username}/no/such/thing");
        assertThat(RequestLogFilter.loggedPath(request("DELETE", "/api/account/tokens/42", null))).isEqualTo("/api/account/tokens/{id}");
        // the error dispatch's pattern (/error) is not the request's: the path is masked, not replaced by it
        assertThat(RequestLogFilter.loggedPath(request("PUT", "/api/staff/users/li.hua/roles", "/error")))
                .isEqualTo("/api/staff/users/{username}/roles");
    }

    @Test
    void otherPathsAreLoggedAsTheyCame() {
        assertThat(RequestLogFilter.loggedPath(request("GET", "/api/staff/users", "/api/staff/users"))).isEqualTo("/api/staff/users");
        assertThat(RequestLogFilter.loggedPath(request("GET", "/api/features/zone-east", "/api/features/{id}")))
                .isEqualTo("/api/features/zone-east");
        assertThat(RequestLogFilter.loggedPath(request("POST", "/api/account/sign-in", null))).isEqualTo("/api/account/sign-in");
    }

    @Test
    void theContextPathIsKept() {
        MockHttpServletRequest r = request("POST", "/planmap/api/staff/users/li.hua/unlock", "/api/staff/users/{username}/unlock");
        r.setContextPath("/planmap");
        assertThat(RequestLogFilter.loggedPath(r)).isEqualTo("/planmap/api/staff/users/{username}/unlock");
        r.removeAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        assertThat(RequestLogFilter.loggedPath(r)).isEqualTo("/planmap/api/staff/users/{username}/unlock");
    }
}
