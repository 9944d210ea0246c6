// Planner tools: upload / paste / draw a project, see what the plan says about its place, save and share it,
// download the report and the data. Loaded on demand by planner-loader.js (the toolbar button, a #overlay= link, or
// when the browser is idle after the first view), which calls mountPlanner. Plugs into the page through the bus, the
// state and the #pm-panel slot; never touches Leaflet (drawing and the overlay on the map are the map layer's
// draw-adapter, driven by draw:* and overlay:* bus events). Labels follow the language toggle: static ones carry
// data-i18n (relabelled by core/i18n.js), the report and messages are re-rendered on ui:relabel.
// DOM from util/dom.js, data as text only.
import { el } from '../util/dom.js';
import { api, ApiError } from '../api/client.js';
import { renderReport, overlayTitle, unfoldAll } from './report-view.js';
import { mountExportBox } from './export-box.js';

export const PANEL = 'planner';
// [value, fixed label or null, i18n key]
const CRS = [['auto', null, 'planner.crs.auto'], ['EPSG:4326', 'WGS84'], ['EPSG:4490', null, 'planner.crs.cgcs2000'],
  ['EPSG:4544', null, 'planner.crs.gk105'], ['EPSG:4523', null, 'planner.crs.gk35'], ['EPSG:32648', 'UTM 48N'],
  ['GCJ-02', null, 'planner.crs.gcj02']];
const ACCEPT = '.geojson,.json,.kml,.kmz,.gpx,.zip,.gpkg,.csv,.wkt,.shp,.shx,.dbf,.prj,.cpg';

function skeleton(t) {
  const text = (tag, key, attrs = {}) => el(tag, { ...attrs, dataset: { ...(attrs.dataset || {}), i18n: key } }, t(key));
  const label = (key, control) => el('label', {}, text('span', key), control);
  const button = (cls, key, attrs = {}) => text('button', key, { type: 'button', class: `pm-btn ${cls}`, ...attrs });
  const drawButton = (kind) => text('button', `planner.draw.${kind}`, { type: 'button', class: 'pm-btn', dataset: { draw: kind } });
  const option = ([v, fixed, key]) => (key ? text('option', key, { value: v }) : el('option', { value: v }, fixed));
  const form = el('form', { class: 'pm-planner-form' },
    label('planner.file', el('input', { type: 'file', name: 'file', multiple: true, accept: ACCEPT })),
    label('planner.wkt', el('textarea', { name: 'wkt', rows: 2, placeholder: 'POLYGON ((106.44 29.57, …))' })),
    label('planner.crs', el('select', { name: 'crs' }, CRS.map(option))),
    label('planner.radius', el('input', { type: 'number', name: 'distance', value: 1000, min: 0, max: 10000, step: 100 })),
    el('div', { class: 'pm-planner-draw' }, text('span', 'planner.draw'),
      drawButton('point'), drawButton('line'), drawButton('polygon'),
      button('pm-planner-finish', 'planner.finish', { hidden: true }),
      button('pm-planner-cancel', 'planner.cancel', { hidden: true })),
    text('button', 'planner.analyse', { type: 'submit', class: 'pm-btn pm-planner-analyze' }));
  return el('section', { class: 'pm-panel-section pm-planner', id: 'pm-panel-planner', dataset: { panel: PANEL } },
    text('h2', 'planner.title'),
    form,
    text('p', 'planner.busy', { class: 'pm-planner-busy', hidden: true, role: 'status' }),
    el('p', { class: 'pm-planner-error', role: 'alert', hidden: true }),
    el('div', { class: 'pm-planner-actions', hidden: true },
      button('pm-planner-save', 'planner.save'),
      button('pm-planner-print', 'planner.print'),
      button('pm-planner-json', 'planner.json'),
      button('pm-planner-csv', 'planner.csv'),
      el('div', { class: 'pm-planner-share', hidden: true },
        text('span', 'planner.shareLink'), ' ', el('a', { class: 'pm-planner-link' }),
        el('p', { class: 'pm-planner-token' }))),
    el('div', { class: 'pm-planner-report', 'aria-live': 'polite' }),
    el('div', { class: 'pm-planner-export' }));
}

