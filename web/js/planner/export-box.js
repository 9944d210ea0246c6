// Data downloads in the planner panel: a whole layer, the selected feature, or the saved overlay, as GeoJSON,
// GeoPackage, KML, CSV or a zipped Shapefile, in WGS84, CGCS2000 or a Gauss–Krüger zone (/api/export…).
// mountExportBox({root, bus, state, download, overlayId}) → {refresh, teardown}.
import { el } from '../util/dom.js';

const FORMATS = [['geojson', 'GeoJSON'], ['gpkg', 'GeoPackage'], ['kml', 'KML'], ['csv', 'CSV (WKT)'], ['shp', 'Shapefile (zip)']];
const CRS = [['EPSG:4326', 'WGS84'], ['EPSG:4490', 'CGCS2000'], ['EPSG:4544', 'CGCS2000 GK 105°E'],
  ['EPSG:4523', 'CGCS2000 GK 35带'], ['EPSG:32648', 'UTM 48N']];

const filenameOf = (res, fallback) => /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '')?.[1] || fallback;

export function mountExportBox({ root, bus, state, download, overlayId }) {
  const select = (name, options) => el('select', { name }, options.map(([v, text]) => el('option', { value: v }, text)));
  const layer = select('layer', []);
  const format = select('format', FORMATS);
  const crs = select('crs', CRS);
  const status = el('p', { class: 'pm-planner-export-status', role: 'status' });
  const layerButton = el('button', { type: 'button', class: 'pm-btn pm-export-layer' }, '导出图层 Export layer');
  const selectionButton = el('button', { type: 'button', class: 'pm-btn pm-export-selection', disabled: true }, '导出所选 Export selection');
  const overlayButton = el('button', { type: 'button', class: 'pm-btn pm-export-overlay', hidden: true }, '导出本项目 Export this overlay');
  root.append(el('h3', {}, '下载数据 Download data'),
    el('div', { class: 'pm-planner-export-form' },
      el('label', {}, '图层 Layer', layer), el('label', {}, '格式 Format', format), el('label', {}, '坐标系 CRS', crs)),
    el('div', { class: 'pm-planner-actions' }, layerButton, selectionButton, overlayButton), status);

  async function fetchAndSave(url, init, fallback) {
    status.textContent = '准备下载… Preparing…';
    const res = await fetch(url, init);
    if (!res.ok) {
      const problem = await res.json().catch(() => ({}));
      status.textContent = problem.detail || `${res.status} ${res.statusText}`;
      return;
    }
    download(await res.blob(), filenameOf(res, fallback));
    status.textContent = `已下载 Downloaded ${filenameOf(res, fallback)}`;
  }
  const query = () => `format=${encodeURIComponent(format.value)}&crs=${encodeURIComponent(crs.value)}`;

  layerButton.addEventListener('click', () => fetchAndSave(`/api/export/${encodeURIComponent(layer.value)}?${query()}`, {}, `${layer.value}.${format.value}`));
  selectionButton.addEventListener('click', () => {
    const id = state.get().feature;
    if (!id) return;
    fetchAndSave('/api/export', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: [id], format: format.value, crs: crs.value, name: 'selection' }) }, `selection.${format.value}`);
  });
  overlayButton.addEventListener('click', () => {
    const id = overlayId();
    if (id) fetchAndSave(`/api/overlays/${id}/export?${query()}`, {}, `overlay-${id}.${format.value}`);
  });

  function refresh() {
    const id = state.get().feature;
    selectionButton.disabled = !id;
    selectionButton.title = id ? id : '先在地图上选择一个要素 Select a feature on the map first';
    overlayButton.hidden = !overlayId();
  }

  fetch('/api/layers').then((r) => (r.ok ? r.json() : [])).then((layers) => {
    layers.forEach((l) => layer.append(el('option', { value: l.id }, `${l.title?.zh || l.id} (${l.id})`)));
  }).catch(() => {});
  const off = bus.on('feature:selected', refresh);
  refresh();
  return { refresh, teardown() { off(); root.replaceChildren(); } };
}
