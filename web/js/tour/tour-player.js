/**
 * Presenter mode: a tour of geodata/tours/*.json, one step at a time, the
 * map framed on the step's features with the rest dimmed (body class
 * pm-presenting, features:highlight + map:fit-bounds), large type, a
 * progress bar, keys for clickers (tour-keys.js), full screen, high
 * contrast, #tour=id&step=n in the URL (state keys `tour`, `step`, registered by
 * indicators-app.js), a printable handout and an image export of the current
 * view. Everything is fetched when the tour starts, so the talk needs no network.
 * Strings: i18n namespace `tour`.
 */
import { el, clear, append, listen } from '../util/dom.js';
import { tourCommand, clampStep } from './tour-keys.js';
import { api } from '../api/client.js';
import { t } from '../core/i18n.js';
import { loadCollections, drawSnapshot, viewBbox } from './map-snapshot.js';
import { buildHandout } from './tour-print.js';

export function mountTourPlayer({ bus, state }) {
  const tx = (k, v) => t(`tour.${k}`, v);
  const chooser = el('div', { id: 'pm-tour-chooser', class: 'pm-tour-chooser', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'pm-tour-chooser-title', hidden: true });
  const stage = el('section', { id: 'pm-tour', class: 'pm-tour', 'aria-live': 'polite', tabindex: '-1', hidden: true });
  const handout = el('div', { id: 'pm-tour-print', class: 'pm-tour-handout', 'aria-hidden': 'true' });
  const errorBox = el('div', { id: 'pm-tour-error', class: 'pm-tour-error', role: 'alert', hidden: true });
  document.body.append(chooser, stage, handout, errorBox);
  let tour = null;
  let index = 0;
  let typed = '';
  let collections = null;
  let districtBbox = [106.2, 29.5, 106.5, 29.8];
  let lastHighlight = [];
  let starting = null; // the tour id being fetched

  async function openChooser() {
    clear(chooser);
    chooser.hidden = false;
    const data = await api.tours();
    append(chooser, [el('h2', { id: 'pm-tour-chooser-title' }, tx('choose')),
      el('button', { type: 'button', class: 'pm-btn pm-tour-chooser-close', 'aria-label': tx('leave'), onclick: () => { chooser.hidden = true; } }, '×'),
      el('ul', { class: 'pm-tour-list' }, data.tours.map((tour) => el('li', {},
        el('button', { type: 'button', class: 'pm-btn', dataset: { tour: tour.id }, onclick: () => { chooser.hidden = true; state.set({ tour: tour.id, step: '1' }, { history: 'push' }); } },
          state.get().lang === 'en' && tour.titleEn ? tour.titleEn : tour.title), ` ${tx('steps', { n: tour.steps })}`))),
      data.problems.length ? el('div', { class: 'pm-tour-problems', role: 'alert' }, el('p', {}, tx('problems')),
        el('ul', {}, data.problems.map((p) => el('li', { dataset: { file: p.file } }, p.message)))) : null]);
    chooser.querySelector('button[data-tour]')?.focus();
  }

  function showError(message) {
    errorBox.hidden = false;
    clear(errorBox).append(el('p', {}, tx('error'), el('strong', {}, message)),
      el('button', { type: 'button', class: 'pm-btn', onclick: () => { errorBox.hidden = true; } }, '×'));
  }

  async function start(id, step) {
    starting = id;
    let answer;
    try {
      answer = await api.tour(id);
    } catch (err) {
      if (starting !== id) return;
      starting = null;
      showError(err.message);
      state.set({ tour: null, step: null }, { history: 'replace' });
      return;
    }
    if (starting !== id) return;
    starting = null;
    tour = answer;
    errorBox.hidden = true;
    collections = collections || await loadCollections();
    const district = collections.get('district')?.[0];
    if (district) districtBbox = bboxOf(district.geometry);
    buildHandout(handout, tour, collections, districtBbox);
    document.body.classList.add('pm-presenting');
    stage.hidden = false;
    window.dispatchEvent(new Event('resize'));
    go(clampStep(step, tour.steps.length));
    stage.focus({ preventScroll: true });
  }

  function go(n) {
    if (!tour) return;
    index = clampStep(n, tour.steps.length) - 1;
    const s = tour.steps[index];
    render(s);
    lastHighlight = s.features;
    bus.emit('features:highlight', { ids: s.features, fit: false });
    const box = s.bbox || districtBbox;
    bus.emit('map:fit-bounds', { bbox: framed(box) });
    state.set({ tour: tour.id, step: String(index + 1) }, { history: 'replace', source: 'tour' });
    bus.emit('tour:step', { tour: tour.id, step: index + 1, features: s.features });
  }

  /** Grows the box southward so the features sit above the caption panel. */
  function framed(b) {
    const caption = stage.getBoundingClientRect();
    const cover = Math.min(0.6, caption.height / Math.max(window.innerHeight, 1));
    const height = (b[3] - b[1]) / (1 - cover);
    return [b[0], b[3] - height, b[2], b[3]];
  }

  function render(s) {
    clear(stage);
    const n = tour.steps.length;
    const title = state.get().lang === 'en' && s.titleEn ? s.titleEn : s.title;
    append(stage, [
      el('div', { class: 'pm-tour-progress', role: 'progressbar', 'aria-valuemin': '1', 'aria-valuemax': String(n), 'aria-valuenow': String(index + 1), 'aria-label': tx('step', { i: index + 1, n }) },
        el('div', { class: 'pm-tour-progress-bar', style: `width:${((index + 1) / n) * 100}%` })),
      el('p', { class: 'pm-tour-count' }, tx('step', { i: index + 1, n }), ' · ', tour.title),
      el('h2', { class: 'pm-tour-title' }, title),
      s.quote ? el('blockquote', { class: 'pm-tour-quote' }, el('p', {}, s.quote, /[。！？；]$/.test(s.quote) ? '' : '……'),
        el('cite', {}, `${s.sectionTitle} [${s.sectionId}]`)) : null,
      s.targets.length ? el('div', { class: 'pm-tour-targets' }, el('h3', {}, tx('targets')),
        el('ul', {}, s.targets.map((g) => el('li', {}, g.match, g.year ? `（${g.year}）` : '')))) : null,
      el('div', { class: 'pm-tour-controls' },
        button('back', '←', () => go(index), index === 0),
        button('next', '→', () => go(index + 2), index === n - 1),
        button('full', '', toggleFullscreen),
        button('contrast', '◐', toggleContrast),
        button('print', '', () => window.print()),
        button('export', '', exportImage),
        button('leave', '✕', leave))]);
  }

  function button(key, icon, onclick, disabled = false) {
    return el('button', { type: 'button', class: `pm-btn pm-tour-${key}`, onclick, disabled, title: tx(key), 'aria-label': tx(key) }, icon ? `${icon} ` : '', el('span', { class: 'pm-tour-btn-label' }, tx(key)));
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen?.();
    else document.documentElement.requestFullscreen?.().catch(() => {});
  }

  function toggleContrast() {
    document.body.classList.toggle('pm-tour-contrast');
  }

  /** Draws the current map view (visible layers, highlighted features) to a PNG and downloads it. */
  async function exportImage() {
    collections = collections || await loadCollections();
    const map = document.getElementById('pm-map').getBoundingClientRect();
    const st = state.get();
    const bbox = st.center ? viewBbox(st.center, st.zoom, map.width, map.height) : districtBbox;
    const canvas = el('canvas', { width: String(Math.round(map.width)), height: String(Math.round(map.height)) });
    drawSnapshot(canvas, collections, { bbox, highlight: new Set(lastHighlight), visible: st.layers, title: tour ? tour.steps[index].title : '' });
    const url = canvas.toDataURL('image/png');
    const a = el('a', { href: url, download: `planmap-${tour ? `${tour.id}-step-${index + 1}` : 'map'}.png` });
    document.body.append(a);
    a.click();
    a.remove();
    return url;
  }

  function leave() {
    starting = null;
    if (!tour) return;
    tour = null;
    document.body.classList.remove('pm-presenting', 'pm-tour-contrast');
    stage.hidden = true;
    clear(handout);
    if (document.fullscreenElement) document.exitFullscreen?.();
    bus.emit('features:highlight', { ids: [], fit: false });
    state.set({ tour: null, step: null }, { history: 'push', source: 'tour' });
    window.dispatchEvent(new Event('resize'));
  }

  function onKey(e) {
    if (!tour || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target.closest?.('input, select, textarea')) return;
    if ((e.key === 'Enter' || e.key === ' ') && !typed && e.target.closest?.('button, a')) return; // let the control act
    const cmd = tourCommand(e.key, typed);
    if (!cmd) return;
    e.preventDefault();
    typed = cmd.typed ?? '';
    switch (cmd.command) {
      case 'next': go(index + 2); break;
      case 'back': go(index); break;
      case 'first': go(1); break;
      case 'last': go(tour.steps.length); break;
      case 'jump': go(cmd.step); break;
      case 'leave': leave(); break;
      case 'fullscreen': toggleFullscreen(); break;
      case 'contrast': toggleContrast(); break;
      default: break;
    }
  }

  const offs = [listen(document, 'keydown', onKey)];
  return {
    openChooser, start, leave, exportImage,
    isPresenting: () => !!tour,
    /** The tour shown or being opened, or null. */
    tourId: () => tour?.id || starting,
    step: () => index + 1,
    goTo: (n) => go(n),
    destroy() { offs.forEach((o) => o()); [chooser, stage, handout, errorBox].forEach((n) => n.remove()); },
  };
}

function bboxOf(g) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => { if (typeof c[0] === 'number') { b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]); } else c.forEach(walk); };
  walk(g.coordinates);
  return b;
}
