package org.planmap.geodata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the app keeps its data snapshot current.
 *
 * @param pollInterval how often the {@code data_version} counter is read; when another app instance on the same
 *                     database has written, the snapshot is rebuilt. Default 1 s; 0 turns polling off (one instance
 *                     alone sees its own writes at once without it).
 */
@ConfigurationProperties("planmap.data")
public record DataProperties(Duration pollInterval) {
    public DataProperties {
        if (pollInterval == null) pollInterval = Duration.ofSeconds(1);
        if (pollInterval.isNegative()) throw new IllegalArgumentException("planmap.data.poll-interval must not be negative");
    }
}
