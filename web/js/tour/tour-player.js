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
import { el, clear, append, listen, loadStylesheet } from '../util/dom.js';
import { tourCommand, clampStep } from './tour-keys.js';
import { api } from '../api/client.js';
import { t, pick, useNamespace } from '../core/i18n.js';
import { loadCollections, drawSnapshot, viewBbox } from './map-snapshot.js';
import { buildHandout } from './tour-print.js';
import { mountStepLabels } from '../map/step-labels.js';
import { polygonsOf, linesOf, labelPoint, lineMidpoint } from '../util/geometry.js';

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
  let unmountLabels = null;
  const stepSites = el('style', { id: 'pm-tour-step-sites' });
  document.head.append(stepSites);
  const titlesEn = new Map(); // plan node id → English title, for the quote's source
  const layerTitles = new Map(); // collection id → {zh, en}, for the handout's legends
  const lang = () => state.get().lang || 'zh';
  const inLang = (zh, en) => (lang() === 'en' && en ? en : zh);

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
    await Promise.all([useNamespace('print'), loadStylesheet('css/print.css'), layerTitles.size ? null : api.layers().then((ls) => ls.forEach((l) => layerTitles.set(l.id, l.title))).catch(() => {})]);
    await api.toc().then((toc) => {
      const walk = (nodes) => (nodes || []).forEach((n) => { if (n.titleEn) titlesEn.set(n.id, n.titleEn); walk(n.children); });
      walk(toc.toc);
    }).catch(() => {});
    if (!unmountLabels && window.planmap?.map?.leafletMap) unmountLabels = mountStepLabels({ adapter: window.planmap.map, bus });
    const district = collections.get('district')?.[0];
    if (district) districtBbox = bboxOf(district.geometry);
    buildHandout(handout, tour, collections, districtBbox, {
      t, lang: lang(), layerTitle: (id) => pick(layerTitles.get(id)) || id, tourTitle: inLang(tour.title, tour.titleEn),
      text: (s) => ({ title: inLang(s.title, s.titleEn), source: inLang(s.sectionTitle, titlesEn.get(s.sectionId)), targets: targetLines(s) }),
    });
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
    bus.emit('map:fit-bounds', { bbox: s.bbox || districtBbox, ...freeArea(), maxZoom: 16 });
    bus.emit('labels:show', { items: labels(s) });
    // only the step's own sites keep their symbols: the others are hidden rather than faded (faded symbols are
    // unreadable text, and the step's places are what the room should look at)
    stepSites.textContent = `body.pm-presenting .leaflet-marker-pane .leaflet-marker-icon${s.features.map((id) => `:not([data-feature-id="${CSS.escape(String(id))}"])`).join('')} { visibility: hidden; }`;
    state.set({ tour: tour.id, step: String(index + 1) }, { history: 'replace', source: 'tour' });
    bus.emit('tour:step', { tour: tour.id, step: index + 1, features: s.features });
  }

  /** Leaflet padding (px) that frames the step in the part of the screen the caption leaves free: right of the
   *  caption when it is a side panel (wide screens), above it when it is a bottom sheet (phones, portrait). */
  function freeArea() {
    const c = stage.getBoundingClientRect();
    const W = window.innerWidth;
    const H = window.innerHeight;
    if (c.width && c.right < W * 0.6 && c.height > H * 0.6) return { paddingTopLeft: [c.right + 40, 40], paddingBottomRight: [40, 40] };
    return { paddingTopLeft: [24, 40], paddingBottomRight: [24, Math.min(H - c.top, H * 0.7) + 24] };
  }

  /** The step's features' names, at a point inside each (at most 12; a step of a whole layer labels its parts). */
  function labels(s) {
    const out = [];
    const wanted = new Set(s.features);
    for (const features of collections.values()) {
      for (const f of features) {
        const p = f.properties || {};
        if (!wanted.has(String(f.id)) || out.length >= 12 || out.some((o) => o.text === inLang(p.name, p.nameEn))) continue;
        out.push({ id: String(f.id), text: inLang(p.name, p.nameEn), at: insidePoint(f.geometry) });
      }
    }
    return out;
  }

  /** The key targets as statements: each clause once (a list's items share one), with its year. */
  function targetLines(s) {
    const seen = new Set();
    return s.targets.filter((g) => !seen.has(g.label) && seen.add(g.label))
      .map((g) => `${g.label}${g.year ? (lang() === 'en' ? ` (by ${g.year})` : `（${g.year}年）`) : ''}`);
  }

  function render(s) {
    clear(stage);
    const n = tour.steps.length;
    const title = inLang(s.title, s.titleEn);
    const targets = targetLines(s);
    append(stage, [
      el('div', { class: 'pm-tour-progress', role: 'progressbar', 'aria-valuemin': '1', 'aria-valuemax': String(n), 'aria-valuenow': String(index + 1), 'aria-label': tx('step', { i: index + 1, n }) },
        el('div', { class: 'pm-tour-progress-bar', style: `width:${((index + 1) / n) * 100}%` })),
      el('p', { class: 'pm-tour-count' }, tx('step', { i: index + 1, n }), ' · ', inLang(tour.title, tour.titleEn)),
      el('h2', { class: 'pm-tour-title' }, title),
      s.quote ? el('blockquote', { class: 'pm-tour-quote', lang: 'zh-CN' }, el('p', {}, s.quote, /[。！？；]$/.test(s.quote) ? '' : '……'),
        el('cite', { lang: lang() === 'en' && titlesEn.has(s.sectionId) ? 'en' : 'zh-CN' }, inLang(s.sectionTitle, titlesEn.get(s.sectionId)))) : null,
      s.quote && lang() === 'en' ? el('p', { class: 'pm-zh-only' }, tx('zhOnly')) : null,
      targets.length ? el('div', { class: 'pm-tour-targets' }, el('h3', {}, tx('targets')),
        el('ul', { lang: 'zh-CN' }, targets.map((text) => el('li', {}, text)))) : null,
      el('div', { class: 'pm-tour-controls' },
        button('back', '←', () => go(index), index === 0),
        button('next', '→', () => go(index + 2), index === n - 1),
        button('full', '', toggleFullscreen),
        button('contrast', '◐', toggleContrast),
        button('print', '', () => window.print()),
        button('export', '⇩', exportImage),
        button('leave', '✕', leave))]);
  }

  function button(key, icon, onclick, disabled = false) {
    // the icon is decoration; the label stays visible on every screen (on a phone, short)
    return el('button', { type: 'button', class: `pm-btn pm-tour-${key}`, onclick, disabled, title: tx(key) },
      icon ? el('span', { class: 'pm-tour-icon', 'aria-hidden': 'true' }, icon) : null, el('span', { class: 'pm-tour-btn-label' }, tx(key)));
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
    drawSnapshot(canvas, collections, { bbox, highlight: new Set(lastHighlight), visible: st.layers, title: tour ? inLang(tour.steps[index].title, tour.steps[index].titleEn) : '', footer: t('print.sourcesShort') });
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
    bus.emit('labels:clear');
    stepSites.textContent = '';
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
    destroy() { offs.forEach((o) => o()); unmountLabels?.(); [chooser, stage, handout, errorBox, stepSites].forEach((n) => n.remove()); },
  };
}

/** [lat, lng] to name a feature at: inside a polygon and away from its edges, half-way along a line, or the point. */
function insidePoint(g) {
  if (g?.type === 'Point') return [g.coordinates[1], g.coordinates[0]];
  const polygons = polygonsOf(g);
  if (polygons.length) {
    const p = labelPoint(polygons, { xScale: Math.cos((polygons[0][0][0].y * Math.PI) / 180) });
    return p ? [p.y, p.x] : null;
  }
  const lines = linesOf(g).sort((a, b) => b.length - a.length);
  const m = lines.length ? lineMidpoint(lines[0]) : null;
  return m ? [m.y, m.x] : null;
}

function bboxOf(g) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => { if (typeof c[0] === 'number') { b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]); } else c.forEach(walk); };
  walk(g.coordinates);
  return b;
}
