package org.planmap.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Reading the audit trail, newest first, filtered by who, entity type and id, action and a time range (all optional,
 * all exact matches but the range: {@code from} inclusive, {@code to} exclusive). Read-only: there is no write here.
 */
@Repository
public class AuditQuery {
    private static final RowMapper<AuditEvent> ROW = (rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
            rs.getString("actor"), rs.getString("actor_kind"), rs.getString("entity_type"), rs.getString("entity_id"),
            rs.getString("action"), rs.getString("before_json"), rs.getString("after_json"), rs.getString("reason"));
    private final JdbcTemplate jdbc;

    public AuditQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The filter; null or blank fields do not filter. */
    public record Filter(String actor, String entityType, String entityId, String action, Instant from, Instant to) {
        private String where(List<Object> args) {
            List<String> clauses = new ArrayList<>();
            add(clauses, args, "actor = ?", actor);
            add(clauses, args, "entity_type = ?", entityType);
            add(clauses, args, "entity_id = ?", entityId);
            add(clauses, args, "action = ?", action);
            if (from != null) {
                clauses.add("at >= ?");
                args.add(Timestamp.from(from));
            }
            if (to != null) {
                clauses.add("at < ?");
                args.add(Timestamp.from(to));
            }
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        private static void add(List<String> clauses, List<Object> args, String clause, String value) {
            if (value != null && !value.isBlank()) {
                clauses.add(clause);
                args.add(value.strip());
            }
        }
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event" + filter.where(args), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    public List<AuditEvent> page(Filter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT * FROM audit_event" + where + " ORDER BY id DESC LIMIT ? OFFSET ?", ROW, args.toArray());
    }

    /** Every matching event, newest first, streamed row by row (an export of the whole trail holds no list in memory). */
    public void each(Filter filter, Consumer<AuditEvent> sink) {
        List<Object> args = new ArrayList<>();
        jdbc.query("SELECT * FROM audit_event" + filter.where(args) + " ORDER BY id DESC",
                rs -> { sink.accept(ROW.mapRow(rs, 0)); }, args.toArray());
    }

    /** The distinct values of the filterable columns, for the workspace's filter lists. */
    public List<String> distinct(String column) {
        if (!List.of("actor", "entity_type", "action").contains(column)) throw new IllegalArgumentException(column);
        return jdbc.queryForList("SELECT DISTINCT " + column + " FROM audit_event WHERE " + column + " IS NOT NULL ORDER BY " + column,
                String.class);
    }
}
