package org.planmap.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Online base maps. Both are off unless configured: the app is fully usable with no outside network.
 *
 * @param osmEnabled   offer OpenStreetMap tiles (default false)
 * @param osmUrl       OSM tile URL template
 * @param tiandituKey  Tianditu key; empty = Tianditu not offered
 */
@ConfigurationProperties("planmap.tiles")
public record TilesProperties(boolean osmEnabled, String osmUrl, String tiandituKey) {
    public TilesProperties {
        if (osmUrl == null || osmUrl.isBlank()) osmUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
        if (tiandituKey == null) tiandituKey = "";
    }
}
