package org.planmap.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Optional single sign-on through OpenID Connect (docs/accounts.md, "Single sign-on"). Off unless a client
 * registration is configured ({@code spring.security.oauth2.client.registration.<id>.…}, Spring Boot's own keys):
 * then the staff page offers "Sign in with …" and {@link SecurityConfig} adds the OIDC login. A user who signs in
 * this way gets a local account (no password) named by the username claim; their roles come from the roles claim
 * at every sign-in (and are audited when they change). A locally disabled account stays out.
 *
 * @see Properties the claim names
 */
@Component
public class SingleSignOn {
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final Properties properties;
    private final StaffUserRepository users;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    /**
     * @param usernameClaim the claim naming the local account (default {@code preferred_username})
     * @param rolesClaim    the claim holding the roles, a dotted path into nested objects (default {@code roles};
     *                      Keycloak's realm roles without a mapper: {@code realm_access.roles})
     * @param rolePrefix    a prefix the identity provider's role names carry (default none; e.g. {@code planmap-}
     *                      maps {@code planmap-editor} to EDITOR); values that are not a role after it are ignored
     */
    @ConfigurationProperties("planmap.oidc")
    public record Properties(String usernameClaim, String rolesClaim, String rolePrefix) {
        public Properties {
            if (usernameClaim == null || usernameClaim.isBlank()) usernameClaim = "preferred_username";
            if (rolesClaim == null || rolesClaim.isBlank()) rolesClaim = "roles";
            if (rolePrefix == null) rolePrefix = "";
        }
    }

    public SingleSignOn(ObjectProvider<ClientRegistrationRepository> registrations, Properties properties, StaffUserRepository users,
                        AuditTrail audit, TransactionTemplate tx) {
        this.registrations = registrations;
        this.properties = properties;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
    }

    public boolean enabled() {
        return registrations.getIfAvailable() != null;
    }

    /** The configured providers for the sign-in page: {@code [{id, name, path}]}, empty when single sign-on is off. */
    public List<Map<String, String>> providers() {
        List<Map<String, String>> out = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof InMemoryClientRegistrationRepository repository) {
            for (ClientRegistration r : repository) {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("id", r.getRegistrationId());
                p.put("name", r.getClientName());
                p.put("path", "oauth2/authorization/" + r.getRegistrationId());
                out.add(p);
            }
        }
        return out;
    }

    /** The OIDC user service: the provider's user, mapped to a local account and its roles. */
    public OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser remote = delegate.loadUser(request);
            Object claimed = remote.getClaims().get(properties.usernameClaim());
            String name = StaffUserRepository.normalise(claimed == null ? null : String.valueOf(claimed));
            if (name == null || !StaffAccounts.USERNAME.matcher(name).matches()) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user", "The username claim '"
                        + properties.usernameClaim() + "' is missing or not a valid username", null));
            }
            Set<String> roles = roles(remote.getClaims(), properties);
            StaffUser local = tx.execute(s -> provision(name, remote.getFullName(), roles));
            if (local == null || !local.enabled()) {
                throw new OAuth2AuthenticationException(new OAuth2Error("account_disabled", "This account is disabled here", null));
            }
            return new DefaultOidcUser(AuthorityUtils.createAuthorityList(local.roles().stream().map(Roles::authority).toList()),
                    remote.getIdToken(), remote.getUserInfo(), properties.usernameClaim());
        };
    }

    private StaffUser provision(String name, String fullName, Set<String> roles) {
        var existing = users.find(name);
        if (existing.isEmpty()) {
            users.insert(name, fullName == null || fullName.isBlank() ? name : fullName, null, roles, false);
            StaffUser created = users.find(name).orElseThrow();
            audit.recordSystem("account", name, "create", null, created.view(), "single sign-on");
            return created;
        }
        StaffUser before = existing.get();
        if (!before.roles().equals(roles)) {
            users.setRoles(name, roles);
            StaffUser after = users.find(name).orElseThrow();
            audit.recordSystem("account", name, "roles", Map.of("roles", before.view().roles()), Map.of("roles", after.view().roles()),
                    "from the identity provider's roles claim");
            return after;
        }
        return before;
    }

    /** The roles a claim set grants: the values at the dotted claim path, prefix removed, that name a role. */
    static Set<String> roles(Map<String, Object> claims, Properties properties) {
        Object node = claims;
        for (String part : properties.rolesClaim().split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
        }
        Collection<?> values = node instanceof Collection<?> c ? c : node instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
        Set<String> roles = new LinkedHashSet<>();
        for (Object v : values) {
            String value = String.valueOf(v);
            if (!properties.rolePrefix().isEmpty()) {
                if (!value.toLowerCase(java.util.Locale.ROOT).startsWith(properties.rolePrefix().toLowerCase(java.util.Locale.ROOT))) continue;
                value = value.substring(properties.rolePrefix().length());
            }
            String role = Roles.parse(value);
            if (role != null) roles.add(role);
        }
        return roles;
    }
}
