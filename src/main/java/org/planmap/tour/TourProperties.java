package org.planmap.tour;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where presenter tours are read from.
 *
 * @param dir       folder of {@code *.json} tour files (default {@code geodata/tours}, relative to the working directory)
 * @param maxTargets how many quantified targets a step shows at most (default 4)
 */
@ConfigurationProperties("planmap.tours")
public record TourProperties(Path dir, Integer maxTargets) {
    public TourProperties {
        if (dir == null) {
            dir = Path.of("geodata/tours");
        }
        if (maxTargets == null) {
            maxTargets = 4;
        }
    }
}
