package org.planmap.consultation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and privacy settings of public consultations ({@code planmap.consultation.*}).
 *
 * @param maxTextLength          characters of a comment's text (default 1,000); longer → 422
 * @param maxContactLength       characters of the optional contact (default 200)
 * @param maxCommentsPerClient   comments one client (one hashed address) may send to one consultation within
 *                               {@code rateWindow} (default 5); one more → 429 with Retry-After
 * @param rateWindow             the window of that limit (default 10 minutes)
 * @param clientHashSalt         salt of the client-address hash; empty (default) = a random salt per start, so a
 *                               stored hash cannot be linked to an address (nor across restarts)
 * @param clientHashRetention    how long a comment keeps its client hash (default 30 days; then erased)
 * @param contactRetention       how long a contact is kept after the consultation closes (default 90 days; then
 *                               erased). The form's consent line says so.
 * @param flagWords              words that flag a comment for the moderator (not a block); case-insensitive
 *                               substrings. Default: the list in {@code consultation/flag-words.txt}
 * @param liveTimeout            how long one live-view connection stays open before the browser reconnects
 *                               (default 30 minutes)
 */
@ConfigurationProperties("planmap.consultation")
public record ConsultationProperties(Integer maxTextLength, Integer maxContactLength, Integer maxCommentsPerClient,
                                     Duration rateWindow, String clientHashSalt, Duration clientHashRetention,
                                     Duration contactRetention, List<String> flagWords, Duration liveTimeout) {
    public ConsultationProperties {
        if (maxTextLength == null) maxTextLength = 1000;
        if (maxContactLength == null) maxContactLength = 200;
        if (maxCommentsPerClient == null) maxCommentsPerClient = 5;
        if (rateWindow == null) rateWindow = Duration.ofMinutes(10);
        if (clientHashSalt == null) clientHashSalt = "";
        if (clientHashRetention == null) clientHashRetention = Duration.ofDays(30);
        if (contactRetention == null) contactRetention = Duration.ofDays(90);
        if (liveTimeout == null) liveTimeout = Duration.ofMinutes(30);
    }
}
