package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Roles from the identity provider's claim (single sign-on), e.g. Keycloak's realm roles. */
class SingleSignOnRolesTests {
    @Test
    void aFlatRolesClaim() {
        var p = new SingleSignOn.Properties(null, null, null);
        assertThat(SingleSignOn.roles(Map.of("roles", List.of("editor", "offline_access", "ROLE_MODERATOR")), p))
                .containsExactly(Roles.EDITOR, Roles.MODERATOR);
        assertThat(SingleSignOn.roles(Map.of("sub", "x"), p)).isEmpty();
    }

    @Test
    void keycloakRealmRolesWithAPrefix() {
        var p = new SingleSignOn.Properties(null, "realm_access.roles", "planmap-");
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("planmap-admin", "editor", "uma_authorization")));
        assertThat(SingleSignOn.roles(claims, p)).as("only prefixed values count").containsExactly(Roles.ADMIN);
    }

    @Test
    void aSpaceSeparatedStringClaim() {
        var p = new SingleSignOn.Properties(null, "groups", null);
        assertThat(SingleSignOn.roles(Map.of("groups", "moderator editor"), p)).containsExactlyInAnyOrder(Roles.MODERATOR, Roles.EDITOR);
    }
}
