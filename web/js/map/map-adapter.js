/**
 * The one entry point to Leaflet (the global `L` from the webjar); helpers in
 * web/js/map/ are its parts. UI modules never call Leaflet: they change the
 * shared state or emit bus events, which this adapter follows:
 *   feature:selected {id, focus}  → style the selection; fly to it when focus
 *   features:highlight {ids, fit} → highlight a set (empty ids clears); fit bounds
 *   map:fit-bounds {bbox|bounds, …fitBounds options}  → fit a GeoJSON bbox or [[s,w],[n,e]] (e.g. with paddingTopLeft)
 *   layers:changed, base:changed, view:changed (from the URL)
 * and it writes clicks (`feature`) and moves (`center`, `zoom`) to the state.
 * The public API is the object returned by createMapAdapter (see README.md).
 */
import { pathStyle, pointSymbol, DRAW_ORDER, SELECTED, HIGHLIGHTED } from './styles.js';
import { createSitesLayer } from './sites-layer.js';
import { createBaseLayer } from './tiles.js';
import { bboxToBounds, featureName } from '../util/format.js';

const OSM_DATA = '© OpenStreetMap contributors (ODbL)';

export function createMapAdapter({ container, bus, state, t, L = window.L }) {
  const map = L.map(container, { zoomControl: true, zoomSnap: 0.5, minZoom: 8, maxZoom: 19, keyboard: true });
  map.attributionControl.setPrefix(false);
  L.control.scale({ imperial: false }).addTo(map);
  const collections = new Map(); // id → {layer, sites?}
  const index = new Map(); // featureId → {collection, layer (path/marker) | null, sites?}
  let selected = null;
  let highlighted = new Set();
  let base = null;
  let applyingView = false;
  let config = null;

  DRAW_ORDER.forEach((name, i) => { map.createPane(`pm-${name}`).style.zIndex = String(390 + i); });

  const select = (id) => state.set({ feature: id }, { history: 'push', source: 'map' });
  const label = (f) => featureName(f.properties, state.get().lang);

  function addCollection(meta, geojson) {
    const id = meta.id;
    const pane = DRAW_ORDER.includes(id) ? `pm-${id}` : 'overlayPane';
    const attribution = id.startsWith('context-') ? OSM_DATA : undefined;
    const sites = id === 'project-sites' ? createSitesLayer(L, map, {
      collection: id, attribution, onSelect: select,
      label: (f) => t('map.siteLabel', { n: f.properties?.column ?? '•', name: label(f) }),
      groupLabel: (n) => t('map.group', { n }),
    }) : null;
    const layer = L.geoJSON(null, {
      pane, attribution,
      style: (f) => pathStyle(id, f),
      pointToLayer: (f, latlng) => {
        const sym = pointSymbol(id, f);
        return L.circleMarker(latlng, { ...sym, pane, bubblingMouseEvents: false });
      },
      filter: (f) => {
        if (sites && f.geometry?.type === 'Point') { sites.add(f); index.set(String(f.id), { collection: id, sites }); return false; }
        return true;
      },
      onEachFeature: (f, l) => {
        const look = l instanceof L.CircleMarker ? pointSymbol(id, f) : pathStyle(id, f);
        index.set(String(f.id), { collection: id, layer: l, feature: f, look });
        l.on('click', (e) => { L.DomEvent.stopPropagation(e); select(String(f.id)); });
        l.on('add', () => { const node = l.getElement?.(); if (node) node.dataset.featureId = String(f.id); });
        l.bindTooltip(() => label(f), { sticky: true });
      },
    });
    layer.addData(geojson);
    const group = sites ? L.layerGroup([layer, sites.layer], { attribution }) : layer;
    collections.set(id, { layer: group, sites });
    if (state.get().layers.includes(id)) group.addTo(map);
    restyle();
  }

  function setVisibleLayers(ids) {
    for (const [id, { layer }] of collections) {
      if (ids.includes(id) && !map.hasLayer(layer)) layer.addTo(map);
      else if (!ids.includes(id) && map.hasLayer(layer)) map.removeLayer(layer);
    }
  }

  function restyle() {
    for (const [fid, entry] of index) {
      if (!entry.layer) continue;
      const extra = fid === selected ? SELECTED : highlighted.has(fid) ? HIGHLIGHTED : null;
      const style = { ...entry.look, ...(extra || {}) };
      if (entry.layer.setStyle) entry.layer.setStyle(style);
      if (extra && entry.layer.bringToFront && map.hasLayer(entry.layer)) entry.layer.bringToFront();
      const node = entry.layer.getElement?.();
      node?.classList.toggle('pm-selected', fid === selected);
      node?.classList.toggle('pm-highlighted', highlighted.has(fid));
    }
    for (const { sites } of collections.values()) sites?.select(selected);
  }

  function boundsOf(ids) {
    const b = L.latLngBounds([]);
    for (const fid of ids) {
      const e = index.get(fid);
      if (!e) continue;
      if (e.sites) b.extend(e.sites.latlng(fid));
      else if (e.layer.getBounds) b.extend(e.layer.getBounds());
      else if (e.layer.getLatLng) b.extend(e.layer.getLatLng());
    }
    return b.isValid() ? b : null;
  }

  function fitBounds(bounds, options = {}) {
    if (!bounds) return;
    const b = L.latLngBounds(bounds);
    if (!b.isValid()) return;
    const small = b.getNorthEast().distanceTo(b.getSouthWest()) < 50;
    if (small) map.setView(b.getCenter(), Math.max(map.getZoom(), 16), options);
    else map.fitBounds(b, { padding: [30, 30], maxZoom: 16, ...options });
  }

  function setBase(next) {
    if (base) map.removeLayer(base);
    base = createBaseLayer(L, next, config);
    if (base) base.addTo(map);
    container.classList.toggle('pm-map--tiles', !!base);
  }

  function setView(center, zoom) {
    const c = map._loaded ? map.getCenter() : null;
    if (c && map.getZoom() === zoom && Math.abs(c.lat - center[0]) < 1e-5 && Math.abs(c.lng - center[1]) < 1e-5) return;
    applyingView = true;
    map.setView(center, zoom, { animate: false });
    applyingView = false;
  }

  map.on('moveend', () => {
    if (applyingView) return;
    const c = map.getCenter();
    state.set({ center: [round5(c.lat), round5(c.lng)], zoom: map.getZoom() }, { history: 'replace', source: 'map' });
  });

  const offs = [
    bus.on('feature:selected', ({ id, focus }) => {
      selected = id || null;
      restyle();
      if (focus && selected) fitBounds(boundsOf([selected]));
    }),
    bus.on('features:highlight', ({ ids = [], fit = true }) => {
      highlighted = new Set(ids.map(String));
      restyle();
      if (fit && ids.length) fitBounds(boundsOf(highlighted));
    }),
    // options (paddingTopLeft, paddingBottomRight, maxZoom) frame it in the part of the map a panel leaves free
    bus.on('map:fit-bounds', ({ bbox, bounds, ...options }) => fitBounds(bounds || bboxToBounds(bbox), options)),
    bus.on('layers:changed', ({ layers }) => setVisibleLayers(layers)),
    bus.on('base:changed', ({ base: b }) => setBase(b)),
    bus.on('view:changed', ({ center, zoom, source }) => { if (source !== 'map' && center) setView(center, zoom); }),
  ];

  return {
    /** The Leaflet map, for modules in web/js/map/ only. */
    leafletMap: map,
    addCollection,
    setVisibleLayers,
    setView,
    setConfig(c) { config = c; },
    setBase,
    /** Fits [[s,w],[n,e]] (or a GeoJSON bbox via the `map:fit-bounds` event). */
    fitBounds,
    /** Bounds [[s,w],[n,e]] of the given feature ids, or null. */
    boundsOf: (ids) => { const b = boundsOf(ids); return b ? [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]] : null; },
    hasFeature: (id) => index.has(id),
    invalidateSize: () => map.invalidateSize(),
    destroy() { offs.forEach((off) => off()); map.remove(); },
  };
}

function round5(v) {
  return Math.round(v * 1e5) / 1e5;
}
