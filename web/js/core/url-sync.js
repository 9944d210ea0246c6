/**
 * Keeps the URL hash and the state in step: every state change writes the
 * hash (pushState for selections, sections, layers, language, base map;
 * replaceState for panning and zooming), and back/forward (popstate) or a
 * pasted hash (hashchange) are applied back to the state with history 'none'.
 */
import { decodeHash, encodeHash, historyMode } from './url-state.js';

export function startUrlSync({ bus, state, defaults, win = window }) {
  function write({ changed, options }) {
    if (options.history === 'none') return;
    const hash = encodeHash(state.get());
    if (hash === win.location.hash) return;
    const mode = options.history || historyMode(changed);
    const url = `${win.location.pathname}${win.location.search}${hash}`;
    if (mode === 'push') win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  }

  function read() {
    const fromUrl = decodeHash(win.location.hash);
    state.set({ ...defaults(), ...fromUrl }, { history: 'none', source: 'url', focus: false });
  }

  const off = bus.on('state:changed', write);
  win.addEventListener('popstate', read);
  win.addEventListener('hashchange', read);
  return () => {
    off();
    win.removeEventListener('popstate', read);
    win.removeEventListener('hashchange', read);
  };
}
