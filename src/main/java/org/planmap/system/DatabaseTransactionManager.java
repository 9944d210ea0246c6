package org.planmap.system;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's {@link JdbcTransactionManager} (what Boot would configure), except for the rollback of a transaction
 * whose connection the database has already lost (server stopped, network cut, or aborted by
 * {@link DatabaseAvailability}): the rollback failed with a connection-class error, or on a connection that is
 * closed already (Hikari's closed proxy throws a plain "Connection is closed" with no SQLState). That rollback cannot reach the server and need not: PostgreSQL and H2 discard an
 * uncommitted transaction with its connection, and the pool discards the broken connection. So its failure is
 * logged at DEBUG and not thrown; the statement's own error, a connection failure too, then reaches
 * {@link ProblemHandler} as the 503 it is. Thrown, it would replace that error, and Spring's
 * {@code TransactionTemplate} would log "Application exception overridden by rollback exception" at ERROR with a
 * stack trace of some 170 lines for every request caught by the outage. Any other rollback failure is thrown as
 * before.
 */
final class DatabaseTransactionManager extends JdbcTransactionManager {
    private static final Logger log = LoggerFactory.getLogger(DatabaseTransactionManager.class);

    DatabaseTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } catch (RuntimeException e) {
            if (!DatabaseAvailability.isConnectionFailure(e) && !connectionClosed()) throw e;
            log.debug("Rollback skipped: the connection to the database is lost, and the transaction with it", e);
        }
    }

    /** Whether the transaction's connection (still bound to this thread during the rollback) is closed. */
    private boolean connectionClosed() {
        if (!(TransactionSynchronizationManager.getResource(obtainDataSource()) instanceof ConnectionHolder holder)) return false;
        try {
            return holder.getConnection().isClosed();
        } catch (SQLException | RuntimeException e) {
            return true; // it cannot even say
        }
    }
}
