/**
 * A point to put a feature's name on: inside the shape and well away from its edges (an approximate pole of
 * inaccessibility, found on a 24 × 24 grid over the largest polygon, then on a finer grid around the best cell), so a
 * label of a concave zone does not fall outside it. Lines: their middle vertex; points: the point. Pure (GeoJSON in,
 * [lon, lat] out); null for an empty geometry.
 */
export function labelPoint(geometry) {
  if (!geometry) return null;
  const g = geometry;
  if (g.type === 'Point') return g.coordinates;
  if (g.type === 'MultiPoint') return g.coordinates[0] || null;
  if (g.type === 'LineString') return g.coordinates[Math.floor(g.coordinates.length / 2)] || null;
  if (g.type === 'MultiLineString') return labelPoint({ type: 'LineString', coordinates: longest(g.coordinates) });
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  if (!polys.length) return null;
  const poly = polys.reduce((a, b) => (area(b[0]) > area(a[0]) ? b : a));
  let [w, s, e, n] = box(poly[0]);
  let best = null;
  for (let round = 0; round < 3; round++) {
    const dx = (e - w) / 24;
    const dy = (n - s) / 24;
    for (let i = 0; i <= 24; i++) {
      for (let j = 0; j <= 24; j++) {
        const p = [w + i * dx, s + j * dy];
        if (!inside(p, poly)) continue;
        const d = edgeDistance(p, poly);
        if (!best || d > best.d) best = { p, d };
      }
    }
    if (!best) return poly[0][0];
    [w, s, e, n] = [best.p[0] - 2 * dx, best.p[1] - 2 * dy, best.p[0] + 2 * dx, best.p[1] + 2 * dy];
  }
  return best.p;
}

const longest = (lines) => lines.reduce((a, b) => (b.length > a.length ? b : a), []);

function area(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(a / 2);
}

function box(ring) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) { b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y); }
  return b;
}

/** Even–odd rule over all rings (holes count). */
function inside([x, y], poly) {
  let odd = false;
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

function edgeDistance([x, y], poly) {
  let min = Infinity;
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j];
      const [bx, by] = ring[i];
      const vx = bx - ax;
      const vy = by - ay;
      const t = vx || vy ? Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy))) : 0;
      min = Math.min(min, Math.hypot(x - (ax + t * vx), y - (ay + t * vy)));
    }
  }
  return min;
}
