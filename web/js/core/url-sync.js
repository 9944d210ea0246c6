/**
 * The one owner of the URL hash. Keeps the hash and the state in step: every state change writes the hash
 * (pushState for selections, sections, layers, language, base map and module keys registered with
 * `history: 'push'`; replaceState for panning, zooming and `history: 'replace'` keys), and back/forward
 * (popstate) or a pasted hash (hashchange) are applied back to the state with history 'none'.
 * Module keys (core/url-state.js `registerHashKey`) are written and read with the core keys; a key absent
 * from the URL reads as null. No other module writes `location.hash` or calls `history.pushState`.
 */
import { decodeHash, encodeHash, historyMode, hashKeys as defaultHashKeys } from './url-state.js';

export function startUrlSync({ bus, state, defaults, win = window, hashKeys = defaultHashKeys }) {
  function write({ changed, options }) {
    if (options.history === 'none') return;
    const hash = encodeHash(state.get(), hashKeys);
    if (hash === win.location.hash) return;
    const mode = options.history || historyMode(changed, hashKeys);
    const url = `${win.location.pathname}${win.location.search}${hash}`;
    if (mode === 'push') win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  }

  function read() {
    const fromUrl = decodeHash(win.location.hash, hashKeys);
    const cleared = Object.fromEntries(hashKeys.list().map(({ name }) => [name, null]));
    state.set({ ...cleared, ...defaults(), ...fromUrl }, { history: 'none', source: 'url', focus: false });
  }

  // the URL from now on says exactly what the state holds (defaults written out, invalid values dropped)
  win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}${encodeHash(state.get(), hashKeys)}`);
  const off = bus.on('state:changed', write);
  win.addEventListener('popstate', read);
  win.addEventListener('hashchange', read);
  return () => {
    off();
    win.removeEventListener('popstate', read);
    win.removeEventListener('hashchange', read);
  };
}
