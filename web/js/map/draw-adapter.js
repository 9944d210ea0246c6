/**
 * The map side of the planner tools: drawing with Leaflet-Geoman (map/geoman.js) and showing the planner's own overlay.
 * Part of the map layer (only web/js/map/ touches Leaflet); the planner panel talks to it through the bus:
 *   draw:start {kind: 'point'|'line'|'polygon', owner?} → start drawing (a running drawing is cancelled first);
 *                                                  `owner` (default none = the planner) comes back on overlay:drawn,
 *                                                  so a shape drawn for a consultation comment is not analysed
 *   draw:finish                                  → finish the line or polygon drawn so far
 *   draw:stop                                    → cancel drawing
 *   overlay:show {geojson, fit = true, paddingTopLeft, paddingBottomRight}
 *                                                → show a FeatureCollection as the overlay (replaces the last), fitted
 *                                                  inside the given padding (px; the planner's panel covers that part)
 *   overlay:clear                                → remove the overlay
 * and it emits
 *   overlay:drawn {geometry, owner}              → a GeoJSON geometry (WGS84) once a shape is complete
 *   draw:state {drawing: kind | null}            → drawing started or ended
 *   draw:prepare                                 → load Geoman now (the planner panel opened)
 * Options: map (the Leaflet map), bus, L (default window.L), style (overlay path style, default PLANNER_SHAPE of
 * map/styles.js: a style no plan layer uses, drawn over a white casing), drawScript / drawCss
 * (Geoman, loaded on first draw:prepare or draw:start, not with the page). Returns teardown().
 * Without Geoman (the script failed to load) drawing is a no-op and the overlay still shows.
 */
import { PLANNER_SHAPE, PLANNER_CASING } from './styles.js';
import { loadGeoman, attachGeoman, GEOMAN_JS, GEOMAN_CSS } from './geoman.js';

const PANE = 'pm-planner';
/** Geoman's shape names for the planner's kinds. */
const SHAPES = { point: 'Marker', line: 'Line', polygon: 'Polygon' };

export function createDrawAdapter({ map, bus, L = window.L, style = PLANNER_SHAPE, drawScript = GEOMAN_JS, drawCss = GEOMAN_CSS }) {
  if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '450'; // above the plan layers (390…), below markers
  let canDraw = false;
  let ready = null; // the Geoman load, started on the first draw:prepare / draw:start
  let kind = null;
  let overlay = null;
  let casing = null; // the white line under the overlay
  let wanted = null; // the kind asked for while Geoman was loading
  let torn = false;

  function prepare() {
    if (!ready) {
      ready = loadGeoman(L, drawScript, drawCss).then((ok) => {
        if (torn || !ok) return;
        attachGeoman(map, L);
        canDraw = true;
        map.on('pm:create', created);
      });
    }
    return ready;
  }

  let drawOwner = null; // who asked for the drawing under way (draw:start owner)

  function stop() {
    wanted = null;
    if (!kind) return;
    kind = null;
    map.pm.disableDraw();
    bus.emit('draw:state', { drawing: null });
  }

  function start({ kind: next, owner = null } = {}) {
    stop();
    drawOwner = owner;
    if (!canDraw) {
      wanted = next;
      prepare().then(() => { if (canDraw && wanted === next) { wanted = null; start({ kind: next, owner }); } });
      return;
    }
    wanted = null;
    const shape = SHAPES[next];
    if (!shape) return;
    kind = next;
    map.pm.enableDraw(shape, { pathOptions: style, templineStyle: style, hintlineStyle: { ...style, dashArray: '5 5' },
      continueDrawing: false, snappable: false, finishOn: null });
    bus.emit('draw:state', { drawing: next });
  }

  function finish() {
    const shape = kind && SHAPES[kind];
    const handler = shape && map.pm.Draw[shape];
    // a line needs two vertices, a polygon three; Geoman ignores a finish before that
    if (handler && handler._finishShape) handler._finishShape();
  }

  function created(e) {
    const geometry = e.layer.toGeoJSON().geometry;
    const owner = drawOwner;
    map.removeLayer(e.layer); // the drawn shape comes back as the overlay, in the planner's own style
    stop();
    bus.emit('overlay:drawn', { geometry, owner });
  }

  function show({ geojson, fit = true, paddingTopLeft = [30, 30], paddingBottomRight = [30, 30] } = {}) {
    clearOverlay();
    if (!geojson) return;
    casing = L.geoJSON(geojson, { pane: PANE, interactive: false, style: () => PLANNER_CASING,
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...PLANNER_CASING, pane: PANE, radius: 9 }) }).addTo(map);
    overlay = L.geoJSON(geojson, {
      pane: PANE,
      style: () => style,
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...style, pane: PANE, radius: 7, fillOpacity: 0.6 }),
      onEachFeature: (f, layer) => {
        layer.on('add', () => { const node = layer.getElement?.(); if (node) node.classList.add('pm-planner-shape'); });
      },
    }).addTo(map);
    const bounds = overlay.getBounds();
    if (fit && bounds.isValid()) map.fitBounds(bounds, { paddingTopLeft, paddingBottomRight, maxZoom: 16 });
  }

  function clearOverlay() {
    if (overlay) map.removeLayer(overlay);
    if (casing) map.removeLayer(casing);
    overlay = null;
    casing = null;
  }

  const offs = [
    bus.on('draw:prepare', prepare),
    bus.on('draw:start', start),
    bus.on('draw:finish', finish),
    bus.on('draw:stop', stop),
    bus.on('overlay:show', show),
    bus.on('overlay:clear', clearOverlay),
  ];

  return {
    get drawing() { return kind; },
    teardown() {
      torn = true;
      stop();
      clearOverlay();
      offs.forEach((off) => off());
      if (canDraw) map.off('pm:create', created);
    },
  };
}
