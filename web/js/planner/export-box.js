// Data downloads in the planner panel: a whole layer, the selected feature, or the saved overlay, as GeoJSON,
// GeoPackage, KML, CSV or a zipped Shapefile, in WGS84, CGCS2000 or a Gauss–Krüger zone (/api/export…).
// mountExportBox({root, bus, state, t, pick, download, overlayId}) → {refresh, teardown}; labels follow the language
// (data-i18n keys, relabelled by core/i18n.js on lang:changed; the rest re-rendered on ui:relabel).
import { el } from '../util/dom.js';
import { api } from '../api/client.js';

const FORMATS = [['geojson', 'GeoJSON'], ['gpkg', 'GeoPackage'], ['kml', 'KML'], ['csv', 'CSV (WKT)'], ['shp', 'Shapefile (zip)']];
// [value, fixed label or null, i18n key]
const CRS = [['EPSG:4326', 'WGS84'], ['EPSG:4490', 'CGCS2000'], ['EPSG:4544', null, 'planner.crs.gk105'],
  ['EPSG:4523', null, 'planner.crs.gk35'], ['EPSG:32648', 'UTM 48N']];

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

  /** Runs one download request (a promise of `{blob, filename}` from the API client) and saves the file. */
  async function save(request) {
    say('planner.export.preparing');
    try {
      const { blob, filename } = await request;
      download(blob, filename);
      say('planner.export.done', { file: filename });
    } catch (e) {
      said = null;
      status.textContent = e.message;
    }
  }
  const query = () => ({ format: format.value, crs: crs.value });
  const enc = encodeURIComponent;

  layerButton.addEventListener('click', () => save(api.get(`api/export/${enc(layer.value)}`,
    { query: query(), cached: false, as: 'blob', filename: `${layer.value}.${format.value}` })));
  selectionButton.addEventListener('click', () => {
    const id = state.get().feature;
    if (!id) return;
    save(api.post('api/export', { json: { ids: [id], format: format.value, crs: crs.value, name: 'selection' },
      as: 'blob', filename: `selection.${format.value}` }));
  });
  overlayButton.addEventListener('click', () => {
    const id = overlayId();
    if (id) save(api.get(`api/overlays/${enc(id)}/export`, { query: query(), cached: false, as: 'blob', filename: `overlay-${id}.${format.value}` }));
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

  api.layers().then((list) => { layers = list; renderLayers(); }).catch(() => {});
  const offs = [bus.on('feature:selected', refresh), bus.on('ui:relabel', relabel)];
  refresh();
  return { refresh, teardown() { offs.forEach((off) => off()); root.replaceChildren(); } };
}
