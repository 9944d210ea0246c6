/**
 * The staff editor's map (issue #9): its own Leaflet map in the editor's section, with Leaflet-Geoman (map/geoman.js)
 * to move a point, redraw a line or polygon, and draw the place of an unmapped catalogue item. Map layer only: the
 * editor panel (web/js/editing/editor-panel.js) drives it through the bus:
 *   edit:context {district, zones}   → GeoJSON for orientation (drawn once, not pickable)
 *   edit:features {geojson}          → the collection being edited: each feature pickable by a click
 *   edit:select {feature}            → make this GeoJSON Feature the one being edited (fitted; its geometry editable)
 *   edit:place {kind}                → draw a new 'point' | 'line' | 'polygon' (an unmapped item's place)
 *   edit:move {lon, lat}             → put the point being edited here (the panel's coordinate fields)
 *   edit:clear                       → nothing selected
 * and it emits
 *   edit:picked {id}                 → a feature was clicked
 *   edit:changed {geometry}          → the edited or drawn geometry (GeoJSON, WGS84) after each change
 * Options: container (element), bus, lang ('zh' | 'en'), L (default window.L). Returns {ready, teardown()}.
 */
import { EDITING_SHAPE, EDITING_PICKABLE, pathStyle } from './styles.js';
import { loadGeoman, attachGeoman, geomanLanguage } from './geoman.js';

const SHAPES = { point: 'Marker', line: 'Line', polygon: 'Polygon' };

export function createEditMap({ container, bus, lang = 'zh', L = window.L }) {
  const map = L.map(container, { zoomControl: true, attributionControl: false, preferCanvas: false }).setView([29.6, 106.35], 11);
  let context = null;
  let pickable = null;
  let editing = null;
  let drawing = null;
  let canEdit = false;
  let torn = false;

  const ready = loadGeoman(L).then((ok) => {
    if (torn || !ok) return false;
    attachGeoman(map, L);
    canEdit = true;
    geomanLanguage(map, lang);
    map.on('pm:create', created);
    return true;
  });

  function showContext({ district, zones } = {}) {
    if (context) map.removeLayer(context);
    context = L.layerGroup([
      zones && L.geoJSON(zones, { interactive: false, style: (f) => ({ ...pathStyle('zones', f), fillOpacity: 0.15 }) }),
      district && L.geoJSON(district, { interactive: false, style: () => pathStyle('district') }),
    ].filter(Boolean)).addTo(map);
    const bounds = district && L.geoJSON(district).getBounds();
    if (bounds && bounds.isValid()) map.fitBounds(bounds);
  }

  function showFeatures({ geojson } = {}) {
    if (pickable) map.removeLayer(pickable);
    pickable = L.geoJSON(geojson, {
      style: () => EDITING_PICKABLE,
      pointToLayer: (f, latlng) => L.circleMarker(latlng, EDITING_PICKABLE),
      onEachFeature: (f, layer) => {
        layer.on('click', () => bus.emit('edit:picked', { id: f.id }));
        layer.on('add', () => { const node = layer.getElement?.(); if (node) node.classList.add('pm-edit-pickable'); });
      },
    }).addTo(map);
  }

  function geometryOf(layer) {
    return layer.toGeoJSON().geometry;
  }

  function emitChanged(layer) {
    bus.emit('edit:changed', { geometry: geometryOf(layer) });
  }

  function clearEditing() {
    if (drawing) { map.pm.disableDraw(); drawing = null; }
    if (editing) { editing.pm?.disable(); map.removeLayer(editing); editing = null; }
  }

  function select({ feature } = {}) {
    clearEditing();
    if (!feature || !feature.geometry) return;
    const g = feature.geometry;
    if (g.type === 'Point') {
      const [lon, lat] = g.coordinates;
      editing = L.marker([lat, lon], {
        pmIgnore: false, keyboard: true, title: feature.properties?.name || feature.id,
        icon: L.divIcon({ className: 'pm-editor-handle', iconSize: [22, 22] }),
      }).addTo(map);
      map.setView([lat, lon], Math.max(map.getZoom(), 15));
    } else {
      const group = L.geoJSON(feature, { pmIgnore: false, style: () => EDITING_SHAPE });
      editing = group.getLayers()[0];
      editing.addTo(map);
      const bounds = editing.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 16 });
    }
    const node = editing.getElement?.();
    if (node) node.classList.add('pm-edit-target');
    ready.then((ok) => {
      if (!ok || !editing) return;
      const layer = editing;
      L.PM.reInitLayer(layer); // made before Geoman loaded, or opted in only now
      layer.pm.enable({ draggable: true, snappable: false, allowSelfIntersection: false });
      layer.on('pm:edit', () => emitChanged(layer));
      layer.on('pm:dragend', () => emitChanged(layer));
    });
  }

  function move({ lon, lat } = {}) {
    if (!editing || !editing.setLatLng || !Number.isFinite(lon) || !Number.isFinite(lat)) return;
    editing.setLatLng([lat, lon]);
    map.panTo([lat, lon]);
    emitChanged(editing);
  }

  function place({ kind } = {}) {
    clearEditing();
    const shape = SHAPES[kind];
    if (!shape) return;
    ready.then((ok) => {
      if (!ok || torn) return;
      drawing = kind;
      map.pm.enableDraw(shape, { pathOptions: EDITING_SHAPE, templineStyle: EDITING_SHAPE, continueDrawing: false, snappable: false,
        markerStyle: { pmIgnore: false, icon: L.divIcon({ className: 'pm-editor-handle', iconSize: [22, 22] }) } });
    });
  }

  function created(e) {
    drawing = null;
    map.pm.disableDraw();
    editing = e.layer;
    editing.options.pmIgnore = false;
    L.PM.reInitLayer(editing);
    editing.pm.enable({ draggable: true, snappable: false, allowSelfIntersection: false });
    editing.on('pm:edit', () => emitChanged(editing));
    editing.on('pm:dragend', () => emitChanged(editing));
    emitChanged(editing);
  }

  const offs = [
    bus.on('edit:context', showContext),
    bus.on('edit:features', showFeatures),
    bus.on('edit:select', select),
    bus.on('edit:place', place),
    bus.on('edit:move', move),
    bus.on('edit:clear', clearEditing),
    bus.on('edit:lang', ({ lang: next }) => { if (canEdit) geomanLanguage(map, next); }),
  ];

  return {
    ready,
    map,
    teardown() {
      torn = true;
      clearEditing();
      offs.forEach((off) => off());
      if (canEdit) map.off('pm:create', created);
      map.remove();
    },
  };
}
