// Planner tools: upload / paste / draw a project, see the plan report, save and share it, download layers.
// Plugs into the page through window.planmap ({bus, map, api}) and the #pm-toolbar-extra / #pm-panel slots.
import { mountDrawTool, showOverlay } from './draw-tool.js';
import { renderReport } from './report-view.js';

const PANEL = 'planner';
const CRS = [['auto', '自动 Auto (.prj / file)'], ['EPSG:4326', 'WGS84'], ['EPSG:4490', 'CGCS2000 经纬度'],
  ['EPSG:4544', 'CGCS2000 GK 105°E'], ['EPSG:4523', 'CGCS2000 GK 35带 (35xxxxxx)'], ['EPSG:32648', 'UTM 48N'], ['GCJ-02', 'GCJ-02 (高德/腾讯)']];

function mount({ bus, map }) {
  const panel = document.getElementById('pm-panel');
  const toolbar = document.getElementById('pm-toolbar-extra');
  if (!panel || !toolbar) return () => {};
  const section = document.createElement('section');
  section.className = 'pm-panel-section pm-planner';
  section.dataset.panel = PANEL;
  section.id = 'pm-panel-planner';
  section.innerHTML = `
    <h2>规划工具 Planner tools</h2>
    <form class="pm-planner-form">
      <label>文件 File <input type="file" name="file" multiple
        accept=".geojson,.json,.kml,.kmz,.gpx,.zip,.gpkg,.csv,.wkt,.shp,.shx,.dbf,.prj,.cpg"></label>
      <label>或粘贴 WKT <textarea name="wkt" rows="2" placeholder="POLYGON ((106.44 29.57, …))"></textarea></label>
      <label>坐标系 CRS <select name="crs"></select></label>
      <label>周边范围 m <input type="number" name="distance" value="1000" min="0" max="10000" step="100"></label>
      <div class="pm-planner-draw"><span>绘制 Draw:</span>
        <button type="button" class="pm-btn" data-draw="point">点</button>
        <button type="button" class="pm-btn" data-draw="line">线</button>
        <button type="button" class="pm-btn" data-draw="polygon">面</button></div>
      <button type="submit" class="pm-btn pm-planner-analyze">分析 Analyse</button>
    </form>
    <p class="pm-planner-error" role="alert" hidden></p>
    <div class="pm-planner-actions" hidden>
      <button type="button" class="pm-btn pm-planner-save">保存并分享 Save &amp; share</button>
      <button type="button" class="pm-btn pm-planner-print">打印 Print</button>
      <a class="pm-btn pm-planner-json" download="overlay-report.json">JSON</a>
      <a class="pm-btn pm-planner-csv" hidden>CSV</a>
      <p class="pm-planner-share" hidden></p>
    </div>
    <div class="pm-planner-report" aria-live="polite"></div>`;
  panel.appendChild(section);
  const form = section.querySelector('form');
  CRS.forEach(([v, label]) => form.crs.append(new Option(label, v)));
  const errorBox = section.querySelector('.pm-planner-error');
  const reportBox = section.querySelector('.pm-planner-report');
  const actions = section.querySelector('.pm-planner-actions');
  let lastRequest = null;

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'pm-btn pm-planner-open';
  button.textContent = '规划工具';
  button.addEventListener('click', () => bus.emit('panel:show', { name: PANEL, focus: true }));
  toolbar.appendChild(button);

  const draw = mountDrawTool({ map, onDrawn: (geometry) => send({ json: { geometry } }) });
  section.querySelectorAll('[data-draw]').forEach((b) => b.addEventListener('click', () => draw.start(b.dataset.draw)));

  async function send(request, path = '/api/overlays/analyze') {
    errorBox.hidden = true;
    const json = request.json ? { ...request.json, crs: form.crs.value, distance: form.distance.value } : null;
    lastRequest = request;
    let body;
    const init = { method: 'POST' };
    if (json) { init.headers = { 'Content-Type': 'application/json' }; init.body = JSON.stringify(json); } else {
      body = new FormData();
      [...form.file.files].forEach((f) => body.append('file', f, f.name));
      body.append('crs', form.crs.value);
      body.append('distance', form.distance.value);
      init.body = body;
    }
    const res = await fetch(path, init);
    const answer = await res.json().catch(() => ({ detail: res.statusText }));
    if (!res.ok) { errorBox.textContent = answer.detail || '出错了 Error'; errorBox.hidden = false; return null; }
    show(answer);
    return answer;
  }

  function show(answer) {
    renderReport(reportBox, answer, { onSelect: (id) => window.planmap.state.set({ feature: id }, { history: true, focus: true }) });
    showOverlay(map, answer.geojson);
    actions.hidden = false;
    const blob = new Blob([JSON.stringify(answer.report, null, 2)], { type: 'application/json' });
    section.querySelector('.pm-planner-json').href = URL.createObjectURL(blob);
    const csv = section.querySelector('.pm-planner-csv');
    csv.hidden = !answer.id;
    if (answer.id) csv.href = `/api/overlays/${answer.id}/report.csv`;
    bus.emit('overlay:loaded', { id: answer.id || null, report: answer.report });
    bus.emit('panel:show', { name: PANEL, focus: false });
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (form.file.files.length) send({ files: true });
    else if (form.wkt.value.trim()) send({ json: { wkt: form.wkt.value } });
  });

  section.querySelector('.pm-planner-save').addEventListener('click', async () => {
    if (!lastRequest) return;
    const answer = await send(lastRequest, '/api/overlays');
    if (!answer) return;
    const share = section.querySelector('.pm-planner-share');
    const link = `${location.origin}${location.pathname}#overlay=${answer.id}`;
    share.textContent = `链接 Link: ${link}  ·  删除口令 Delete token (only shown now): ${answer.deleteToken}`;
    share.hidden = false;
    history.replaceState(null, '', `#overlay=${answer.id}`);
  });
  section.querySelector('.pm-planner-print').addEventListener('click', () => window.print());

  async function openFromUrl() {
    const m = /[#&?]overlay=([A-Za-z0-9_-]{22})/.exec(location.hash + location.search);
    if (!m) return;
    const res = await fetch(`/api/overlays/${m[1]}`);
    if (res.ok) show(await res.json());
  }
  bus.on('layers:drawn', openFromUrl);
  if (document.body.classList.contains('pm-ready')) openFromUrl();

  return () => { draw.teardown(); section.remove(); button.remove(); };
}

function start() {
  if (window.planmap && window.planmap.bus) mount(window.planmap);
  else setTimeout(start, 100);
}
start();
