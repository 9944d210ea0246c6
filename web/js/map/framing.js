/**
 * Framing the map on features so a person sees them: in the part of the map that panels leave visible, and with
 * enough around them to know where they are. Part of the map adapter (reads the DOM, builds Leaflet bounds).
 */

/**
 * The parts of the map covered by other elements (the details panel on the right, a bottom sheet on a phone),
 * as `fitBounds` padding: `{paddingTopLeft: [x, y], paddingBottomRight: [x, y]}` in px, plus `margin` all round.
 * An element covering (nearly) the whole width counts as a bottom sheet, otherwise as a side panel.
 */
export function coveredPadding(container, elements, margin = 30) {
  const m = container.getBoundingClientRect();
  let left = 0;
  let right = 0;
  let bottom = 0;
  for (const node of elements) {
    if (!node || node.hidden) continue;
    const cs = getComputedStyle(node);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    const r = node.getBoundingClientRect();
    const w = Math.min(r.right, m.right) - Math.max(r.left, m.left);
    const h = Math.min(r.bottom, m.bottom) - Math.max(r.top, m.top);
    if (w <= 0 || h <= 0) continue;
    if (w >= m.width * 0.9) bottom = Math.max(bottom, m.bottom - Math.max(r.top, m.top));
    else if (r.left + r.width / 2 > m.left + m.width / 2) right = Math.max(right, m.right - Math.max(r.left, m.left));
    else left = Math.max(left, Math.min(r.right, m.right) - m.left);
  }
  // never pad away more than 85 % of either side: a tiny map still shows something
  const cap = (v, total) => Math.min(v, total * 0.85);
  return {
    paddingTopLeft: [cap(left, m.width) + margin, margin],
    paddingBottomRight: [cap(right, m.width) + margin, cap(bottom, m.height) + margin],
  };
}

/**
 * Bounds grown to at least `minMetres` across (about their centre), so a small site is shown with its
 * neighbourhood rather than as a flat fill at street level.
 */
export function contextBounds(L, bounds, minMetres = 1500) {
  const c = bounds.getCenter();
  const dLat = (minMetres / 2) / 111320;
  const dLng = dLat / Math.cos((c.lat * Math.PI) / 180);
  return L.latLngBounds([
    [Math.min(bounds.getSouth(), c.lat - dLat), Math.min(bounds.getWest(), c.lng - dLng)],
    [Math.max(bounds.getNorth(), c.lat + dLat), Math.max(bounds.getEast(), c.lng + dLng)],
  ]);
}
