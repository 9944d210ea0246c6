package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Expired staff sessions are still removed from the database now that the app runs Spring Session's cleanup itself
 * (so it can skip it during an outage): a session that expired is gone within seconds, a live one stays.
 */
@SpringBootTest(properties = "planmap.account.session-cleanup-interval=PT1S")
class ExpiredSessionCleanupIntegrationTests {
    @Autowired JdbcTemplate jdbc;

    @Test
    void anExpiredSessionIsRemovedAndALiveOneKept() {
        long now = System.currentTimeMillis();
        insert("expired-row", now - 9 * 3_600_000L, now - 3_600_000L);
        insert("live-row", now, now + 3_600_000L);
        await().atMost(Duration.ofSeconds(15)).until(() -> count("expired-row") == 0);
        assertThat(count("live-row")).isEqualTo(1);
        jdbc.update("DELETE FROM SPRING_SESSION WHERE PRIMARY_ID = 'live-row'");
    }

    private void insert(String id, long lastAccess, long expiry) {
        jdbc.update("INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, "
                + "EXPIRY_TIME, PRINCIPAL_NAME) VALUES (?, ?, ?, ?, ?, ?, ?)", id, id + "-session", lastAccess, lastAccess, 28800, expiry,
                "test-editor");
    }

    private int count(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRIMARY_ID = ?", Integer.class, id);
    }
}
