/**
 * The distance and area measure tool on the map: each click (or `measure:add-centre`, the keyboard's way) adds a
 * point; the path (distance) or polygon (area) is drawn, and `measure:changed {mode, count, length, area}` reports
 * geodesic metres and square metres (util/geodesy.js: Vincenty on WGS84; area on the authalic sphere). Loaded by
 * the map adapter on the first `measure:start`; while it runs the adapter sends map clicks here instead of the
 * identify picker. Part of the map layer (only web/js/map/ touches Leaflet).
 *   measure:start {mode} (via the adapter) · measure:mode {mode} · measure:add-centre · measure:undo ·
 *   measure:clear · measure:stop (via the adapter)
 */
import { pathLength, area } from '../util/geodesy.js';

const LINE = { color: '#111', weight: 3, dashArray: '8 6', interactive: false, pane: 'pm-measure-pane' };
const VERTEX = { radius: 5, color: '#111', weight: 2, fillColor: '#fff', fillOpacity: 1, interactive: false, pane: 'pm-measure-pane' };

export function createMeasureTool({ L, map, bus, centre }) {
  if (!map.getPane('pm-measure-pane')) map.createPane('pm-measure-pane').style.zIndex = '620';
  const layer = L.layerGroup();
  const points = [];
  let mode = 'distance';
  let running = false;

  function report() {
    const ll = points.map((p) => [p.lat, p.lng]);
    const closed = mode === 'area' && ll.length >= 3;
    bus.emit('measure:changed', {
      mode,
      count: points.length,
      length: pathLength(closed ? [...ll, ll[0]] : ll),
      area: closed ? area(ll) : null,
    });
  }

  function redraw() {
    layer.clearLayers();
    if (mode === 'area' && points.length >= 3) L.polygon(points, { ...LINE, fillColor: '#111', fillOpacity: 0.08 }).addTo(layer);
    else if (points.length >= 2) L.polyline(points, LINE).addTo(layer);
    points.forEach((p) => L.circleMarker(p, VERTEX).addTo(layer));
    report();
  }

  const add = (latlng) => { if (running) { points.push(L.latLng(latlng)); redraw(); } };
  const onClick = (e) => add(e.latlng);
  const offs = [
    bus.on('measure:mode', ({ mode: m }) => { if (m === 'distance' || m === 'area') { mode = m; redraw(); } }),
    bus.on('measure:add-centre', () => add(centre())),
    bus.on('measure:undo', () => { points.pop(); redraw(); }),
    bus.on('measure:clear', () => { points.length = 0; redraw(); }),
  ];

  return {
    start(next = 'distance') {
      mode = next === 'area' ? 'area' : 'distance';
      points.length = 0;
      if (!running) {
        running = true;
        layer.addTo(map);
        map.on('click', onClick);
        map.doubleClickZoom.disable();
      }
      redraw();
    },
    stop() {
      if (!running) return;
      running = false;
      points.length = 0;
      layer.clearLayers();
      layer.remove();
      map.off('click', onClick);
      map.doubleClickZoom.enable();
    },
    destroy() { this.stop(); offs.forEach((off) => off()); },
  };
}
