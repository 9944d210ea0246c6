package org.planmap.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the front end needs to know about the deployment: which online base maps are on. */
@RestController
class ConfigController {
    private final TilesProperties tiles;

    ConfigController(TilesProperties tiles) {
        this.tiles = tiles;
    }

    @GetMapping("/api/config")
    Map<String, Object> config() {
        Map<String, Object> osm = new LinkedHashMap<>();
        osm.put("enabled", tiles.osmEnabled());
        osm.put("url", tiles.osmUrl());
        osm.put("attribution", tiles.osmAttribution());
        osm.put("maxZoom", tiles.osmMaxZoom());
        Map<String, Object> tianditu = new LinkedHashMap<>();
        boolean hasKey = !tiles.tiandituKey().isBlank();
        tianditu.put("enabled", hasKey);
        if (hasKey) {
            // Tianditu's vec_w/cva_w layers are Web Mercator in CGCS2000, which sits on WGS84 within a metre:
            // our WGS84 overlays need no shift (unlike GCJ-02 sources, which we do not offer).
            tianditu.put("url", "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                    + "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILECOL={x}&TILEROW={y}&TILEMATRIX={z}&tk="
                    + tiles.tiandituKey());
            tianditu.put("labelsUrl", "https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                    + "&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILECOL={x}&TILEROW={y}&TILEMATRIX={z}&tk="
                    + tiles.tiandituKey());
            tianditu.put("subdomains", "01234567");
            tianditu.put("attribution", "© 天地图 Tianditu");
        }
        return Map.of("tiles", Map.of("osm", osm, "tianditu", tianditu));
    }
}
