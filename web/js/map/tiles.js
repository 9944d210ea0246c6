/**
 * Online base maps, off by default: the offline base is the context layers
 * (water, rivers, stations, landmarks) on a plain background. Part of the map
 * adapter (only web/js/map/ touches Leaflet).
 *
 * Only WGS84-aligned sources are offered: OpenStreetMap (Web Mercator, WGS84)
 * and Tianditu `*_w` (Web Mercator on CGCS2000, which matches WGS84 to well
 * under a metre). We deliberately offer NO GCJ-02 source (AMap/Gaode,
 * Tencent, …): over a GCJ-02 base our WGS84 overlays would be off by
 * ~300–600 m in Chongqing and would have to be shifted with geo/Gcj02.
 *
 * Config (GET /api/config): {tiles: {osm: {enabled, url, attribution, maxZoom},
 * tianditu: {enabled, url?, labelsUrl?, subdomains?, attribution?, key?}}}
 * (without `url`, the standard Tianditu template is filled with `key`); missing means off.
 */
const TIANDITU_URL = 'https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile'
  + '&VERSION=1.0.0&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles'
  + '&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}';

/** The base-map ids the configuration enables, `plain` first. */
export function availableBases(config) {
  const tiles = config?.tiles || {};
  const list = ['plain'];
  if (tiles.osm?.enabled && tiles.osm.url) list.push('osm');
  if (tiles.tianditu?.enabled && (tiles.tianditu.url || tiles.tianditu.key)) list.push('tianditu');
  return list;
}

/** Builds the Leaflet layer for a base id, or null for `plain`/unavailable. */
export function createBaseLayer(L, base, config) {
  const tiles = config?.tiles || {};
  if (base === 'osm' && availableBases(config).includes('osm')) {
    return L.tileLayer(tiles.osm.url, {
      maxZoom: 19,
      maxNativeZoom: tiles.osm.maxZoom || 19,
      attribution: tiles.osm.attribution || '© OpenStreetMap contributors',
      className: 'pm-tiles',
    });
  }
  if (base === 'tianditu' && availableBases(config).includes('tianditu')) {
    const t = tiles.tianditu;
    const opts = { subdomains: t.subdomains || '01234567', maxZoom: 18, tk: t.key || '' };
    const attribution = t.attribution || '© 天地图 Tianditu';
    return L.layerGroup([
      L.tileLayer(t.url || TIANDITU_URL, { ...opts, layer: 'vec' }),
      L.tileLayer(t.labelsUrl || TIANDITU_URL, { ...opts, layer: 'cva' }),
    ], { attribution });
  }
  return null;
}
