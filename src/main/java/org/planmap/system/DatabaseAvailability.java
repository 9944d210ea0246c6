package org.planmap.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, as the app last saw it: a circuit breaker in front of the connection pool.
 * When getting a connection fails for a connection reason (server stopped, restarting, unreachable, pool
 * timeout), the state turns DOWN: from then on every request that needs a connection fails at once (no wait
 * for the pool's timeout, so web threads stay free for what needs no database) and is answered 503 with
 * {@code Retry-After}; a background probe tries one connection every {@code probeInterval} and turns the state
 * UP again as soon as one works. Requests themselves never probe.
 */
public final class DatabaseAvailability implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);
    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "database-probe");
        t.setDaemon(true);
        return t;
    });
    private final long probeIntervalMillis;
    private volatile DataSource target;

    public DatabaseAvailability(long probeIntervalMillis) {
        this.probeIntervalMillis = probeIntervalMillis;
    }

    void watch(DataSource target) {
        this.target = target;
    }

    public boolean up() {
        return downSince.get() == null;
    }

    public Instant downSince() {
        return downSince.get();
    }

    /** For requests that will need the database: 503 at once while it is known to be down, before any other work. */
    public void requireUp() {
        if (!up()) throw ProblemHandler.DATABASE_AWAY.get();
    }

    /** Throws at once while the database is known to be down. */
    void checkUp() throws SQLException {
        Instant since = downSince.get();
        if (since != null) {
            throw new SQLTransientConnectionException("The database has been unavailable since " + since, "08001");
        }
    }

    /** Records a failed attempt to get a connection; a connection-class failure turns the state DOWN. */
    void failed(SQLException e) {
        if (!isConnectionFailure(e)) return;
        if (downSince.compareAndSet(null, Instant.now())) {
            log.warn("Database unavailable ({}): answering 503 to requests that need it until it is back", e.getMessage());
        }
        if (probing.compareAndSet(false, true)) probe.schedule(this::probeOnce, probeIntervalMillis, TimeUnit.MILLISECONDS);
    }

    void succeeded() {
        Instant since = downSince.getAndSet(null);
        if (since != null) log.warn("Database available again after {} s", (System.currentTimeMillis() - since.toEpochMilli()) / 1000.0);
    }

    private void probeOnce() {
        try (Connection c = target.getConnection()) {
            if (c.isValid(2)) {
                probing.set(false);
                succeeded();
                return;
            }
        } catch (SQLException | RuntimeException e) {
            // still down
        }
        probe.schedule(this::probeOnce, probeIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * SQLState class 08 (connection exception) or 57P01–57P03 (PostgreSQL shutting down, crashed, starting), or
     * a refused or broken socket: the database, not the statement, is the problem. A pool timeout alone is not:
     * Hikari's timeout carries the last failed connection attempt as its cause and SQLState when the database
     * is unreachable, and nothing when every connection is merely busy (then tripping the breaker would turn a
     * busy minute into an outage).
     */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        probe.shutdownNow();
    }
}
