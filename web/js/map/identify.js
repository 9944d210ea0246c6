/**
 * "What is here?" for a point of the map: every visible feature whose drawn shape is under it — inside a filled
 * polygon, or within `tolerance` px of a line, of an unfilled outline (the district) or of a circle marker —
 * plus the project sites whose symbols are that close. Part of the map adapter (it reads Leaflet's projected
 * shapes, `_parts` in layer pixels, so it agrees with what is drawn, clipping and all); the geometry is
 * util/geometry.js.
 *
 * Hits come most specific first: points, then lines, then polygons from the smallest to the largest — so a
 * showcase area comes before the zone it lies in, whatever is drawn on top.
 */
import { pointInRings, distanceToPath, ringsArea } from '../util/geometry.js';

/**
 * @param map        the Leaflet map
 * @param entries    iterable of {id, collection, layer, feature} (the adapter's index of path and circle layers)
 * @param sites      the sites layer (its `near`), or null
 * @param containerPoint an L.Point in container pixels
 * @param tolerance  px
 * @returns {{id, collection, kind: 'point'|'line'|'area', size}[]}
 */
export function identifyAt(L, map, entries, sites, containerPoint, tolerance) {
  const p = map.containerPointToLayerPoint(containerPoint);
  const hits = [];
  for (const { id, collection, layer } of entries) {
    if (!layer || !map.hasLayer(layer)) continue;
    if (layer instanceof L.CircleMarker) {
      if (layer._point && p.distanceTo(layer._point) <= (layer._radius || 0) + tolerance) hits.push({ id, collection, kind: 'point', size: 0 });
      continue;
    }
    const parts = layer._parts;
    const box = layer._pxBounds;
    if (!parts?.length || !box) continue;
    if (p.x < box.min.x - tolerance || p.x > box.max.x + tolerance || p.y < box.min.y - tolerance || p.y > box.max.y + tolerance) continue;
    const polygon = layer instanceof L.Polygon;
    const edge = Math.min(...parts.map((part) => distanceToPath(p, part, polygon)));
    if (polygon && layer.options.fill !== false && (pointInRings(p, parts) || edge <= tolerance)) {
      hits.push({ id, collection, kind: 'area', size: ringsArea(parts) });
    } else if (edge <= tolerance + (layer.options.weight || 0) / 2) {
      hits.push({ id, collection, kind: 'line', size: 0 });
    }
  }
  for (const id of sites?.near(containerPoint, 14 + tolerance) || []) hits.push({ id, collection: 'project-sites', kind: 'point', size: 0 });
  // equal shapes (a project site drawn on the outline of the area it stands for): the plan's own layer first
  const rank = { point: 0, line: 1, area: 2 };
  const same = (a, b) => Math.abs(a.size - b.size) <= 0.01 * Math.max(a.size, b.size);
  const layerRank = (c) => (c === 'project-sites' ? 1 : 0);
  return hits.sort((a, b) => rank[a.kind] - rank[b.kind] || (same(a, b) ? layerRank(a.collection) - layerRank(b.collection) : a.size - b.size));
}
