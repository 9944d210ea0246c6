// The planner's part of the first view (its stylesheet css/planner.css comes with the panel): the toolbar button and the `#overlay=` key of a share link, read before
// main.js rewrites the hash (this module's script tag comes before main.js). The planner itself (planner-panel.js,
// its report and export modules) is imported on the first click, at once for a share link, or when the browser is
// idle after the layers are drawn — never before the first view. leaflet-draw is loaded by map/draw-adapter.js when
// the planner panel is shown (draw:prepare).
import { bus } from '../core/event-bus.js';
import { state } from '../core/state.js';
import { t, pick } from '../core/i18n.js';
import { el, loadStylesheet } from '../util/dom.js';

const OPEN_ID = /[#&?]overlay=([A-Za-z0-9_-]{22})/.exec(location.hash + location.search)?.[1] || null;

// main.js has mounted the panel (window.planmap is set just after)
const appReady = () => new Promise((resolve) => {
  const check = () => (window.planmap ? resolve() : setTimeout(check, 50));
  check();
});

let loading = null;
/** Imports and mounts the planner once; resolves when its panel section exists. */
export function loadPlanner() {
  if (!loading) {
    loading = appReady()
      .then(() => Promise.all([import('./planner-panel.js'), loadStylesheet('css/planner.css')]))
      .then(([mod]) => mod)
      .then(({ mountPlanner }) => mountPlanner({ bus, state, t, pick, openId: OPEN_ID }))
      .catch((err) => { loading = null; console.error('planner failed to load', err); throw err; });
  }
  return loading;
}

const button = el('button', {
  type: 'button',
  class: 'pm-btn pm-planner-open',
  dataset: { i18n: 'planner.open' },
  onClick: () => loadPlanner().then(() => bus.emit('panel:show', { name: 'planner', focus: true }), () => {}),
});
document.getElementById('pm-toolbar-extra')?.append(button);

function afterFirstView() {
  if (OPEN_ID) { loadPlanner().catch(() => {}); return; }
  const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
  idle(() => loadPlanner().catch(() => {}), { timeout: 3000 });
}
if (document.body.classList.contains('pm-ready')) afterFirstView();
else { const off = bus.on('layers:drawn', () => { off(); afterFirstView(); }); }
