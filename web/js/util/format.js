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
  ['number', 'rowNo', 'row_no', 'no'],
  ['category'],
  ['name', 'indicator'],
  ['unit'],
  ['attribute'],
  ['target', 'targetRaw', 'target_raw'],
  ['result', 'resultRaw', 'result_raw'],
];
const SKIP = new Set(['id', 'table', 'tableNo', 'table_no', 'tableId', 'sectionId', 'body']);

/**
 * Normalises a table from the API into `{columns, rows}` of strings.
 * Object rows (`{number, category, name, unit, attribute, target: {raw}, result: {raw}}`)
 * give columns named by their keys (the UI translates them as `table.col.<key>`),
 * the indicator keys first in a fixed order, then any other scalar keys; a
 * value object shows its `raw` text. Array rows keep `headers`/`columns`.
 * Missing cells are empty strings.
 */
export function tableModel(table) {
  const rows = Array.isArray(table?.rows) ? table.rows : [];
  const header = table?.columns || table?.headers || table?.header;
  if (rows.length && Array.isArray(rows[0])) {
    const columns = Array.isArray(header) ? header.map(cellText) : rows[0].map((_, i) => String(i + 1));
    return { columns, rows: rows.map((r) => r.map(cellText)) };
  }
  const keys = [];
  for (const row of rows) {
    for (const [k, v] of Object.entries(row || {})) {
      const shown = v == null || typeof v !== 'object' || 'raw' in v;
      if (shown && !keys.includes(k) && !SKIP.has(k)) keys.push(k);
    }
  }
  const columns = [];
  for (const aliases of PREFERRED) {
    const k = aliases.find((a) => keys.includes(a));
    if (k) columns.push(k);
  }
  for (const k of keys) if (!columns.includes(k)) columns.push(k);
  return { columns, rows: rows.map((r) => columns.map((k) => cellText(r?.[k]))) };
}

function cellText(v) {
  if (v == null) return '';
  if (typeof v === 'object') return v.raw ?? v.zh ?? (typeof v.text === 'string' ? v.text : JSON.stringify(v));
  return String(v);
}

/** A plan node's heading: `第十六章 标题` in Chinese, `titleEn` (else the Chinese) in English. */
export function nodeTitle(node, lang) {
  if (!node) return '';
  if (lang === 'en' && node.titleEn) return node.titleEn;
  const title = typeof node.title === 'object' && node.title ? node.title.zh || '' : node.title || '';
  const number = node.number != null && node.number !== '' && !String(title).startsWith(String(node.number)) ? `${node.number} ` : '';
  return `${number}${title}` || node.id || '';
}