function download(blob, filename) {
  const a = el('a', { href: URL.createObjectURL(blob), download: filename, hidden: true });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

/**
 * Builds the planner section in #pm-panel and wires it. `t`, `pick`: core/i18n.js (namespace `planner`). A saved
 * overlay named by the state's `overlay` key (the URL's `#overlay=`) is shown once the layers are drawn. Returns the teardown.
 */
export function mountPlanner({ bus, state, t, pick }) {
  const panel = document.getElementById('pm-panel');
  if (!panel) return () => {};
  const section = skeleton(t);
  panel.append(section);
  const $ = (sel) => section.querySelector(sel);
  const form = $('form');
  const errorBox = $('.pm-planner-error');
  const busy = $('.pm-planner-busy');
  const actions = $('.pm-planner-actions');
  let lastRequest = null;
  let current = null; // the last answer shown
  let saveKey = null; // Idempotency-Key for saving the answer shown
  let error = null; // the error shown: [key, vars], or [null, text] for the server's own words
  const titlesEn = new Map(); // plan node id → English title (from the table of contents)
  api.toc().then((toc) => {
    const walk = (nodes) => (nodes || []).forEach((n) => { if (n.titleEn) titlesEn.set(n.id, n.titleEn); walk(n.children); });
    walk(toc.toc);
    if (current) renderAnswer();
  }).catch(() => {});

  function showError(key, vars) {
    error = [key, vars];
    errorBox.textContent = key ? t(key, vars) : vars;
    errorBox.hidden = false;
  }

  /** Takes away the last answer — its report, its save/print/download buttons and its shape on the map — so nothing
   *  stale stays live under an error (issue #12 item 9). */
  function clearAnswer() {
    if (!current) return;
    current = null;
    lastRequest = null;
    saveKey = null;
    $('.pm-planner-report').replaceChildren();
    actions.hidden = true;
    $('.pm-planner-share').hidden = true;
    $('.pm-planner-token').textContent = '';
    bus.emit('overlay:clear');
    if (state.get().overlay) state.set({ overlay: null }, { history: 'replace' });
    exportBox.refresh();
    bus.emit('overlay:loaded', { id: null, report: null });
  }
  const exportBox = mountExportBox({ root: $('.pm-planner-export'), bus, state, t, pick, download, overlayId: () => current?.id || null });

  /** Posts an analysis (or a save) through the API client; null after showing the error. */
  async function send(request, { path = 'api/overlays/analyze', format, idempotencyKey } = {}) {
    errorBox.hidden = true;
    error = null;
    busy.hidden = false;
    const options = { query: { format }, as: format ? 'blob' : 'json', idempotencyKey };
    if (request.json) {
      options.json = { ...request.json, crs: form.crs.value, distance: form.distance.value, name: request.name };
    } else {
      options.body = new FormData();
      request.files.forEach((f) => options.body.append('file', f, f.name));
      options.body.append('crs', form.crs.value);
      options.body.append('distance', form.distance.value);
      if (request.name) options.body.append('name', request.name);
    }
    try {
      const answer = await api.post(path, options);
      lastRequest = request;
      return format ? answer.blob : answer;
    } catch (e) {
      // a failed analysis takes the old answer away; a failed save or CSV keeps the report it was about
      if (path === 'api/overlays/analyze' && !format) clearAnswer();
      // the server's own words (it answers in the Accept-Language the client sends), else ours
      if (e instanceof ApiError) {
        if (e.problem?.detail || e.problem?.title) showError(null, e.problem.detail || e.problem.title);
        else showError('planner.error.status', { status: e.status });
      } else showError('planner.error.network', { message: e.message });
      return null;
    } finally {
      busy.hidden = true;
    }
  }

  // the parts of an answer that are text in the current language (again on ui:relabel)
  function renderAnswer() {
    if (!current) return;
    const lang = state.get().lang || 'zh';
    renderReport($('.pm-planner-report'), current, {
      t, lang, titleOf: (id, title) => (lang === 'en' && titlesEn.get(id)) || title || id,
      onSelect: (id) => state.set({ feature: id }, { history: 'push', focus: true }),
      onSection: (id, paragraphId) => state.set({ section: id }, { history: 'push', paragraphId }),
    });
    $('.pm-planner-token').textContent = current.id && current.deleteToken ? t('planner.token', { token: current.deleteToken }) : '';
  }

  function show(answer) {
    current = answer;
    // one key per shown analysis: a repeated Save of the same report stores it once (Idempotency-Key)
    saveKey = answer.id ? null : globalThis.crypto.randomUUID();
    state.set({ overlay: answer.id || null }, { history: answer.id ? 'push' : 'replace' });
    renderAnswer();
    bus.emit('panel:show', { name: PANEL, focus: false });
    // framed in the part of the map the panel (or the phone's bottom sheet) leaves visible
    bus.emit('overlay:show', { geojson: answer.geojson, fit: true, ...visiblePadding() });
    actions.hidden = false;
    $('.pm-planner-share').hidden = !answer.id;
    if (answer.id) {
      const link = `${location.origin}${location.pathname}#overlay=${answer.id}`;
      $('.pm-planner-link').href = link;
      $('.pm-planner-link').textContent = link;
    }
    exportBox.refresh();
    bus.emit('overlay:loaded', { id: answer.id || null, report: answer.report });
    bus.emit('status', { message: t('planner.ready', { name: overlayTitle(answer, t, state.get().lang) }) });
  }

  /** Leaflet padding (px) that keeps a fitted shape out from under the open panel: its width on the right on a
   *  desktop, its height at the bottom where it is a bottom sheet. */
  function visiblePadding() {
    const map = document.getElementById('pm-map')?.getBoundingClientRect();
    const sheet = panel.hidden ? null : panel.getBoundingClientRect();
    if (!map || !sheet || !sheet.width) return {};
    const right = Math.max(0, map.right - sheet.left);
    const bottom = Math.max(0, map.bottom - sheet.top);
    const sideways = sheet.left > map.left + 1 && right < map.width * 0.8;
    return { paddingTopLeft: [30, 30], paddingBottomRight: sideways ? [right + 30, 30] : [30, Math.min(bottom, map.height * 0.7) + 30] };
  }

  const analyse = async (request) => { const answer = await send(request); if (answer) show(answer); };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (form.file.files.length) analyse({ files: [...form.file.files] });
    else if (form.wkt.value.trim()) analyse({ json: { wkt: form.wkt.value } });
    else showError('planner.error.empty');
  });

  section.querySelectorAll('[data-draw]').forEach((b) => b.addEventListener('click', () => bus.emit('draw:start', { kind: b.dataset.draw })));
  $('.pm-planner-finish').addEventListener('click', () => bus.emit('draw:finish'));
  $('.pm-planner-cancel').addEventListener('click', () => bus.emit('draw:stop'));
  const offs = [
    bus.on('draw:state', ({ drawing }) => {
      $('.pm-planner-finish').hidden = !drawing || drawing === 'point';
      $('.pm-planner-cancel').hidden = !drawing;
      section.classList.toggle('pm-planner-drawing', Boolean(drawing));
    }),
    bus.on('overlay:drawn', ({ geometry, owner }) => { if (!owner || owner === 'planner') analyse({ json: { geometry } }); }),
    bus.on('panel:close-requested', ({ name }) => { if (name === PANEL) { bus.emit('draw:stop'); bus.emit('panel:hide', { name: PANEL }); } }),
    // the map side loads Leaflet-Geoman once the planner is shown, not with the page
    bus.on('panel:show', ({ name }) => { if (name === PANEL) bus.emit('draw:prepare'); }),
    bus.on('ui:relabel', () => {
      renderAnswer();
      if (error && !errorBox.hidden) showError(...error);
    }),
  ];

  $('.pm-planner-save').addEventListener('click', async () => {
    if (!lastRequest) return;
    // no name: the server gives the same default, and the report names unnamed shapes in the reader's language
    const answer = await send(lastRequest, { path: 'api/overlays', idempotencyKey: saveKey || true });
    if (answer) show(answer);
  });
  // the print sheet (css/planner.css) applies only while this class is on the body
  const afterPrint = () => document.body.classList.remove('pm-planner-printing');
  window.addEventListener('afterprint', afterPrint);
  offs.push(() => window.removeEventListener('afterprint', afterPrint));
  $('.pm-planner-print').addEventListener('click', () => {
    document.body.classList.add('pm-planner-printing');
    const fold = unfoldAll($('.pm-planner-report'));
    window.print();
    fold();
  });
  $('.pm-planner-json').addEventListener('click', () => current && download(
    new Blob([JSON.stringify(current.report, null, 2)], { type: 'application/json' }), `${current.id ? `overlay-${current.id}` : 'overlay'}-report.json`));
  $('.pm-planner-csv').addEventListener('click', async () => {
    if (!current) return;
    if (current.id) {
      const answer = await api.get(`api/overlays/${encodeURIComponent(current.id)}/report.csv`, { cached: false, as: 'blob' })
        .catch((e) => { showError(null, e.message); return null; });
      if (answer) download(answer.blob, `overlay-${current.id}-report.csv`);
      return;
    }
    const blob = lastRequest && await send(lastRequest, { format: 'csv' });
    if (blob) download(blob, 'overlay-report.csv');
  });

  async function open(id) {
    if (current?.id === id) return;
    try {
      show(await api.get(`api/overlays/${encodeURIComponent(id)}`, { cached: false }));
    } catch (e) {
      showError('planner.error.notFound', { id, status: e.status ?? '—' });
      bus.emit('panel:show', { name: PANEL });
    }
  }
  // a saved overlay named by the URL (#overlay=…, a hash key registered by planner-loader.js): now and on back/forward
  const openFromState = () => { const id = state.get().overlay; if (id) open(id); };
  offs.push(bus.on('state:changed', ({ changed }) => { if (changed.includes('overlay')) openFromState(); }));
  if (document.body.classList.contains('pm-ready')) openFromState();
  else { const off = bus.on('layers:drawn', () => { off(); openFromState(); }); offs.push(off); }

  return () => { offs.forEach((off) => off()); exportBox.teardown(); section.remove(); };
}
