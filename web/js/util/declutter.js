/**
 * Grid decluttering for point symbols: points (already in screen pixels)
 * that fall in the same `cellSize` × `cellSize` cell become one group drawn
 * at the group's mean position. Deterministic: groups come out in order of
 * their first point, ids in input order.
 *
 * @param {{id: string, x: number, y: number}[]} points
 * @param {number} cellSize pixels, > 0
 * @returns {{x: number, y: number, ids: string[]}[]}
 */
export function declutter(points, cellSize = 40) {
  if (!(cellSize > 0)) throw new RangeError('cellSize must be > 0');
  const cells = new Map();
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const key = `${Math.floor(p.x / cellSize)}:${Math.floor(p.y / cellSize)}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { sx: 0, sy: 0, ids: [] };
      cells.set(key, cell);
    }
    cell.sx += p.x;
    cell.sy += p.y;
    cell.ids.push(p.id);
  }
  return [...cells.values()].map((c) => ({ x: c.sx / c.ids.length, y: c.sy / c.ids.length, ids: c.ids }));
}
