/**
 * Pure encode/decode between the view state and the URL hash.
 *
 * Hash form (every key optional, order fixed when encoding):
 *   #lang=en&z=13&c=29.56000,106.45000&l=district,zones&f=zone-east&s=p6-c16-s1&b=osm
 *
 * - lang: UI language, `zh` (default) or `en`
 * - z, c: zoom (to 0.1; the map snaps to halves) and centre latitude,longitude (5 decimals ≈ 1 m)
 * - l: visible layer ids, comma separated; `l=` (empty) means "none visible";
 *      absent means "the default layers"
 * - f: selected feature id; s: open plan section id; b: base map (`plain`, `osm`, `tianditu`)
 */

export const LANGS = ['zh', 'en'];
export const DEFAULT_LANG = 'zh';
const ID = /^[A-Za-z0-9_.:-]{1,120}$/;

/** @returns {object} a state object with only the keys present and valid in the hash. */
export function decodeHash(hash) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const state = {};
  const lang = params.get('lang');
  if (LANGS.includes(lang)) state.lang = lang;
  const z = Number.parseFloat(params.get('z'));
  const c = (params.get('c') || '').split(',').map(Number);
  if (Number.isFinite(z) && z >= 0 && z <= 22 && c.length === 2 && c.every(Number.isFinite)
      && Math.abs(c[0]) <= 90 && Math.abs(c[1]) <= 180) {
    state.zoom = z;
    state.center = [c[0], c[1]];
  }
  if (params.has('l')) {
    state.layers = params.get('l').split(',').filter((id) => ID.test(id));
  }
  const f = params.get('f');
  if (f && ID.test(f)) state.feature = f;
  const s = params.get('s');
  if (s && ID.test(s)) state.section = s;
  const b = params.get('b');
  if (b && ID.test(b)) state.base = b;
  return state;
}

/** Encodes a state to a hash string starting with `#`. Null/undefined keys are left out. */
export function encodeHash(state) {
  const parts = [];
  if (state.lang) parts.push(`lang=${state.lang}`);
  if (Number.isFinite(state.zoom) && Array.isArray(state.center)) {
    parts.push(`z=${Math.round(state.zoom * 10) / 10}`);
    parts.push(`c=${state.center.map((v) => Number(v).toFixed(5)).join(',')}`);
  }
  if (Array.isArray(state.layers)) parts.push(`l=${state.layers.map(encodeURIComponent).join(',')}`);
  if (state.feature) parts.push(`f=${encodeURIComponent(state.feature)}`);
  if (state.section) parts.push(`s=${encodeURIComponent(state.section)}`);
  if (state.base && state.base !== 'plain') parts.push(`b=${encodeURIComponent(state.base)}`);
  return `#${parts.join('&')}`;
}

/**
 * Which history call a change needs: selections, sections, layers and language
 * are steps the reader may want to go back to (`push`); panning and zooming
 * only `replace` the current entry.
 */
export function historyMode(changedKeys) {
  const pushKeys = ['feature', 'section', 'lang', 'layers', 'base'];
  return changedKeys.some((k) => pushKeys.includes(k)) ? 'push' : 'replace';
}
