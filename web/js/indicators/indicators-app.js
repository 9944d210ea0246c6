/**
 * Wiring of the indicator dashboard, the feature-panel targets and the presenter tours into the resident app:
 * two toolbar buttons in #pm-toolbar-extra, and the hash keys `view` (`view=indicators`), `tour` and `step`,
 * registered with core/url-state.js so that core/url-sync.js writes and reads them with the others. Talks to
 * the rest only through the bus and state. Its script tag comes before main.js so that the keys are registered
 * before the first read of the URL. Only that and the two buttons belong to the first view: the dashboard, the
 * feature-panel targets and the tour player (their stylesheets and i18n namespaces `indicators`, `tour`) are
 * imported on first use, or when the browser is idle after the layers are drawn (`pm:layers-drawn`).
 */
import { bus } from '../core/event-bus.js';
import { state } from '../core/state.js';
import { t, useNamespace } from '../core/i18n.js';
import { registerHashKey } from '../core/url-state.js';
import { el, loadStylesheet } from '../util/dom.js';

registerHashKey('view');
registerHashKey('tour');
registerHashKey('step', { history: 'replace', pattern: /^[0-9]{1,3}$/ });
const KEYS = ['view', 'tour', 'step'];

function whenReady(fn) {
  if (document.body.classList.contains('pm-ready')) fn();
  else {
    const off = bus.on('layers:drawn', () => { off(); setTimeout(fn, 0); });
  }
}

const once = (load) => { let p = null; return () => { p ??= load().catch((err) => { p = null; console.error(err); throw err; }); return p; }; };

function start() {
  const slot = document.getElementById('pm-toolbar-extra');
  const indButton = el('button', { type: 'button', id: 'pm-btn-indicators', class: 'pm-btn', 'aria-controls': 'pm-indicators', 'aria-expanded': 'false' });
  // aria-controls only once the chooser exists (the tour player is loaded later): a dangling id is an ARIA error
  const tourButton = el('button', { type: 'button', id: 'pm-btn-tour', class: 'pm-btn' });
  const loaded = window.planmapIndicators = { dashboard: null, player: null };
  const withParts = (href, strings, load) => Promise.all([load(), loadStylesheet(href), strings()]).then(([mod]) => mod);
  const loadDashboard = once(() => withParts('css/indicators.css', () => useNamespace('indicators'), () => import('./dashboard.js')).then(({ mountDashboard }) => {
    const dashboard = mountDashboard({ bus, state, onClose: () => state.set({ view: null }, { history: 'push' }) });
    loaded.dashboard = dashboard;
    return dashboard;
  }));
  const loadPlayer = once(() => withParts('css/tour.css', () => useNamespace('tour'), () => import('../tour/tour-player.js'))
    .then(({ mountTourPlayer }) => {
      loaded.player = mountTourPlayer({ bus, state });
      tourButton.setAttribute('aria-controls', 'pm-tour-chooser');
      return loaded.player;
    }));
  const loadTargets = once(() => withParts('css/indicators.css', () => useNamespace('indicators'), () => import('./feature-targets.js'))
    .then(({ mountFeatureTargets }) => mountFeatureTargets({ bus, state })));

  const relabel = () => {
    indButton.textContent = t('toolbar.indicators');
    tourButton.textContent = t('toolbar.tour');
  };
  relabel();
  bus.on('ui:relabel', relabel);
  indButton.addEventListener('click', () => state.set({ view: state.get().view === 'indicators' ? null : 'indicators' }, { history: 'push' }));
  tourButton.addEventListener('click', async () => (await loadPlayer()).openChooser());
  slot?.append(indButton, tourButton);
  // a feature chosen before the targets module is in: load it now (it shows the current feature's targets)
  const offFeature = bus.on('feature:selected', ({ id }) => { if (id) { offFeature(); loadTargets().catch(() => {}); } });

  /** Opens or closes the dashboard and the tour as the state's view/tour/step say. */
  async function apply(s) {
    if (s.view === 'indicators' || loaded.dashboard) {
      const dashboard = await loadDashboard();
      if (s.view === 'indicators' && !dashboard.isOpen()) dashboard.open();
      if (s.view !== 'indicators' && dashboard.isOpen()) dashboard.close();
      indButton.setAttribute('aria-expanded', String(dashboard.isOpen()));
    }
    if (s.tour || loaded.player) {
      const player = await loadPlayer();
      if (s.tour) {
        const step = Number.parseInt(s.step || '1', 10);
        if (player.tourId() === s.tour) { if (player.step() !== step) player.goTo(step); }
        else player.start(s.tour, step);
      } else if (player.tourId()) player.leave();
    }
  }
  bus.on('state:changed', ({ changed, state: s, options }) => {
    if (options.source === 'tour') return; // the player's own step changes
    if (document.body.classList.contains('pm-ready') && changed.some((k) => KEYS.includes(k))) apply(s).catch(() => {});
  });
  whenReady(() => {
    apply(state.get()).catch(() => {});
    if (state.get().feature) loadTargets().catch(() => {});
    // the rest comes in when the browser has nothing better to do
    const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
    idle(() => Promise.all([loadTargets(), loadDashboard(), loadPlayer()]).catch(() => {}), { timeout: 3000 });
  });
}

// the embed mode (/embed) is map + legend only
if (!/\/embed$/.test(location.pathname)) start();
