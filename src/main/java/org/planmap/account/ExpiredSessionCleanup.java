package org.planmap.account;

import org.planmap.system.DatabaseAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Removes expired staff sessions from the database: Spring Session's own cleanup, run here instead of on its cron
 * ({@code spring.session.jdbc.cleanup-cron: "-"}) so that it is skipped while the database is known to be away.
 * Spring Session's logged an ERROR with a full stack trace at every run of an outage; a failed run here is one line.
 * The interval is {@code planmap.account.session-cleanup-interval} (default one minute, as Spring Session's).
 */
@Configuration
@EnableScheduling
class ExpiredSessionCleanup {
    private static final Logger log = LoggerFactory.getLogger(ExpiredSessionCleanup.class);
    private final JdbcIndexedSessionRepository sessions;
    private final DatabaseAvailability database;

    ExpiredSessionCleanup(JdbcIndexedSessionRepository sessions, DatabaseAvailability database) {
        this.sessions = sessions;
        this.database = database;
    }

    @Scheduled(fixedDelayString = "${planmap.account.session-cleanup-interval:PT1M}",
            initialDelayString = "${planmap.account.session-cleanup-interval:PT1M}")
    void removeExpired() {
        if (!database.up()) return; // the breaker is open: nothing can be removed now, the next run will
        try {
            sessions.cleanUpExpiredSessions();
        } catch (DataAccessException e) {
            log.warn("Expired sessions not removed this time: {}", e.getMostSpecificCause().getMessage());
        }
    }
}
