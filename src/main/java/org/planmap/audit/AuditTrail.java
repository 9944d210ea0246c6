package org.planmap.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit trail: who changed what, when, from which value to which, and why (docs/audit.md). Every staff write
 * calls {@link #record} in its own transaction (the row joins it: a write that rolls back leaves no audit row, and
 * an audit row that cannot be written rolls the write back); anonymous writes worth tracing call
 * {@link #recordPublic}. The table is append-only: this class only inserts, and a database trigger refuses UPDATE
 * and DELETE.
 *
 * <p>The actor is never passed in: {@link #record} takes the signed-in user from the security context, so no
 * caller can attribute a change to someone else. Values are stored as JSON; any property whose name says it holds
 * a secret (password, secret, token, hash, credential) has its value replaced by {@value #REDACTED} at any depth, so a careless
 * {@code before}/{@code after} cannot leak one into the trail or its CSV export.
 */
@Component
public class AuditTrail {
    public static final String REDACTED = "[redacted]";
    /** Property names whose values never enter the trail. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|hash|credential).*");
    static final int MAX_REASON = 2000;

    /** Who acted: a signed-in user, the public (anonymous), or the app itself (start-up tasks). */
    public enum ActorKind { USER, PUBLIC, SYSTEM }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public AuditTrail(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records a change made by the signed-in user.
     *
     * @param entityType what kind of thing changed ({@code feature}, {@code account}, {@code comment}, …)
     * @param entityId   which one (may be null for an action on no single entity)
     * @param action     what was done ({@code update}, {@code create}, {@code sign-in}, …)
     * @param before     the value before (any Jackson-serialisable value) or null
     * @param after      the value after or null
     * @param reason     the reason the user typed, or null
     * @throws IllegalStateException when nobody is signed in (use {@link #recordPublic} for anonymous actions)
     */
    @Transactional
    public void record(String entityType, String entityId, String action, Object before, Object after, String reason) {
        String actor = signedInUser();
        if (actor == null) {
            throw new IllegalStateException("AuditTrail.record needs a signed-in user; use recordPublic for anonymous actions");
        }
        insert(actor, ActorKind.USER, entityType, entityId, action, before, after, reason);
    }

    /** Records an action of an anonymous member of the public (no actor stored). */
    @Transactional
    public void recordPublic(String entityType, String entityId, String action, Object before, Object after, String reason) {
        insert(null, ActorKind.PUBLIC, entityType, entityId, action, before, after, reason);
    }

    /** Records an action the app took by itself (e.g. creating the first admin from configuration at start-up). */
    @Transactional
    public void recordSystem(String entityType, String entityId, String action, Object before, Object after, String reason) {
        insert("system", ActorKind.SYSTEM, entityType, entityId, action, before, after, reason);
    }

    /** The username of the signed-in user of this thread, or null when anonymous. */
    public static String signedInUser() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) return null;
        return a.getName();
    }

    private void insert(String actor, ActorKind kind, String entityType, String entityId, String action,
                        Object before, Object after, String reason) {
        if (entityType == null || entityType.isBlank()) throw new IllegalArgumentException("entityType is required");
        if (action == null || action.isBlank()) throw new IllegalArgumentException("action is required");
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) why = why.substring(0, MAX_REASON);
        jdbc.update("INSERT INTO audit_event (at, actor, actor_kind, entity_type, entity_id, action, before_json, after_json, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(Instant.now()), actor, kind.name().toLowerCase(Locale.ROOT), entityType, entityId, action,
                toJson(before), toJson(after), why);
    }

    /** The value as JSON text with every secret-named property redacted; null stays null. */
    String toJson(Object value) {
        if (value == null) return null;
        JsonNode tree = json.valueToTree(value);
        return json.writeValueAsString(redact(tree));
    }

    static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(name);
                // a secret-named value is replaced; a secret-named object or list ("tokens") is searched like any other
                if (SECRET_NAME.matcher(name).matches() && value.isValueNode() && !value.isNull()) object.put(name, REDACTED);
                else redact(object.get(name));
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) redact(element);
        }
        return node;
    }
}
