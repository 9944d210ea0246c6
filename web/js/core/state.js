/**
 * The shared view state: one object, changed only through `state.set`.
 * Every change is announced on the bus, once as `state:changed` and once per
 * domain event (see web/js/README.md):
 *   feature → `feature:selected` {id, focus}
 *   section → `section:opened` {id, paragraphId}
 *   layers  → `layers:changed` {layers}
 *   lang    → `lang:changed` {lang}
 *   base    → `base:changed` {base}
 *   center/zoom → `view:changed` {center, zoom}
 * Options: `{history: 'push'|'replace'|'none', focus: bool, paragraphId}` are
 * passed through to listeners (the URL sync reads `history`).
 *
 * Keys that modules registered as hash keys (core/url-state.js `registerHashKey`) are state keys too, null
 * until set; their changes are announced by `state:changed` only (`changed` names them).
 */
import { bus as defaultBus } from './event-bus.js';
import { DEFAULT_LANG, hashKeys as defaultHashKeys } from './url-state.js';

const DOMAIN_EVENTS = [
  ['feature', 'feature:selected', (s, o) => ({ id: s.feature, focus: !!o.focus })],
  ['section', 'section:opened', (s, o) => ({ id: s.section, paragraphId: o.paragraphId || null })],
  ['layers', 'layers:changed', (s) => ({ layers: [...s.layers] })],
  ['lang', 'lang:changed', (s) => ({ lang: s.lang })],
  ['base', 'base:changed', (s) => ({ base: s.base })],
];

export function createState(bus = defaultBus, hashKeys = defaultHashKeys) {
  const current = {
    lang: DEFAULT_LANG, center: null, zoom: null, layers: [],
    feature: null, section: null, base: 'plain',
  };

  function get() {
    const extras = {};
    for (const { name } of hashKeys.list()) extras[name] = current[name] ?? null;
    return { ...current, ...extras, layers: [...current.layers] };
  }

  function set(patch, options = {}) {
    const changed = [];
    for (const [key, value] of Object.entries(patch)) {
      if (!(key in current) && !hashKeys.has(key)) continue;
      const next = value === undefined ? null : value;
      if (!same(current[key] === undefined ? null : current[key], next)) {
        current[key] = Array.isArray(next) ? [...next] : next;
        changed.push(key);
      }
    }
    // a repeated selection with focus still flies the map to the feature
    if (!changed.length && !(options.focus && patch.feature)) return [];
    const snapshot = get();
    for (const [key, type, detail] of DOMAIN_EVENTS) {
      if (changed.includes(key) || (key === 'feature' && options.focus && patch.feature)) {
        bus.emit(type, { ...detail(snapshot, options), source: options.source || null });
      }
    }
    if (changed.includes('center') || changed.includes('zoom')) {
      bus.emit('view:changed', { center: snapshot.center, zoom: snapshot.zoom, source: options.source || null });
    }
    bus.emit('state:changed', { state: snapshot, changed, options });
    return changed;
  }

  return { get, set };
}

function same(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
  }
  return a === b;
}

/** The application's state. */
export const state = createState();
