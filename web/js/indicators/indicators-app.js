/**
 * Wiring of the indicator dashboard, the feature-panel targets and the
 * presenter tours into the resident app: two toolbar buttons in
 * #pm-toolbar-extra, and the hash keys `view=indicators`, `tour`, `step`
 * (tour/hash-extras.js). Talks to the rest only through the bus and state.
 * Its script tag comes before main.js so that it reads the hash before the
 * resident start-up rewrites it.
 */
import { bus } from '../core/event-bus.js';
import { state } from '../core/state.js';
import { el } from '../util/dom.js';
import { strings } from './strings.js';
import { mountDashboard } from './dashboard.js';
import { mountFeatureTargets } from './feature-targets.js';
import { mountTourPlayer } from '../tour/tour-player.js';
import { keepExtras, getExtras, setExtras } from '../tour/hash-extras.js';

function whenReady(fn) {
  if (document.body.classList.contains('pm-ready')) fn();
  else {
    const off = bus.on('layers:drawn', () => { off(); setTimeout(fn, 0); });
  }
}

function start() {
  const dashboard = mountDashboard({ bus, state, onClose: () => { dashboard.close(); setExtras({ view: null }, { push: true }); } });
  const player = mountTourPlayer({ bus, state });
  mountFeatureTargets({ bus, state });

  const slot = document.getElementById('pm-toolbar-extra');
  const indButton = el('button', { type: 'button', id: 'pm-btn-indicators', class: 'pm-btn', 'aria-controls': 'pm-indicators' });
  const tourButton = el('button', { type: 'button', id: 'pm-btn-tour', class: 'pm-btn', 'aria-controls': 'pm-tour-chooser' });
  const relabel = () => {
    const say = strings(state.get().lang);
    indButton.textContent = say('indicators');
    tourButton.textContent = say('tour');
  };
  relabel();
  bus.on('ui:relabel', relabel);
  indButton.addEventListener('click', () => {
    if (dashboard.isOpen()) { dashboard.close(); setExtras({ view: null }, { push: true }); } else { dashboard.open(); setExtras({ view: 'indicators' }, { push: true }); }
    indButton.setAttribute('aria-expanded', String(dashboard.isOpen()));
  });
  tourButton.addEventListener('click', () => player.openChooser());
  slot?.append(indButton, tourButton);

  function apply(extras) {
    if (extras.view === 'indicators' && !dashboard.isOpen()) dashboard.open();
    if (extras.view !== 'indicators' && dashboard.isOpen()) dashboard.close();
    if (extras.tour) {
      const step = Number.parseInt(extras.step || '1', 10);
      if (player.isPresenting()) player.goTo(step);
      else player.start(extras.tour, step);
    } else if (player.isPresenting()) player.leave();
  }
  keepExtras(bus, apply);
  whenReady(() => apply(getExtras()));
  window.planmapIndicators = { dashboard, player };
}

start();
