// The progress view's part of the first view: the toolbar button and the `progress` hash key (`#progress=now` or
// `#progress=2024-06-30`, the "as of" day), registered before main.js first reads the URL (this module's script tag
// comes before main.js). The panel, the map layer and the `progress` strings are imported on the first click, or at
// once when the URL asks for the view — never before the first view.
import { bus } from '../core/event-bus.js';
import { state } from '../core/state.js';
import { t, useNamespace } from '../core/i18n.js';
import { registerHashKey } from '../core/url-state.js';
import { el } from '../util/dom.js';

registerHashKey('progress', { pattern: /^(now|\d{4}-\d{2}-\d{2})$/ });

const appReady = () => new Promise((resolve) => {
  const check = () => (window.planmap ? resolve() : setTimeout(check, 50));
  check();
});

let loading = null;
function loadProgress() {
  if (!loading) {
    loading = appReady()
      .then(() => Promise.all([import('./progress-panel.js'), import('../map/progress-layer.js'), useNamespace('progress')]))
      .then(([panel, layer]) => {
        const { api, map } = window.planmap;
        layer.mountProgressLayer({ map: map.leafletMap, bus, state, label: (f) => progressLabel(f) });
        return panel.mountProgressPanel({ bus, state, t, api });
      })
      .catch((err) => { loading = null; console.error('progress view failed to load', err); throw err; });
  }
  return loading;
}

function progressLabel(f) {
  const p = f.properties || {};
  const name = state.get().lang === 'en' && p.nameEn ? p.nameEn : p.name;
  return `${name} · ${state.get().lang === 'en' ? p.statusEn : p.statusZh}`;
}

const EMBED = /\/embed$/.test(location.pathname);
const button = el('button', {
  type: 'button',
  class: 'pm-btn pm-progress-open',
  dataset: { i18n: 'toolbar.progress' },
  onClick: () => state.set({ progress: state.get().progress || 'now' }, { history: 'push' }),
});
if (!EMBED) document.getElementById('pm-toolbar-extra')?.append(button);

bus.on('state:changed', ({ changed, state: s }) => {
  if (changed.includes('progress') && s.progress) loadProgress().catch(() => {});
});
function afterFirstView() {
  if (!EMBED && state.get().progress) loadProgress().catch(() => {});
}
if (document.body.classList.contains('pm-ready')) afterFirstView();
else bus.on('layers:drawn', afterFirstView);
