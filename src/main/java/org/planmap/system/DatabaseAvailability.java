package org.planmap.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Whether the database answers, as the app last saw it: a circuit breaker in front of the connection pool.
 * When getting a connection fails for a connection reason (server stopped, restarting, unreachable, pool
 * timeout), the state turns DOWN: from then on every request that needs a connection fails at once (no wait
 * for the pool's timeout, so web threads stay free for what needs no database) and is answered 503 with
 * {@code Retry-After}; a background probe tries one connection every {@code probeInterval} and turns the state
 * UP again as soon as one works. Requests themselves never probe.
 *
 * <p>A network that goes silent (no reset, no answer) makes no connection attempt fail while every pooled
 * connection is busy waiting on it, so requests alone would notice only after the driver's socket timeout (60 s).
 * Two things bound that: a heartbeat, from the app's start to its stop, asks one held connection every
 * {@code probeInterval} whether the database answers within {@value #HEARTBEAT_TIMEOUT_SECONDS} s, and turns the
 * state DOWN when it does not; and when the state turns DOWN, the connections lent at that moment are aborted, so
 * their requests answer 503 now too.
 */
public final class DatabaseAvailability implements AutoCloseable, SmartLifecycle {
    /** Long enough for a loaded but healthy server (a false alarm aborts every query in flight), short enough for
     *  the 2 s answers of an outage: a fault is noticed within the interval plus this. */
    static final int HEARTBEAT_TIMEOUT_SECONDS = 2;
    /** The held connection goes back to the pool this often, so the pool's lifetime rules apply to it too. */
    private static final long HEARTBEAT_CONNECTION_MILLIS = TimeUnit.MINUTES.toMillis(5);
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
    /** Connections lent and maybe not yet returned; weak, so that a returned one is forgotten without a call. */
    private final Set<Connection> lent = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private volatile ScheduledFuture<?> heartbeatTask;
    /** The heartbeat's own pooled connection (a busy pool must not silence it); touched on the probe thread only. */
    private Connection heartbeat;
    private long heartbeatTakenAt;

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
            abortLent();
        }
        if (probing.compareAndSet(false, true)) probe.schedule(this::probeOnce, probeIntervalMillis, TimeUnit.MILLISECONDS);
    }

    void lent(Connection connection) {
        lent.add(connection);
    }

    /**
     * Aborts the connections still in use (a returned pool connection reports itself closed and is skipped): their
     * requests fail now with a connection error, answered 503, and the pool discards them.
     */
    private void abortLent() {
        List<Connection> inUse;
        synchronized (lent) {
            inUse = new ArrayList<>(lent);
            lent.clear();
        }
        int aborted = 0;
        for (Connection c : inUse) {
            try {
                if (!c.isClosed()) {
                    c.abort(Runnable::run);
                    aborted++;
                }
            } catch (SQLException | RuntimeException gone) {
                // returned or broken meanwhile: nothing waits on it
            }
        }
        if (aborted > 0) log.warn("Aborted {} database connection(s) in use, so their requests answer 503 now", aborted);
    }

    void succeeded() {
        Instant since = downSince.getAndSet(null);
        if (since != null) log.warn("Database available again after {} s", (System.currentTimeMillis() - since.toEpochMilli()) / 1000.0);
    }

    /** Starts the heartbeat once the context is up, so start-up errors (Flyway, preflight) stay the pool's own. */
    @Override
    public void start() {
        heartbeatTask = probe.scheduleWithFixedDelay(this::beat, probeIntervalMillis, probeIntervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledFuture<?> task = heartbeatTask;
        heartbeatTask = null;
        if (task == null) return;
        task.cancel(false);
        try {
            probe.submit(() -> releaseHeartbeat(false)).get(HEARTBEAT_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway: the pool closes its connections itself
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeatTask != null;
    }

    private void beat() {
        if (target == null) return;
        if (!up()) {
            releaseHeartbeat(false); // the probe watches now
            return;
        }
        try {
            if (heartbeat != null && System.currentTimeMillis() - heartbeatTakenAt > HEARTBEAT_CONNECTION_MILLIS) releaseHeartbeat(false);
            if (heartbeat == null) {
                heartbeat = target.getConnection();
                heartbeatTakenAt = System.currentTimeMillis();
            }
            if (heartbeat.isValid(HEARTBEAT_TIMEOUT_SECONDS)) return;
            failed(new SQLTransientConnectionException("the heartbeat connection is broken or got no answer within "
                    + HEARTBEAT_TIMEOUT_SECONDS + " s", "08006"));
        } catch (SQLException e) {
            failed(e); // a pool merely busy (no SQLState) is no outage
        } catch (RuntimeException e) {
            log.debug("database heartbeat failed", e);
        }
        releaseHeartbeat(true);
    }

    /** Returns the held connection to the pool; aborted first when it failed, so the pool does not lend it again. */
    private void releaseHeartbeat(boolean broken) {
        Connection c = heartbeat;
        heartbeat = null;
        if (c == null) return;
        try {
            if (broken) c.abort(Runnable::run);
            c.close();
        } catch (SQLException | RuntimeException gone) {
            // already closed
        }
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
