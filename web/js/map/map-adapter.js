/**
 * The one entry point to Leaflet (the global `L` from the webjar); helpers in web/js/map/ are its parts. UI
 * modules never call Leaflet: they change the shared state or emit bus events, which this adapter follows:
 *   feature:selected {id, focus}  → style the selection; when focus, frame it with its surroundings in the part
 *                                    of the map the panels leave visible
 *   features:highlight {ids, fit} → highlight a set (empty ids clears); fit bounds
 *   map:fit-bounds {bbox|bounds, …fitBounds options} → fit a GeoJSON bbox or [[s,w],[n,e]] (options such as
 *                                    paddingTopLeft override the panels' padding: the tour frames beside its caption)
 *   map:identify-centre           → "what is here" at the map centre (also Enter/Space on the focused map)
 *   locate:show {lat, lng, accuracy, inside} / locate:clear → the reader's position
 *   measure:start {mode} / measure:* → the measure tool (map/measure-tool.js, loaded on first use)
 *   layers:changed, base:changed, view:changed (from the URL), layers:drawn (labels), ui:relabel
 * and it writes moves (`center`, `zoom`) to the state and emits
 *   map:identified {hits: [{id, collection}], point: {x, y}, source: 'click'|'keyboard'|'stack'} for clicks on
 *   the map (everything under the click, most specific first — ui/identify-picker.js chooses or lists).
 * The public API is the object returned by createMapAdapter (see README.md).
 */
import { pathStyle, pointSymbol, DRAW_ORDER, SELECTED, HIGHLIGHTED, riverWeight, viewStyle } from './styles.js';
import { createSitesLayer } from './sites-layer.js';
import { createBaseLayer } from './tiles.js';
import { identifyAt } from './identify.js';
import { coveredPadding, contextBounds } from './framing.js';
import { bboxToBounds, featureName } from '../util/format.js';

const OSM_DATA = '© OpenStreetMap contributors (ODbL)';
const FOCUS_MAX_ZOOM = 15;
const COVERING = ['pm-panel', 'pm-sidebar', 'pm-measure'];

