package org.planmap.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The H2 half of "the audit table is append-only" (db/migration/h2/V11__audit_event.sql): called before every UPDATE
 * and DELETE of an {@code audit_event} row, it refuses the change. PostGIS has the same rule as a PL/pgSQL trigger.
 */
public final class AppendOnlyH2Trigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", "42501");
    }
}
