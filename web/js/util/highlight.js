/**
 * Pure text splitting for highlighting; the UI turns the segments into text
 * nodes and <mark>/<a> elements with DOM methods (never innerHTML).
 */

/**
 * Splits `text` at every occurrence of any of `needles` (longest first, no
 * overlaps, case-insensitive for Latin letters).
 * @returns {{text: string, match: boolean}[]} segments that concatenate back to `text`
 */
export function splitHighlight(text, needles) {
  const source = String(text ?? '');
  const list = [...new Set((needles || []).filter((n) => n && String(n).trim().length > 0).map(String))]
    .sort((a, b) => b.length - a.length);
  if (!source || !list.length) return source ? [{ text: source, match: false }] : [];
  const hay = source.toLowerCase();
  const lower = list.map((n) => n.toLowerCase());
  const segments = [];
  let plainStart = 0;
  let i = 0;
  while (i < source.length) {
    const k = lower.findIndex((n) => hay.startsWith(n, i));
    if (k < 0) { i += 1; continue; }
    if (i > plainStart) segments.push({ text: source.slice(plainStart, i), match: false });
    segments.push({ text: source.slice(i, i + lower[k].length), match: true });
    i += lower[k].length;
    plainStart = i;
  }
  if (plainStart < source.length) segments.push({ text: source.slice(plainStart), match: false });
  return segments;
}

/**
 * Splits a paragraph at its `mentions` ([{featureId, start, end}], UTF-16
 * offsets, end exclusive). Overlapping or out-of-range mentions are dropped
 * (first, then longest wins).
 * @returns {{text: string, featureId?: string}[]}
 */
export function splitMentions(text, mentions) {
  const source = String(text ?? '');
  const sorted = (mentions || [])
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end)
      && m.start >= 0 && m.end > m.start && m.end <= source.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments = [];
  let pos = 0;
  for (const m of sorted) {
    if (m.start < pos) continue;
    if (m.start > pos) segments.push({ text: source.slice(pos, m.start) });
    segments.push({ text: source.slice(m.start, m.end), featureId: m.featureId });
    pos = m.end;
  }
  if (pos < source.length) segments.push({ text: source.slice(pos) });
  return segments;
}
