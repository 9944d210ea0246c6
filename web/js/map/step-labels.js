/**
 * Large name labels for a few features (the presenter's step features, readable from the back of a room). Part of the
 * map layer; the tour player mounts it with the map adapter and talks to it through the bus:
 *   labels:show {items: [{id, text, at: [lat, lng]}]} → one label per feature at `at` (a point inside it, see
 *                                        util/geometry.js labelPoint), else its bounds' centre (replaces the last set)
 *   labels:clear                      → remove them
 * Text goes in as a text node. Labels are placed in the order given; one that would overlap an earlier one is hidden
 * (checked again after every move and zoom).
 * Returns teardown().
 */
export function mountStepLabels({ adapter, bus, L = window.L }) {
  const map = adapter.leafletMap;
  const PANE = 'pm-step-labels';
  if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '660'; // over paths and markers, under popups
  let group = null;

  function clear() {
    if (group) map.removeLayer(group);
    group = null;
  }

  function show({ items = [] } = {}) {
    clear();
    group = L.layerGroup();
    for (const { id, text, at } of items) {
      const where = at || adapter.boundsOf([id])?.getCenter();
      if (!where || !text) continue;
      const content = document.createElement('span');
      content.textContent = text;
      group.addLayer(L.tooltip({ pane: PANE, permanent: true, direction: 'center', className: 'pm-step-label', interactive: false })
        .setLatLng(where).setContent(content));
    }
    group.addTo(map);
    declutter();
  }

  /** Hides every label that overlaps one placed before it. */
  function declutter() {
    if (!group) return;
    const kept = [];
    group.eachLayer((tip) => {
      const node = tip.getElement();
      if (!node) return;
      node.style.visibility = '';
      const r = node.getBoundingClientRect();
      const hit = kept.some((k) => r.left < k.right && r.right > k.left && r.top < k.bottom && r.bottom > k.top);
      if (hit) node.style.visibility = 'hidden';
      else kept.push(r);
    });
  }

  map.on('zoomend moveend', declutter);
  const offs = [bus.on('labels:show', show), bus.on('labels:clear', clear), () => map.off('zoomend moveend', declutter)];
  return () => { clear(); offs.forEach((off) => off()); };
}
