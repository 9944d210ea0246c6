package org.planmap.consultation;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Erases contacts and client hashes whose retention ended ({@link CommentRepository#erasePersonalData}), a minute
 * after start and then every hour. Logs only how many fields were erased.
 */
@Component
class PersonalDataRetention {
    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "consultation-retention");
        t.setDaemon(true);
        return t;
    });

    PersonalDataRetention(CommentRepository comments) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int n = comments.erasePersonalData(Instant.now());
                if (n > 0) log.info("Consultation retention: {} personal data fields erased", n);
            } catch (RuntimeException e) {
                log.warn("Consultation retention run failed; it runs again in an hour: {}", e.getMessage());
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
