/**
 * The hash keys owned by the indicator and tour modules — `view`, `tour`,
 * `step` — kept next to the resident keys of core/url-state.js
 * (`#z=12&c=…&l=…&view=indicators`, `#…&tour=default&step=3`).
 *
 * core/url-sync.js rewrites the hash from the state and would drop unknown
 * keys, so after every state change these are appended again (on the next
 * task, after url-sync has written). Pure parts are exported for tests.
 */
export const EXTRA_KEYS = ['view', 'tour', 'step'];
const ID = /^[A-Za-z0-9_.:-]{1,120}$/;

/** The extra keys present and valid in a hash. */
export function readExtras(hash) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const out = {};
  for (const key of EXTRA_KEYS) {
    const v = params.get(key);
    if (v && ID.test(v)) out[key] = v;
  }
  return out;
}

/** The hash with the extra keys replaced by `extras` (null/undefined values removed). */
export function withExtras(hash, extras) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  for (const key of EXTRA_KEYS) params.delete(key);
  for (const key of EXTRA_KEYS) if (extras[key] != null && extras[key] !== '') params.set(key, String(extras[key]));
  const s = params.toString().replace(/%2C/g, ',');
  return s ? `#${s}` : '';
}

let current = readExtras(typeof location === 'undefined' ? '' : location.hash);

/** Sets some extra keys (null removes) and writes the URL; `push` adds a history entry. */
export function setExtras(patch, { push = false } = {}) {
  current = { ...current, ...patch };
  for (const k of Object.keys(current)) if (current[k] == null) delete current[k];
  write(push);
}

export function getExtras() {
  return { ...current };
}

function write(push) {
  // nothing of ours to keep or remove: leave the resident hash exactly as url-sync wrote it
  if (!Object.keys(current).length && !Object.keys(readExtras(location.hash)).length) return;
  const hash = withExtras(location.hash, current);
  if (hash === location.hash) return;
  const url = `${location.pathname}${location.search}${hash}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** Re-appends the extra keys after the resident url-sync rewrote the hash; returns the teardown. */
export function keepExtras(bus, onChange) {
  const offState = bus.on('state:changed', () => setTimeout(() => write(false), 0));
  const onHash = () => {
    const next = readExtras(location.hash);
    const before = JSON.stringify(current);
    // a hash without our keys is url-sync's own rewrite: keep ours
    if (!Object.keys(next).length) { setTimeout(() => write(false), 0); return; }
    current = next;
    if (JSON.stringify(current) !== before) onChange?.(getExtras());
  };
  window.addEventListener('hashchange', onHash);
  window.addEventListener('popstate', onHash);
  return () => { offState(); window.removeEventListener('hashchange', onHash); window.removeEventListener('popstate', onHash); };
}
