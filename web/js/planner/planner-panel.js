// Planner tools: upload / paste / draw a project, see what the plan says about its place, save and share it,
// download the report and the data. Plugs into the page through window.planmap ({bus, state}) and the
// #pm-toolbar-extra / #pm-panel slots; never touches Leaflet (drawing and the overlay on the map are the map
// layer's draw-adapter, driven by draw:* and overlay:* bus events). DOM from util/dom.js, data as text only.
import { el } from '../util/dom.js';
import { renderReport } from './report-view.js';
import { mountExportBox } from './export-box.js';

const PANEL = 'planner';
const CRS = [['auto', '自动 Auto (.prj / file)'], ['EPSG:4326', 'WGS84'], ['EPSG:4490', 'CGCS2000 经纬度'],
  ['EPSG:4544', 'CGCS2000 GK 105°E'], ['EPSG:4523', 'CGCS2000 GK 35带 (35xxxxxx)'], ['EPSG:32648', 'UTM 48N'], ['GCJ-02', 'GCJ-02 (高德/腾讯)']];
const ACCEPT = '.geojson,.json,.kml,.kmz,.gpx,.zip,.gpkg,.csv,.wkt,.shp,.shx,.dbf,.prj,.cpg';
// read before main.js rewrites the hash to its own state keys
const OPEN_ID = /[#&?]overlay=([A-Za-z0-9_-]{22})/.exec(location.hash + location.search)?.[1] || null;

function skeleton() {
  const label = (text, control) => el('label', {}, text, control);
  const drawButton = (kind, text) => el('button', { type: 'button', class: 'pm-btn', dataset: { draw: kind } }, text);
  const form = el('form', { class: 'pm-planner-form' },
    label('文件 File', el('input', { type: 'file', name: 'file', multiple: true, accept: ACCEPT })),
    label('或粘贴 WKT Or paste WKT', el('textarea', { name: 'wkt', rows: 2, placeholder: 'POLYGON ((106.44 29.57, …))' })),
    label('坐标系 CRS', el('select', { name: 'crs' }, CRS.map(([v, text]) => el('option', { value: v }, text)))),
    label('周边范围 Nearby radius (m)', el('input', { type: 'number', name: 'distance', value: 1000, min: 0, max: 10000, step: 100 })),
    el('div', { class: 'pm-planner-draw' }, el('span', {}, '绘制 Draw:'),
      drawButton('point', '点 Point'), drawButton('line', '线 Line'), drawButton('polygon', '面 Polygon'),
      el('button', { type: 'button', class: 'pm-btn pm-planner-finish', hidden: true }, '完成 Finish'),
      el('button', { type: 'button', class: 'pm-btn pm-planner-cancel', hidden: true }, '取消 Cancel')),
    el('button', { type: 'submit', class: 'pm-btn pm-planner-analyze' }, '分析 Analyse'));
  return el('section', { class: 'pm-panel-section pm-planner', id: 'pm-panel-planner', dataset: { panel: PANEL } },
    el('h2', {}, '规划工具 Planner tools'),
    form,
    el('p', { class: 'pm-planner-busy', hidden: true, role: 'status' }, '分析中… Analysing…'),
    el('p', { class: 'pm-planner-error', role: 'alert', hidden: true }),
    el('div', { class: 'pm-planner-actions', hidden: true },
      el('button', { type: 'button', class: 'pm-btn pm-planner-save' }, '保存并分享 Save & share'),
      el('button', { type: 'button', class: 'pm-btn pm-planner-print' }, '打印 Print'),
      el('button', { type: 'button', class: 'pm-btn pm-planner-json' }, '报告 JSON'),
      el('button', { type: 'button', class: 'pm-btn pm-planner-csv' }, '报告 CSV'),
      el('div', { class: 'pm-planner-share', hidden: true },
        el('span', {}, '分享链接 Share link: '), el('a', { class: 'pm-planner-link' }),
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

function mount({ bus, state }) {
  const panel = document.getElementById('pm-panel');
  const toolbar = document.getElementById('pm-toolbar-extra');
  if (!panel || !toolbar) return () => {};
  const section = skeleton();
  panel.append(section);
  const $ = (sel) => section.querySelector(sel);
  const form = $('form');
  const errorBox = $('.pm-planner-error');
  const busy = $('.pm-planner-busy');
  const actions = $('.pm-planner-actions');
  let lastRequest = null;
  let current = null; // the last answer shown

  const button = el('button', { type: 'button', class: 'pm-btn pm-planner-open', onClick: () => bus.emit('panel:show', { name: PANEL, focus: true }) }, '规划工具 Planner');
  toolbar.append(button);
  const exportBox = mountExportBox({ root: $('.pm-planner-export'), bus, state, download, overlayId: () => current?.id || null });

  async function send(request, { path = '/api/overlays/analyze', format } = {}) {
    errorBox.hidden = true;
    busy.hidden = false;
    const init = { method: 'POST' };
    if (request.json) {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = JSON.stringify({ ...request.json, crs: form.crs.value, distance: form.distance.value, name: request.name });
    } else {
      init.body = new FormData();
      request.files.forEach((f) => init.body.append('file', f, f.name));
      init.body.append('crs', form.crs.value);
      init.body.append('distance', form.distance.value);
      if (request.name) init.body.append('name', request.name);
    }
    try {
      const res = await fetch(format ? `${path}?format=${format}` : path, init);
      if (!res.ok) {
        const problem = await res.json().catch(() => ({ detail: `${res.status} ${res.statusText}` }));
        errorBox.textContent = problem.detail || problem.title || '出错了 Error';
        errorBox.hidden = false;
        return null;
      }
      lastRequest = request;
      return format ? res.blob() : res.json();
    } catch (e) {
      errorBox.textContent = `网络错误 Network error: ${e.message}`;
      errorBox.hidden = false;
      return null;
    } finally {
      busy.hidden = true;
    }
  }

  function show(answer) {
    current = answer;
    renderReport($('.pm-planner-report'), answer, { onSelect: (id) => state.set({ feature: id }, { history: 'push', focus: true }) });
    bus.emit('overlay:show', { geojson: answer.geojson, fit: true });
    actions.hidden = false;
    $('.pm-planner-share').hidden = !answer.id;
    if (answer.id) {
      const link = `${location.origin}${location.pathname}#overlay=${answer.id}`;
      $('.pm-planner-link').href = link;
      $('.pm-planner-link').textContent = link;
      $('.pm-planner-token').textContent = answer.deleteToken
        ? `删除口令 Delete token (shown only now; keep it to delete the overlay): ${answer.deleteToken}` : '';
    }
    exportBox.refresh();
    bus.emit('overlay:loaded', { id: answer.id || null, report: answer.report });
    bus.emit('panel:show', { name: PANEL, focus: false });
    bus.emit('status', { message: `分析完成 Report ready: ${answer.name}` });
  }

  const analyse = async (request) => { const answer = await send(request); if (answer) show(answer); };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (form.file.files.length) analyse({ files: [...form.file.files] });
    else if (form.wkt.value.trim()) analyse({ json: { wkt: form.wkt.value } });
    else { errorBox.textContent = '请选择文件、粘贴 WKT 或在地图上绘制 Choose a file, paste WKT or draw on the map'; errorBox.hidden = false; }
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
    bus.on('overlay:drawn', ({ geometry }) => analyse({ json: { geometry } })),
    bus.on('panel:close-requested', ({ name }) => { if (name === PANEL) { bus.emit('draw:stop'); bus.emit('panel:hide', { name: PANEL }); } }),
  ];

  $('.pm-planner-save').addEventListener('click', async () => {
    if (!lastRequest) return;
    const answer = await send({ ...lastRequest, name: current?.name }, { path: '/api/overlays' });
    if (answer) show(answer);
  });
  // the print sheet (css/planner.css) applies only while this class is on the body
  const afterPrint = () => document.body.classList.remove('pm-planner-printing');
  window.addEventListener('afterprint', afterPrint);
  offs.push(() => window.removeEventListener('afterprint', afterPrint));
  $('.pm-planner-print').addEventListener('click', () => { document.body.classList.add('pm-planner-printing'); window.print(); });
  $('.pm-planner-json').addEventListener('click', () => current && download(
    new Blob([JSON.stringify(current.report, null, 2)], { type: 'application/json' }), `${current.id ? `overlay-${current.id}` : 'overlay'}-report.json`));
  $('.pm-planner-csv').addEventListener('click', async () => {
    if (!current) return;
    if (current.id) {
      const res = await fetch(`/api/overlays/${current.id}/report.csv`);
      if (res.ok) download(await res.blob(), `overlay-${current.id}-report.csv`);
      return;
    }
    const blob = lastRequest && await send(lastRequest, { format: 'csv' });
    if (blob) download(blob, 'overlay-report.csv');
  });

  async function open(id) {
    const res = await fetch(`/api/overlays/${id}`);
    if (res.ok) show(await res.json());
    else { errorBox.textContent = `未找到该分析 Overlay ${id} not found (${res.status})`; errorBox.hidden = false; bus.emit('panel:show', { name: PANEL }); }
  }
  if (OPEN_ID) {
    if (document.body.classList.contains('pm-ready')) open(OPEN_ID);
    else { const off = bus.on('layers:drawn', () => { off(); open(OPEN_ID); }); offs.push(off); }
  }

  return () => { offs.forEach((off) => off()); exportBox.teardown(); section.remove(); button.remove(); };
}

function start() {
  if (window.planmap && window.planmap.bus) mount(window.planmap);
  else setTimeout(start, 50);
}
start();