export function createMapAdapter({ container, bus, state, t, L = window.L }) {
  const map = L.map(container, { zoomControl: true, zoomSnap: 0.5, minZoom: 8, maxZoom: 19, keyboard: true });
  map.attributionControl.setPrefix(false);
  L.control.scale({ imperial: false }).addTo(map);
  const collections = new Map(); // id → {layer, sites?, features}
  const index = new Map(); // featureId → {collection, layer (path/marker) | null, sites?}
  let selected = null;
  let highlighted = new Set();
  let base = null;
  let applyingView = false;
  let config = null;
  let labels = null; // map/labels.js and map/label-rules.js, imported when the layers are drawn
  let labelRules = null;
  const anchors = new Map();
  let pendingFocus = null;
  let mode = null; // 'measure' while the measure tool has the clicks
  let drawing = false; // the planner's draw tool has the clicks
  let drawnAt = 0; // when drawing last ended: the click that finished a shape is not an identify click
  let measure = null;
  let located = null;

  DRAW_ORDER.forEach((name, i) => { map.createPane(`pm-${name}`).style.zIndex = String(390 + i); });
  const select = (id) => state.set({ feature: id }, { history: 'push', source: 'map' });
  const label = (f) => featureName(f.properties, state.get().lang);
  const covered = () => coveredPadding(container, COVERING.map((id) => document.getElementById(id)));

  function addCollection(meta, geojson) {
    const id = meta.id;
    const pane = DRAW_ORDER.includes(id) ? `pm-${id}` : 'overlayPane';
    const attribution = id.startsWith('context-') ? OSM_DATA : undefined;
    const sites = id === 'project-sites' ? createSitesLayer(L, map, {
      collection: id, attribution, onSelect: select,
      onStack: (ids, latlng) => emitIdentified(ids.map((fid) => ({ id: fid, collection: id })), map.latLngToContainerPoint(latlng), 'stack'),
      label: (f) => t('map.siteLabel', { n: f.properties?.column ?? '•', name: label(f) }),
      groupLabel: (n) => t('map.group', { n }),
    }) : null;
    const layer = L.geoJSON(null, {
      pane, attribution,
      style: (f) => pathStyle(id, f),
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...pointSymbol(id, f), pane }),
      filter: (f) => {
        if (sites && f.geometry?.type === 'Point') { sites.add(f); index.set(String(f.id), { collection: id, sites }); return false; }
        return true;
      },
      onEachFeature: (f, l) => {
        const look = l instanceof L.CircleMarker ? pointSymbol(id, f) : pathStyle(id, f);
        index.set(String(f.id), { id: String(f.id), collection: id, layer: l, feature: f, look });
        l.on('add', () => { const node = l.getElement?.(); if (node) node.dataset.featureId = String(f.id); });
        // a text node: Leaflet puts a string tooltip in as HTML, and names will come from staff edits
        l.bindTooltip(() => document.createTextNode(label(f)), { sticky: true });
      },
    });
    layer.addData(geojson);
    const group = sites ? L.layerGroup([layer, sites.layer], { attribution }) : layer;
    collections.set(id, { layer: group, sites, features: geojson.features || [] });
    if (state.get().layers.includes(id)) group.addTo(map);
    restyle();
  }

  function setVisibleLayers(ids) {
    for (const [id, { layer }] of collections) {
      if (ids.includes(id) && !map.hasLayer(layer)) layer.addTo(map);
      else if (!ids.includes(id) && map.hasLayer(layer)) map.removeLayer(layer);
    }
    updateLabels();
  }

  function restyle() {
    const view = { zoom: map._loaded ? map.getZoom() : 11, tiles: !!base };
    for (const [fid, entry] of index) {
      if (!entry.layer) continue;
      const extra = fid === selected ? SELECTED : highlighted.has(fid) ? HIGHLIGHTED : null;
      const look = entry.layer instanceof L.CircleMarker ? entry.look : viewStyle(entry.collection, entry.look, view);
      const river = entry.collection === 'context-rivers' ? riverWeight(fid, view.zoom) : null;
      const style = { ...look, ...(river ? { weight: river } : {}), ...(extra || {}) };
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

  /** Fits bounds in the visible part of the map (panels and sheets subtracted). */
  function fitBounds(bounds, options = {}) {
    if (!bounds) return;
    const b = L.latLngBounds(bounds);
    if (!b.isValid()) return;
    const small = b.getNorthEast().distanceTo(b.getSouthWest()) < 50;
    const target = small ? contextBounds(L, b, 600) : b;
    map.fitBounds(target, { maxZoom: 16, ...covered(), ...options });
  }

  /** A selected feature with its surroundings: at least 1.5 km across, no closer than zoom 15. */
  function frameFeature(id) {
    const b = boundsOf([id]);
    if (b) map.fitBounds(contextBounds(L, b, 1500), { maxZoom: FOCUS_MAX_ZOOM, ...covered() });
  }

  function focusWhenPanelShows(id) {
    const panel = document.getElementById('pm-panel');
    if (panel && panel.hidden) {
      pendingFocus = id;
      setTimeout(() => { if (pendingFocus === id) { pendingFocus = null; frameFeature(id); } }, 1500);
    } else frameFeature(id);
  }

  function setBase(next) {
    if (base) map.removeLayer(base);
    base = createBaseLayer(L, next, config);
    if (base) base.addTo(map);
    container.classList.toggle('pm-map--tiles', !!base);
    restyle();
  }

  function setView(center, zoom) {
    const c = map._loaded ? map.getCenter() : null;
    if (c && map.getZoom() === zoom && Math.abs(c.lat - center[0]) < 1e-5 && Math.abs(c.lng - center[1]) < 1e-5) return;
    applyingView = true;
    map.setView(center, zoom, { animate: false });
    applyingView = false;
  }

  // --- what is here: clicks, the keyboard, stacked sites -------------------------------------------------------
  function emitIdentified(hits, point, source) {
    bus.emit('map:identified', { hits: hits.map(({ id, collection }) => ({ id, collection })), point: { x: point.x, y: point.y }, source });
  }

  function identify(point, tolerance, source) {
    const sites = collections.get('project-sites')?.sites || null;
    emitIdentified(identifyAt(L, map, index.values(), sites, L.point(point), tolerance), point, source);
  }

  map.on('click', (e) => {
    if (mode || drawing || performance.now() - drawnAt < 400) return;
    const touch = e.originalEvent?.pointerType === 'touch' || e.originalEvent?.sourceCapabilities?.firesTouchEvents;
    identify(e.containerPoint, touch ? 12 : 5, 'click');
  });
  const centre = () => map.getSize().divideBy(2);
  const identifyCentre = () => identify(centre(), 16, 'keyboard');
  container.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    if (e.target === container && !mode) { e.preventDefault(); identifyCentre(); return; }
    // markers (sites, count badges) are buttons: Enter and Space activate them
    const icon = e.target.closest?.('.leaflet-marker-icon');
    if (icon) { e.preventDefault(); icon.click(); }
  });

  // --- labels ------------------------------------------------------------------------------------------------
  /** Boxes of the marker icons (site badges, count badges) in container pixels: labels keep clear of them. */
  function markerBoxes() {
    const m = container.getBoundingClientRect();
    return [...map.getPane('markerPane').querySelectorAll('.leaflet-marker-icon')].map((n) => {
      const r = n.getBoundingClientRect();
      return { x1: r.left - m.left, y1: r.top - m.top, x2: r.right - m.left, y2: r.bottom - m.top };
    });
  }
  function updateLabels() {
    if (!labels) return;
    const visible = state.get().layers;
    const features = new Map([...collections].filter(([id]) => labelRules.LABELLED.includes(id) && visible.includes(id)).map(([id, c]) => [id, c.features]));
    labels.set(labelRules.labelCandidates(features, state.get().lang, anchors)
      .map((c) => ({ ...c, latlng: L.latLng(c.latlng), ...(c.path ? { path: c.path.map((p) => L.latLng(p)) } : {}) })));
  }
  async function startLabels() {
    if (labels) return;
    const [{ createLabelLayer }, rules] = await Promise.all([import('./labels.js'), import('./label-rules.js')]);
    if (labels) return;
    labelRules = rules;
    labels = createLabelLayer(L, map, { obstacles: markerBoxes });
    collections.get('project-sites')?.sites?.onSettled(() => labels.redraw());
    updateLabels();
    container.classList.add('pm-map--labelled');
  }

  // --- the reader's position ----------------------------------------------------------------------------------
  function showPosition({ lat, lng, accuracy = 0, inside }) {
    if (located) map.removeLayer(located);
    const at = L.latLng(lat, lng);
    located = L.layerGroup([
      L.circle(at, { radius: accuracy, color: '#1a73e8', weight: 1, fillOpacity: 0.12, interactive: false }),
      L.circleMarker(at, { radius: 8, color: '#fff', weight: 3, fillColor: '#1a73e8', fillOpacity: 1, interactive: false, className: 'pm-located' }),
    ]).addTo(map);
    if (inside) map.fitBounds(contextBounds(L, at.toBounds(Math.max(accuracy * 2, 10)), 1000), { maxZoom: 16, ...covered() });
  }

  // --- the measure tool (loaded on first use) -------------------------------------------------------------------
  async function startMeasure({ mode: kind = 'distance' } = {}) {
    if (!measure) {
      const { createMeasureTool } = await import('./measure-tool.js');
      measure = createMeasureTool({ L, map, bus, centre: () => map.containerPointToLatLng(centre()) });
    }
    mode = 'measure';
    container.classList.add('pm-map--measuring');
    measure.start(kind);
  }
  function stopMeasure() {
    mode = null;
    container.classList.remove('pm-map--measuring');
    measure?.stop();
  }

  map.on('moveend', () => {
    if (applyingView) return;
    const c = map.getCenter();
    state.set({ center: [round5(c.lat), round5(c.lng)], zoom: map.getZoom() }, { history: 'replace', source: 'map' });
  });
  map.on('zoomend', restyle);

  const offs = [
    bus.on('feature:selected', ({ id, focus }) => {
      selected = id || null;
      restyle();
      if (focus && selected) focusWhenPanelShows(selected);
    }),
    bus.on('panel:show', () => {
      if (!pendingFocus) return;
      const id = pendingFocus;
      pendingFocus = null;
      requestAnimationFrame(() => frameFeature(id));
    }),
    bus.on('features:highlight', ({ ids = [], fit = true }) => {
      highlighted = new Set(ids.map(String));
      restyle();
      if (fit && ids.length) fitBounds(boundsOf(highlighted));
    }),
    // options (paddingTopLeft, paddingBottomRight, maxZoom) frame it in the part of the map a caption leaves free
    bus.on('map:fit-bounds', ({ bbox, bounds, ...options }) => fitBounds(bounds || bboxToBounds(bbox), options)),
    bus.on('map:identify-centre', identifyCentre),
    bus.on('layers:changed', ({ layers }) => setVisibleLayers(layers)),
    bus.on('layers:drawn', () => {
      const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 50));
      idle(() => { startLabels().catch((err) => console.error('map labels failed to load', err)); }, { timeout: 500 });
    }),
    bus.on('ui:relabel', () => { updateLabels(); collections.get('project-sites')?.sites?.relabel(); }),
    bus.on('base:changed', ({ base: b }) => setBase(b)),
    bus.on('view:changed', ({ center, zoom, source }) => { if (source !== 'map' && center) setView(center, zoom); }),
    bus.on('draw:state', ({ drawing: d }) => { if (drawing && !d) drawnAt = performance.now(); drawing = !!d; }),
    bus.on('locate:show', showPosition),
    bus.on('locate:clear', () => { if (located) map.removeLayer(located); located = null; }),
    bus.on('measure:start', (e) => { startMeasure(e).catch((err) => console.error('measure tool failed to load', err)); }),
    bus.on('measure:stop', stopMeasure),
  ];

  return {
    /** The Leaflet map, for modules in web/js/map/ only. */
    leafletMap: map,
    addCollection,
    setVisibleLayers,
    setView,
    setConfig(c) { config = c; },
    setBase,
    /** Fits [[s,w],[n,e]] in the visible part of the map (or a GeoJSON bbox via the `map:fit-bounds` event). */
    fitBounds,
    /** Bounds [[s,w],[n,e]] of the given feature ids, or null. */
    boundsOf: (ids) => { const b = boundsOf(ids); return b ? [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]] : null; },
    hasFeature: (id) => index.has(id),
    /** Ids of the features under a container point [x, y], most specific first. */
    identify: ([x, y], tolerance = 5) => identifyAt(L, map, index.values(), collections.get('project-sites')?.sites || null, L.point(x, y), tolerance).map((h) => h.id),
    /** Ids of the labels shown now. */
    labelsShown: () => labels?.shown() || [],
    invalidateSize: () => map.invalidateSize(),
    destroy() { offs.forEach((off) => off()); labels?.remove(); map.remove(); },
  };
}

function round5(v) {
  return Math.round(v * 1e5) / 1e5;
}
