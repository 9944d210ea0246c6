/**
 * Consultation comments on the map: one circle per located comment (its point, a drawn area's outline, a feature's
 * point), coloured by topic (map/styles.js). Driven by bus commands, so the consultation modules never touch Leaflet:
 *   comments:show {comments}  replace the comments shown (public comment JSON: id, topic, text, geometry)
 *   comments:add {comment}    add one (the live view's newly approved comment), briefly emphasised
 *   comments:remove {id}      remove one (hidden by a moderator)
 *   comments:clear            remove all
 * The tooltip carries the comment's text as text (a DOM node), never as HTML.
 */
import { commentStyle } from './styles.js';

export function mountCommentsLayer({ adapter, bus, L = window.L }) {
  const map = adapter.leafletMap;
  const group = L.layerGroup().addTo(map);
  const byId = new Map();

  function tooltip(c) {
    const node = document.createElement('div');
    node.className = 'pm-comment-tip';
    node.textContent = c.text.length > 140 ? `${c.text.slice(0, 140)}…` : c.text;
    return node;
  }

  function add(c, fresh = false) {
    if (!c?.geometry || byId.has(c.id)) return;
    const s = commentStyle(c.topic);
    const layer = L.geoJSON(c.geometry, {
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...s, radius: fresh ? 14 : s.radius }),
      style: () => ({ color: s.areaColor, weight: 2, fillColor: s.areaColor, fillOpacity: 0.15, dashArray: '4 4' }),
    });
    layer.eachLayer((l) => {
      l.bindTooltip(tooltip(c), { direction: 'top' });
      l.getElement?.()?.setAttribute?.('data-comment-id', c.id);
    });
    layer.addTo(group);
    layer.eachLayer((l) => l.getElement?.()?.setAttribute('data-comment-id', c.id));
    byId.set(c.id, layer);
    if (fresh) setTimeout(() => layer.eachLayer((l) => l.setRadius?.(s.radius)), 4000);
  }

  function remove(id) {
    const layer = byId.get(id);
    if (!layer) return;
    group.removeLayer(layer);
    byId.delete(id);
  }

  function clearAll() {
    group.clearLayers();
    byId.clear();
  }

  const offs = [
    bus.on('comments:show', ({ comments }) => { clearAll(); (comments || []).forEach((c) => add(c)); }),
    bus.on('comments:add', ({ comment }) => add(comment, true)),
    bus.on('comments:remove', ({ id }) => remove(id)),
    bus.on('comments:clear', clearAll),
  ];
  return () => { offs.forEach((off) => off()); map.removeLayer(group); };
}
