// The planner's part of the first view (its stylesheet css/planner.css comes with the panel): the toolbar button and
// the `overlay` hash key of a share link (`#overlay=<id>`), registered with core/url-state.js before main.js first
// reads the URL (this module's script tag comes before main.js). The planner itself (planner-panel.js, its report
// and export modules, the i18n namespace `planner`) is imported on the first click, at once for a share link, or
// when the browser is idle after the layers are drawn — never before the first view. Leaflet-Geoman is loaded by
// map/draw-adapter.js when the planner panel is shown (draw:prepare).
import { bus } from '../core/event-bus.js';
import { state } from '../core/state.js';
import { t, pick, useNamespace } from '../core/i18n.js';
import { registerHashKey } from '../core/url-state.js';
import { el, loadStylesheet } from '../util/dom.js';

registerHashKey('overlay', { pattern: /^[A-Za-z0-9_-]{22}$/ });

// main.js has mounted the panel (window.planmap is set just after)
const appReady = () => new Promise((resolve) => {
  const check = () => (window.planmap ? resolve() : setTimeout(check, 50));
  check();
});

let printing = null;
/** The print sheet (print/print-sheet.js: what Print puts on paper for the map and the planner), mounted once. */
function loadPrintSheet() {
  printing ??= import('../print/print-sheet.js').then(({ mountPrintSheet }) => mountPrintSheet({ bus, state }))
    .catch((err) => { printing = null; console.error('print sheet failed to load', err); });
  return printing;
}

let loading = null;
/** Imports and mounts the planner once (and the print sheet with it); resolves when its panel section exists. */
export function loadPlanner() {
  if (!loading) {
    loading = appReady()
      .then(() => { loadPrintSheet(); return Promise.all([import('./planner-panel.js'), loadStylesheet('css/planner.css'), useNamespace('planner')]); })
      .then(([mod]) => mod)
      .then(({ mountPlanner }) => mountPlanner({ bus, state, t, pick }))
      .catch((err) => { loading = null; console.error('planner failed to load', err); throw err; });
  }
  return loading;
}

const EMBED = /\/embed$/.test(location.pathname); // the embed mode is map + legend only

const button = el('button', {
  type: 'button',
  class: 'pm-btn pm-planner-open',
  dataset: { i18n: 'toolbar.planner' },
  onClick: () => loadPlanner().then(() => bus.emit('panel:show', { name: 'planner', focus: true }), () => {}),
});
if (!EMBED) document.getElementById('pm-toolbar-extra')?.append(button);

function afterFirstView() {
  if (EMBED) return;
  if (state.get().overlay) { loadPlanner().catch(() => {}); return; }
  const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
  idle(() => loadPlanner().catch(() => {}), { timeout: 3000 });
}
// a share link followed later (back/forward, a pasted hash): load the planner, which opens it
bus.on('state:changed', ({ changed, state: s }) => { if (changed.includes('overlay') && s.overlay) loadPlanner().catch(() => {}); });
if (document.body.classList.contains('pm-ready')) afterFirstView();
else { const off = bus.on('layers:drawn', () => { off(); afterFirstView(); }); }
