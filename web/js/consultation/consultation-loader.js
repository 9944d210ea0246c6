// The consultation's part of the first view: the `consult` hash key (the short link /c/{id} redirects to
// #consult={id}), and the toolbar button, shown when a consultation is open or one is named in the URL. The panel
// (consultation-panel.js), the presenter's live panel (live-panel.js) and the strings (namespace `consultation`) are
// imported on the first click, at once for a #consult= link, never before the first view is drawn.
import { bus } from '../core/event-bus.js';
import { state } from '../core/state.js';
import { t, pick, useNamespace } from '../core/i18n.js';
import { registerHashKey } from '../core/url-state.js';
import { api } from '../api/client.js';
import { el, loadStylesheet } from '../util/dom.js';

registerHashKey('consult', { pattern: /^[a-z0-9]{4,16}$/ });

const EMBED = /\/embed$/.test(location.pathname);

let loading = null;
/** Imports and mounts the consultation panel and the presenter's live panel once. */
export function loadConsultation() {
  if (!loading) {
    loading = Promise.all([import('./consultation-panel.js'), import('./live-panel.js'), loadStylesheet('css/consultation.css'), useNamespace('consultation')])
      .then(([panel, livePanel]) => {
        const ctx = { bus, state, t, pick, api };
        panel.mountConsultation(ctx);
        livePanel.mountLivePanel(ctx);
      })
      .catch((err) => { loading = null; console.error('consultation failed to load', err); throw err; });
  }
  return loading;
}

const button = el('button', {
  type: 'button',
  class: 'pm-btn pm-consultation-open',
  hidden: true,
  dataset: { i18n: 'toolbar.consultation' },
  onClick: () => loadConsultation().then(() => bus.emit('consultation:open', {}), () => {}),
});
button.textContent = t('toolbar.consultation');
if (!EMBED) document.getElementById('pm-toolbar-extra')?.append(button);

function afterFirstView() {
  if (EMBED) return;
  if (state.get().consult) {
    button.hidden = false;
    loadConsultation().then(() => bus.emit('consultation:open', { id: state.get().consult }), () => {});
    return;
  }
  api.get('api/consultations', { cached: false })
    .then((list) => { if (list.some((c) => c.state === 'open')) button.hidden = false; })
    .catch(() => {});
}
bus.on('state:changed', ({ changed, state: s }) => {
  if (changed.includes('consult') && s.consult) {
    button.hidden = false;
    loadConsultation().then(() => bus.emit('consultation:open', { id: s.consult }), () => {});
  }
});
if (document.body.classList.contains('pm-ready')) afterFirstView();
else { const off = bus.on('layers:drawn', () => { off(); afterFirstView(); }); }
