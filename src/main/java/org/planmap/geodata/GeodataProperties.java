package org.planmap.geodata;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the source data lives.
 *
 * @param dir folder holding {@code plan/} and the {@code *.geojson} collections (default {@code geodata},
 *            relative to the working directory)
 */
@ConfigurationProperties("planmap.geodata")
public record GeodataProperties(Path dir) {
    public GeodataProperties {
        if (dir == null) dir = Path.of("geodata");
    }
}
