/**
 * Map label placement with zoom rules and collision handling, pure (tested with node). The map's label layer
 * (map/labels.js) projects candidates to screen pixels and draws what this returns.
 *
 * A candidate: `{id, text, x, y, priority, minZoom, maxZoom, size, offsets?}` — (x, y) the anchor in pixels,
 * `size` the font size in px, `offsets` the positions to try, as [dx, dy] from the anchor, in order (default
 * [[0, 0]]). A label is shown only when `minZoom ≤ zoom ≤ maxZoom` and, at the first offset where it fits, its box
 * lies inside the viewport and overlaps (with `margin`) neither a label of higher priority already placed nor an
 * `obstacle` box (the badges of project sites). Ties in priority keep the input order. Boxes are centred on the
 * position; the placed label's x, y are the position used.
 */

const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** Width in px of `text` at `size` px: CJK and full-width characters are ~1 em, others ~0.58 em. */
export function textWidth(text, size) {
  let w = 0;
  for (const ch of String(text)) w += WIDE.test(ch) ? size : size * 0.58;
  return w;
}

/** The label's box `{x1, y1, x2, y2}` centred on its anchor, with a little padding for the halo. */
export function labelBox({ text, x, y, size }) {
  const w = textWidth(text, size) + 6;
  const h = size * 1.3 + 2;
  return { x1: x - w / 2, y1: y - h / 2, x2: x + w / 2, y2: y + h / 2 };
}

const overlaps = (a, b, m) => a.x1 - m < b.x2 && b.x1 - m < a.x2 && a.y1 - m < b.y2 && b.y1 - m < a.y2;

/**
 * @param {object[]} candidates see the header
 * @param {{zoom: number, width: number, height: number, margin?: number, obstacles?: object[]}} view
 * @returns {object[]} the placed candidates, each with its `box`, in priority order
 */
export function layoutLabels(candidates, { zoom, width, height, margin = 4, obstacles = [] }) {
  const order = candidates.map((c, i) => [c, i])
    .filter(([c]) => zoom >= (c.minZoom ?? -Infinity) && zoom <= (c.maxZoom ?? Infinity) && c.text)
    .sort((a, b) => (b[0].priority ?? 0) - (a[0].priority ?? 0) || a[1] - b[1])
    .map(([c]) => c);
  const placed = [];
  const taken = [];
  const fits = (box) => box.x1 >= 0 && box.y1 >= 0 && box.x2 <= width && box.y2 <= height
    && !obstacles.some((o) => overlaps(box, o, 0)) && !taken.some((o) => overlaps(box, o, margin));
  for (const c of order) {
    for (const [dx, dy] of c.offsets || [[0, 0]]) {
      const at = { ...c, x: c.x + dx, y: c.y + dy };
      const box = labelBox(at);
      if (!fits(box)) continue;
      taken.push(box);
      placed.push({ ...at, box });
      break;
    }
  }
  return placed;
}
