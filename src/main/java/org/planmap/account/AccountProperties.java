package org.planmap.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings (docs/accounts.md).
 *
 * @param maxFailedSignIns failed sign-ins in a row after which an account is locked (default 5)
 * @param lockDuration     how long the lock lasts (default 15 minutes); an admin can unlock earlier
 */
@ConfigurationProperties("planmap.account")
public record AccountProperties(Integer maxFailedSignIns, Duration lockDuration) {
    public AccountProperties {
        if (maxFailedSignIns == null) maxFailedSignIns = 5;
        if (lockDuration == null) lockDuration = Duration.ofMinutes(15);
        if (maxFailedSignIns < 1) throw new IllegalArgumentException("planmap.account.max-failed-sign-ins must be at least 1");
    }
}
