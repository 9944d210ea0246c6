/** Pure formatters shared by the UI modules (no DOM, no Leaflet). */

export const ACCURACIES = ['surveyed', 'approximate', 'schematic'];

/** i18n key for an accuracy value (`accuracy.unknown` for anything else). */
export function accuracyKey(accuracy) {
  return ACCURACIES.includes(accuracy) ? `accuracy.${accuracy}` : 'accuracy.unknown';
}

/** True when a feature must be drawn as "not a survey" (dashed, hollow). */
export function isIndicative(accuracy) {
  return accuracy === 'approximate' || accuracy === 'schematic';
}

/** A feature's display name: `name (nameEn)` in English, `name` in Chinese. */
export function featureName(props, lang) {
  const zh = props?.name || '';
  const en = props?.nameEn || '';
  if (lang === 'en') return en && zh ? `${en} (${zh})` : en || zh;
  return zh || en;
}

/** GeoJSON bbox [minX, minY, maxX, maxY] → [[south, west], [north, east]]; null if invalid. */
export function bboxToBounds(bbox) {
  if (!Array.isArray(bbox) || bbox.length < 4 || !bbox.slice(0, 4).every(Number.isFinite)) return null;
  const [w, s, e, n] = bbox.length >= 6 ? [bbox[0], bbox[1], bbox[3], bbox[4]] : bbox;
  return [[s, w], [n, e]];
}

/** Groups layers by their `group`, keeping first-seen order of groups and layers. */
export function groupLayers(layers) {
  const groups = new Map();
  for (const layer of layers || []) {
    const g = layer.group || 'other';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push(layer);
  }
  return [...groups.entries()].map(([group, items]) => ({ group, layers: items }));
}

const PREFERRED = [
  ['rowNo', 'row_no', 'number', 'no', '序号'],
  ['category', '类别'],
  ['name', 'indicator', '指标'],
  ['unit', '单位'],
  ['result', 'resultRaw', 'result_raw', 'baseline', '2020年'],
  ['target', 'targetRaw', 'target_raw', '2025年'],
  ['attribute', '属性'],
];

/**
 * Normalises a table from the API into `{columns: string[], rows: string[][]}`.
 * Accepts `{columns|header|headers, rows: [[…]]}` or `{rows: [{…}]}`; for
 * object rows the well-known indicator keys come first in a fixed order,
 * then any other scalar keys. Missing cells are empty strings.
 */
export function tableModel(table) {
  const rows = Array.isArray(table?.rows) ? table.rows : [];
  const header = table?.columns || table?.header || table?.headers;
  if (rows.length && Array.isArray(rows[0])) {
    const columns = Array.isArray(header) ? header.map(cellText) : rows[0].map((_, i) => String(i + 1));
    return { columns, rows: rows.map((r) => r.map(cellText)) };
  }
  const keys = [];
  for (const row of rows) {
    for (const [k, v] of Object.entries(row || {})) {
      if (!keys.includes(k) && (v == null || typeof v !== 'object')) keys.push(k);
    }
  }
  const ordered = [];
  for (const aliases of PREFERRED) {
    const k = aliases.find((a) => keys.includes(a));
    if (k) ordered.push(k);
  }
  const skip = new Set(['id', 'tableNo', 'table_no', 'tableId', 'sectionId', 'body']);
  for (const k of keys) if (!ordered.includes(k) && !skip.has(k)) ordered.push(k);
  const columns = Array.isArray(header) && header.length === ordered.length ? header.map(cellText) : ordered;
  return { columns, rows: rows.map((r) => ordered.map((k) => cellText(r?.[k]))) };
}

function cellText(v) {
  if (v == null) return '';
  if (typeof v === 'object') return v.zh || v.text || v.raw || JSON.stringify(v);
  return String(v);
}
