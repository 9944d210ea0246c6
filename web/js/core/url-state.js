/**
 * Encode/decode between the view state and the URL hash, and the registry of hash keys that modules add.
 * `core/url-sync.js` is the only writer of the hash; modules never touch `location.hash` or `history`.
 *
 * Core keys (every key optional, order fixed when encoding):
 *   #lang=en&z=13&c=29.56000,106.45000&l=district,zones&f=zone-east&s=p6-c16-s1&b=osm
 *
 * - lang: UI language, `zh` (default) or `en`
 * - z, c: zoom (to 0.1; the map snaps to halves) and centre latitude,longitude (5 decimals ≈ 1 m)
 * - l: visible layer ids, comma separated; `l=` (empty) means "none visible";
 *      absent means "the default layers"
 * - f: selected feature id; s: open plan section id; b: base map (`plain`, `osm`, `tianditu`)
 *
 * Module keys: a module registers its keys once, at the top level of a module the first view loads (so the key is
 * known when main.js first reads the URL), and from then on reads and writes them through the state like any other:
 *
 *   registerHashKey('view');                              // #…&view=indicators, a history step when it changes
 *   registerHashKey('step', { history: 'replace' });      // changes replace the history entry
 *   state.set({ view: 'indicators' }, { history: 'push' });
 *   bus.on('state:changed', ({ changed, state }) => { if (changed.includes('view')) … state.view … });
 *
 * Values are ids (`[A-Za-z0-9_.:-]{1,120}`, or the key's own `pattern`); a missing or invalid value is null.
 * Module keys come after the core keys, in registration order.
 */

export const LANGS = ['zh', 'en'];
export const DEFAULT_LANG = 'zh';
const ID = /^[A-Za-z0-9_.:-]{1,120}$/;
export const CORE_KEYS = ['lang', 'z', 'c', 'l', 'f', 's', 'b', 'center', 'zoom', 'layers', 'feature', 'section', 'base'];

/** Creates a registry of module hash keys (the app uses the one below; tests make their own). */
export function createHashKeys() {
  const keys = new Map();
  return {
    /**
     * @param {string} name     the hash key, also the state key
     * @param {object} [spec]   `history`: 'push' (default) or 'replace' when only this key changes;
     *                          `pattern`: RegExp a value must match (default: an id)
     */
    register(name, { history = 'push', pattern = ID } = {}) {
      if (!/^[a-z][a-zA-Z0-9]{0,30}$/.test(name)) throw new Error(`bad hash key name: ${name}`);
      if (CORE_KEYS.includes(name)) throw new Error(`hash key ${name} is a core key`);
      const existing = keys.get(name);
      if (existing && (existing.history !== history || String(existing.pattern) !== String(pattern))) {
        throw new Error(`hash key ${name} registered twice with different specs`);
      }
      keys.set(name, { name, history, pattern });
      return name;
    },
    has: (name) => keys.has(name),
    get: (name) => keys.get(name),
    list: () => [...keys.values()],
  };
}

/** The application's registry of module hash keys. */
export const hashKeys = createHashKeys();

/** Registers a module's hash key in the application's registry (see the header). */
export function registerHashKey(name, spec) {
  return hashKeys.register(name, spec);
}

/** @returns {object} a state object with only the keys present and valid in the hash. */
export function decodeHash(hash, keys = hashKeys) {
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
  for (const { name, pattern } of keys.list()) {
    const v = params.get(name);
    if (v != null && pattern.test(v)) state[name] = v;
  }
  return state;
}

/** Encodes a state to a hash string starting with `#`. Null/undefined keys are left out. */
export function encodeHash(state, keys = hashKeys) {
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
  for (const { name } of keys.list()) {
    const v = state[name];
    if (v != null && v !== '') parts.push(`${name}=${encodeURIComponent(v)}`);
  }
  return `#${parts.join('&')}`;
}

/**
 * Which history call a change needs: selections, sections, layers, language and base map are steps the reader
 * may want to go back to (`push`), and so are module keys registered with `history: 'push'`; panning and
 * zooming only `replace` the current entry.
 */
export function historyMode(changedKeys, keys = hashKeys) {
  const pushKeys = ['feature', 'section', 'lang', 'layers', 'base'];
  return changedKeys.some((k) => pushKeys.includes(k) || keys.get(k)?.history === 'push') ? 'push' : 'replace';
}
