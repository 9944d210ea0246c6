// Data downloads in the planner panel: a whole layer, the selected feature, or the saved overlay, as GeoJSON,
// GeoPackage, KML, CSV or a zipped Shapefile, in WGS84, CGCS2000 or a Gauss–Krüger zone (/api/export…).
// mountExportBox({root, bus, state, t, pick, download, overlayId}) → {refresh, teardown}; labels follow the language
// (data-i18n keys, relabelled by core/i18n.js on lang:changed; the rest re-rendered on ui:relabel).
import { el } from '../util/dom.js';

const FORMATS = [['geojson', 'GeoJSON'], ['gpkg', 'GeoPackage'], ['kml', 'KML'], ['csv', 'CSV (WKT)'], ['shp', 'Shapefile (zip)']];
// [value, fixed label or null, i18n key]
const CRS = [['EPSG:4326', 'WGS84'], ['EPSG:4490', 'CGCS2000'], ['EPSG:4544', null, 'planner.crs.gk105'],
  ['EPSG:4523', null, 'planner.crs.gk35'], ['EPSG:32648', 'UTM 48N']];

const filenameOf = (res, fallback) => /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '')?.[1] || fallback;

export function mountExportBox({ root, bus, state, t, pick, download, overlayId }) {
  const option = ([v, text, key]) => (key ? el('option', { value: v, dataset: { i18n: key } }, t(key)) : el('option', { value: v }, text));
  const select = (name, options) => el('select', { name }, options.map(option));
  const label = (key, control) => el('label', {}, el('span', { dataset: { i18n: key } }, t(key)), control);
  const button = (cls, key, attrs = {}) => el('button', { type: 'button', class: `pm-btn ${cls}`, dataset: { i18n: key }, ...attrs }, t(key));
  const layer = select('layer', []);
  const format = select('format', FORMATS);
  const crs = select('crs', CRS);
  const status = el('p', { class: 'pm-planner-export-status', role: 'status' });
  const layerButton = button('pm-export-layer', 'planner.export.layer');
  const selectionButton = button('pm-export-selection', 'planner.export.selection', { disabled: true });
  const overlayButton = button('pm-export-overlay', 'planner.export.overlay', { hidden: true });
  let layers = [];
  let said = null; // the last status as [key, vars] (server details are kept as they came)
  const say = (key, vars) => { said = [key, vars]; status.textContent = t(key, vars); };
  root.append(el('h3', { dataset: { i18n: 'planner.export.title' } }, t('planner.export.title')),
    el('div', { class: 'pm-planner-export-form' },
      label('planner.col.layer', layer), label('planner.export.format', format), label('planner.crs', crs)),
    el('div', { class: 'pm-planner-actions' }, layerButton, selectionButton, overlayButton), status);

  async function fetchAndSave(url, init, fallback) {
    say('planner.export.preparing');
    const res = await fetch(url, init);
    if (!res.ok) {
      const problem = await res.json().catch(() => ({}));
      said = null;
      status.textContent = problem.detail || `${res.status} ${res.statusText}`;
      return;
    }
    download(await res.blob(), filenameOf(res, fallback));
    say('planner.export.done', { file: filenameOf(res, fallback) });
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
    selectionButton.title = id || t('planner.export.selectFirst');
    overlayButton.hidden = !overlayId();
  }

  function renderLayers() {
    const chosen = layer.value;
    layer.replaceChildren(...layers.map((l) => el('option', { value: l.id }, `${pick(l.title) || l.id} (${l.id})`)));
    if (chosen) layer.value = chosen;
  }
  function relabel() {
    renderLayers();
    refresh();
    if (said) status.textContent = t(...said);
  }

  fetch('/api/layers').then((r) => (r.ok ? r.json() : [])).then((list) => { layers = list; renderLayers(); }).catch(() => {});
  const offs = [bus.on('feature:selected', refresh), bus.on('ui:relabel', relabel)];
  refresh();
  return { refresh, teardown() { offs.forEach((off) => off()); root.replaceChildren(); } };
}
