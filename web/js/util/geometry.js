/**
 * Plane geometry for the map's own jobs — hit-testing clicks, placing labels, "am I in the district" — on points
 * `{x, y}` (screen pixels) or GeoJSON positions `[lon, lat]`. Pure, no Leaflet, tested with node.
 * Rings are arrays of points; a polygon is an array of rings (outer first, holes after); even-odd rule, so holes
 * are holes whatever their orientation.
 */

/** True when p lies inside the rings (even-odd). Points exactly on an edge may go either way. */
export function pointInRings(p, rings) {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if ((a.y > p.y) !== (b.y > p.y) && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    }
  }
  return inside;
}

/** Distance from p to the segment a–b. */
export function distanceToSegment(p, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Smallest distance from p to a path of points (closed: the last point joins the first). Infinity when empty. */
export function distanceToPath(p, pts, closed = false) {
  let best = Infinity;
  if (pts.length === 1) return Math.hypot(p.x - pts[0].x, p.y - pts[0].y);
  for (let i = 1; i < pts.length; i++) best = Math.min(best, distanceToSegment(p, pts[i - 1], pts[i]));
  if (closed && pts.length > 2) best = Math.min(best, distanceToSegment(p, pts[pts.length - 1], pts[0]));
  return best;
}

/** Unsigned area of the rings (outer minus holes, by the shoelace formula). */
export function ringsArea(rings) {
  let total = 0;
  rings.forEach((ring, k) => {
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j].x + ring[i].x) * (ring[j].y - ring[i].y);
    total += (k === 0 ? 1 : -1) * Math.abs(a / 2);
  });
  return Math.abs(total);
}

const toXY = ([x, y]) => ({ x, y });

/** The polygons of a GeoJSON geometry as rings of {x: lon, y: lat} (Polygon, MultiPolygon; others give []). */
export function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates.map((r) => r.map(toXY))];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.map((p) => p.map((r) => r.map(toXY)));
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  return [];
}

/** The lines of a GeoJSON geometry as arrays of {x: lon, y: lat} (LineString, MultiLineString). */
export function linesOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [geometry.coordinates.map(toXY)];
  if (geometry.type === 'MultiLineString') return geometry.coordinates.map((l) => l.map(toXY));
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(linesOf);
  return [];
}

/** True when the position [lon, lat] lies inside a (Multi)Polygon geometry. */
export function geometryContains(geometry, [lon, lat]) {
  return polygonsOf(geometry).some((rings) => pointInRings({ x: lon, y: lat }, rings));
}

/**
 * A good place for a polygon's label: a point inside the largest polygon, far from its edges (the "pole of
 * inaccessibility", found on a grid and refined once around the best cell). Distances are taken with x scaled
 * by `xScale` (cos(latitude) for lon/lat input, so a degree east counts as much as it measures).
 * @returns {{x, y, clearance}} or null for an empty geometry
 */
export function labelPoint(polygons, { grid = 16, xScale = 1 } = {}) {
  const biggest = [...polygons].sort((a, b) => ringsArea(b) - ringsArea(a))[0];
  if (!biggest || !biggest[0]?.length) return null;
  const scaled = biggest.map((ring) => ring.map((p) => ({ x: p.x * xScale, y: p.y })));
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of scaled[0]) { minX = Math.min(minX, p.x); minY = Math.min(minY, p.y); maxX = Math.max(maxX, p.x); maxY = Math.max(maxY, p.y); }
  const clearance = (p) => (pointInRings(p, scaled) ? Math.min(...scaled.map((r) => distanceToPath(p, r, true))) : -1);
  let best = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, clearance: -Infinity };
  const search = (x0, y0, x1, y1) => {
    for (let i = 0; i <= grid; i++) {
      for (let j = 0; j <= grid; j++) {
        const p = { x: x0 + ((x1 - x0) * (i + 0.5)) / (grid + 1), y: y0 + ((y1 - y0) * (j + 0.5)) / (grid + 1) };
        const c = clearance(p);
        if (c > best.clearance) best = { ...p, clearance: c };
      }
    }
  };
  search(minX, minY, maxX, maxY);
  const cw = (maxX - minX) / grid;
  const ch = (maxY - minY) / grid;
  search(best.x - cw, best.y - ch, best.x + cw, best.y + ch);
  if (best.clearance < 0) {
    const p = scaled[0][0];
    best = { x: p.x, y: p.y, clearance: 0 };
  }
  return { x: best.x / xScale, y: best.y, clearance: best.clearance };
}

/** The point half-way along a line (by length), {x, y}. */
export function lineMidpoint(pts) {
  if (!pts.length) return null;
  let total = 0;
  for (let i = 1; i < pts.length; i++) total += Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
  let walked = 0;
  for (let i = 1; i < pts.length; i++) {
    const step = Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    if (walked + step >= total / 2 && step > 0) {
      const t = (total / 2 - walked) / step;
      return { x: pts[i - 1].x + t * (pts[i].x - pts[i - 1].x), y: pts[i - 1].y + t * (pts[i].y - pts[i - 1].y) };
    }
    walked += step;
  }
  return { ...pts[0] };
}
