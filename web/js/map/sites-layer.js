/**
 * Decluttered point symbols (used for project sites). Part of the map
 * adapter: only web/js/map/ touches Leaflet. Points whose symbols would
 * overlap at the current zoom (same 44 px grid cell) are drawn as one count
 * badge; activating it zooms to its members. The selected feature is never
 * grouped. `onSelect(id)` is called when a single symbol is activated.
 */
import { declutter } from '../util/declutter.js';
import { pointSymbol } from './styles.js';

const CELL = 44;
const MAX_GROUP_ZOOM = 17;

export function createSitesLayer(L, map, { collection, attribution, onSelect, label, groupLabel }) {
  const group = L.layerGroup([], { attribution });
  const points = []; // {id, feature, latlng}
  let selectedId = null;

  function icon(feature, selected) {
    const sym = pointSymbol(collection, feature);
    const node = document.createElement('span');
    node.className = `pm-badge${sym.hollow ? ' pm-badge--hollow' : ''}${selected ? ' pm-selected' : ''}`;
    node.style.setProperty('--pm-colour', sym.colour);
    node.textContent = sym.label;
    return L.divIcon({ html: node, className: 'pm-marker', iconSize: [28, 28], iconAnchor: [14, 14] });
  }

  function countIcon(n) {
    const node = document.createElement('span');
    node.className = 'pm-cluster';
    node.textContent = String(n);
    return L.divIcon({ html: node, className: 'pm-marker', iconSize: [34, 34], iconAnchor: [17, 17] });
  }

  function render() {
    group.clearLayers();
    if (!map._loaded) return;
    const zoom = map.getZoom();
    const free = points.filter((p) => p.id !== selectedId);
    const cells = zoom >= MAX_GROUP_ZOOM
      ? free.map((p) => ({ ids: [p.id] }))
      : declutter(free.map((p) => ({ id: p.id, ...map.project(p.latlng, zoom) })), CELL);
    const byId = new Map(points.map((p) => [p.id, p]));
    for (const cell of cells) {
      if (cell.ids.length === 1) {
        group.addLayer(single(byId.get(cell.ids[0]), false));
      } else {
        const latlng = map.unproject([cell.x, cell.y], zoom);
        const members = cell.ids.map((id) => byId.get(id).latlng);
        const marker = L.marker(latlng, { icon: countIcon(cell.ids.length), keyboard: true, title: groupLabel(cell.ids.length) });
        marker.on('click', () => map.fitBounds(L.latLngBounds(members), { padding: [40, 40], maxZoom: MAX_GROUP_ZOOM }));
        marker.on('add', () => marker.getElement()?.setAttribute('aria-label', groupLabel(cell.ids.length)));
        group.addLayer(marker);
      }
    }
    if (selectedId && byId.has(selectedId)) group.addLayer(single(byId.get(selectedId), true));
  }

  function single(p, selected) {
    const marker = L.marker(p.latlng, {
      icon: icon(p.feature, selected), keyboard: true, title: label(p.feature),
      zIndexOffset: selected ? 1000 : 0,
    });
    marker.on('click', () => onSelect(p.id));
    marker.on('add', () => {
      const node = marker.getElement();
      node?.setAttribute('aria-label', label(p.feature));
      if (node) node.dataset.featureId = p.id;
    });
    return marker;
  }

  group.on('add', () => { map.on('zoomend', render); render(); });
  group.on('remove', () => map.off('zoomend', render));

  return {
    layer: group,
    add(feature) {
      const [lng, lat] = feature.geometry.coordinates;
      points.push({ id: String(feature.id), feature, latlng: L.latLng(lat, lng) });
    },
    has: (id) => points.some((p) => p.id === id),
    latlng: (id) => points.find((p) => p.id === id)?.latlng || null,
    select(id) {
      const next = points.some((p) => p.id === id) ? id : null;
      if (next !== selectedId) { selectedId = next; if (map.hasLayer(group)) render(); }
    },
    refresh: render,
  };
}
