package org.planmap.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Online base maps. Both are off unless configured: the app is fully usable with no outside network.
 *
 * @param osmEnabled      offer an OSM-style street base (default false)
 * @param osmUrl          its tile URL template, {@code {z}/{x}/{y}} in Web Mercator (default the OpenStreetMap tiles;
 *                        a deployment may point it at its own tile server)
 * @param osmAttribution  the credit shown on the map for those tiles (default "© OpenStreetMap contributors")
 * @param osmMaxZoom      the deepest zoom the tile server has (default 19)
 * @param tiandituKey     Tianditu key; empty = Tianditu not offered
 */
@ConfigurationProperties("planmap.tiles")
public record TilesProperties(boolean osmEnabled, String osmUrl, String osmAttribution, Integer osmMaxZoom, String tiandituKey) {
    public TilesProperties {
        if (osmUrl == null || osmUrl.isBlank()) osmUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
        if (osmAttribution == null || osmAttribution.isBlank()) osmAttribution = "© OpenStreetMap contributors";
        if (osmMaxZoom == null) osmMaxZoom = 19;
        if (tiandituKey == null) tiandituKey = "";
    }
}
