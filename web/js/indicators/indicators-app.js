/**
 * Wiring of the indicator dashboard, the feature-panel targets and the
 * presenter tours into the resident app: two toolbar buttons in
 * #pm-toolbar-extra, and the hash keys `view=indicators`, `tour`, `step`
 * (tour/hash-extras.js). Talks to the rest only through the bus and state.
 * Its script tag comes before main.js so that it reads the hash before the
 * resident start-up rewrites it. Only that and the two buttons belong to the
 * first view: the dashboard, the feature-panel targets and the tour player
 * (and their stylesheets) are imported on first use, or when the browser is idle after the layers
 * are drawn (`pm:layers-drawn`).
 */
import { bus } from '../core/event-bus.js';
import { state } from '../core/state.js';
import { el, loadStylesheet } from '../util/dom.js';
import { strings } from './strings.js';
import { keepExtras, getExtras, setExtras } from '../tour/hash-extras.js';

function whenReady(fn) {
  if (document.body.classList.contains('pm-ready')) fn();
  else {
    const off = bus.on('layers:drawn', () => { off(); setTimeout(fn, 0); });
  }
}

const once = (load) => { let p = null; return () => { p ??= load().catch((err) => { p = null; console.error(err); throw err; }); return p; }; };

function start() {
  const slot = document.getElementById('pm-toolbar-extra');
  const indButton = el('button', { type: 'button', id: 'pm-btn-indicators', class: 'pm-btn', 'aria-controls': 'pm-indicators' });
  const tourButton = el('button', { type: 'button', id: 'pm-btn-tour', class: 'pm-btn', 'aria-controls': 'pm-tour-chooser' });
  const api = window.planmapIndicators = { dashboard: null, player: null };
  const withCss = (href, load) => Promise.all([load(), loadStylesheet(href)]).then(([mod]) => mod);
  const loadDashboard = once(() => withCss('css/indicators.css', () => import('./dashboard.js')).then(({ mountDashboard }) => {
    const dashboard = mountDashboard({ bus, state, onClose: () => { dashboard.close(); setExtras({ view: null }, { push: true }); } });
    api.dashboard = dashboard;
    return dashboard;
  }));
  const loadPlayer = once(() => withCss('css/tour.css', () => import('../tour/tour-player.js')).then(({ mountTourPlayer }) => (api.player = mountTourPlayer({ bus, state }))));
  const loadTargets = once(() => withCss('css/indicators.css', () => import('./feature-targets.js')).then(({ mountFeatureTargets }) => mountFeatureTargets({ bus, state })));

  const relabel = () => {
    const say = strings(state.get().lang);
    indButton.textContent = say('indicators');
    tourButton.textContent = say('tour');
  };
  relabel();
  bus.on('ui:relabel', relabel);
  indButton.addEventListener('click', async () => {
    const dashboard = await loadDashboard();
    if (dashboard.isOpen()) { dashboard.close(); setExtras({ view: null }, { push: true }); } else { dashboard.open(); setExtras({ view: 'indicators' }, { push: true }); }
    indButton.setAttribute('aria-expanded', String(dashboard.isOpen()));
  });
  tourButton.addEventListener('click', async () => (await loadPlayer()).openChooser());
  slot?.append(indButton, tourButton);
  // a feature chosen before the targets module is in: load it now (it shows the current feature's targets)
  const offFeature = bus.on('feature:selected', ({ id }) => { if (id) { offFeature(); loadTargets().catch(() => {}); } });

  async function apply(extras) {
    if (extras.view === 'indicators' || api.dashboard) {
      const dashboard = await loadDashboard();
      if (extras.view === 'indicators' && !dashboard.isOpen()) dashboard.open();
      if (extras.view !== 'indicators' && dashboard.isOpen()) dashboard.close();
    }
    if (extras.tour || api.player) {
      const player = await loadPlayer();
      if (extras.tour) {
        const step = Number.parseInt(extras.step || '1', 10);
        if (player.isPresenting()) player.goTo(step);
        else player.start(extras.tour, step);
      } else if (player.isPresenting()) player.leave();
    }
  }
  keepExtras(bus, (extras) => { apply(extras).catch(() => {}); });
  whenReady(() => {
    apply(getExtras()).catch(() => {});
    if (state.get().feature) loadTargets().catch(() => {});
    // the rest comes in when the browser has nothing better to do
    const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
    idle(() => Promise.all([loadTargets(), loadDashboard(), loadPlayer()]).catch(() => {}), { timeout: 3000 });
  });
}

start();
