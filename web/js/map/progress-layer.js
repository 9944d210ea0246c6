/**
 * The progress layer: project sites coloured by implementation status (map/styles.js `progressStyle`), above every
 * plan layer. Part of the map adapter's family (only web/js/map/ touches Leaflet), driven by bus commands:
 *   progress:show {features}  — GeoJSON features of mapped items with `properties.status` (replaces the last)
 *   progress:clear            — removes the layer
 * Activating a symbol selects the item's project site (state `feature`), so the details panel opens with its history.
 */
import { progressStyle } from './styles.js';

export function mountProgressLayer({ map, bus, state, label, L = window.L }) {
  if (!map.getPane('pm-progress')) map.createPane('pm-progress').style.zIndex = '650';
  let layer = null;

  function clear() {
    if (layer) map.removeLayer(layer);
    layer = null;
  }

  function show({ features }) {
    clear();
    layer = L.geoJSON({ type: 'FeatureCollection', features }, {
      pane: 'pm-progress',
      style: (f) => progressStyle(f),
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...progressStyle(f), pane: 'pm-progress' }),
      onEachFeature: (f, l) => {
        // a MultiPoint is a group of circle markers: mark each of its symbols
        const mark = (part) => part.on('add', () => {
          const node = part.getElement?.();
          if (!node) return;
          node.dataset.progressItem = String(f.id);
          node.dataset.status = f.properties.status;
          node.classList.add('pm-progress-symbol');
        });
        if (l.eachLayer) l.eachLayer(mark); else mark(l);
        // a text node: names come from data, never HTML
        l.bindTooltip(() => document.createTextNode(label(f)), { sticky: true });
        l.on('click', () => {
          if (f.properties.featureId) state.set({ feature: f.properties.featureId }, { history: 'push', source: 'progress' });
        });
      },
    }).addTo(map);
  }

  const offs = [bus.on('progress:show', show), bus.on('progress:clear', clear)];
  return () => { offs.forEach((off) => off()); clear(); };
}
