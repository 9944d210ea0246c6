package org.planmap.account;

import java.util.List;
import java.util.Set;

/**
 * The staff roles (docs/accounts.md). Protect an endpoint with {@code @PreAuthorize("hasRole('EDITOR')")} (or
 * {@code MODERATOR}, {@code ADMIN}), or with the constants: {@code @PreAuthorize(Roles.HAS_EDITOR)}.
 * {@link #ADMIN} implies {@link #EDITOR} and {@link #MODERATOR} (the role hierarchy of {@link SecurityConfig}).
 */
public final class Roles {
    /** Geometry and attributes of the map, implementation progress. */
    public static final String EDITOR = "EDITOR";
    /** Public comments of the consultation. */
    public static final String MODERATOR = "MODERATOR";
    /** Users, roles, settings, the audit trail; implies the other two. */
    public static final String ADMIN = "ADMIN";

    public static final String HAS_EDITOR = "hasRole('EDITOR')";
    public static final String HAS_MODERATOR = "hasRole('MODERATOR')";
    public static final String HAS_ADMIN = "hasRole('ADMIN')";

    /** Every role, in the order the UI lists them. */
    public static final List<String> ALL = List.of(EDITOR, MODERATOR, ADMIN);

    private Roles() { }

    /** The role as a Spring Security authority ({@code ROLE_EDITOR}). */
    public static String authority(String role) {
        return "ROLE_" + role;
    }

    /** The roles a set of assigned roles grants, with what {@link #ADMIN} implies. */
    public static Set<String> effective(Set<String> assigned) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String r : ALL) {
            if (assigned.contains(r) || (assigned.contains(ADMIN) && !r.equals(ADMIN))) out.add(r);
        }
        return out;
    }

    /** A role name from outside (an admin's request, a claim), upper-cased and checked; null if not a role. */
    public static String parse(String name) {
        if (name == null) return null;
        String r = name.strip().toUpperCase(java.util.Locale.ROOT);
        if (r.startsWith("ROLE_")) r = r.substring(5);
        return ALL.contains(r) ? r : null;
    }
}
