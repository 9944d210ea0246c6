/**
 * What the browser prints (issue #12 item 11). On `beforeprint` — the browser's own Print, Ctrl+P, the planner's
 * Print button, and Chromium's print-to-PDF alike — it fills `#pm-print-sheet` with a title and a map figure
 * (print-figure.js: the whole map, north arrow, scale bar, legend, sources, date), and css/print.css shows the
 * sheet instead of the screen layout (no layer list, no map cut at the page edge):
 *  - the resident map: the view on screen (centre, zoom and map size of the state), its visible layers, the
 *    selected feature highlighted;
 *  - the planner's report (body.pm-planner-printing): the planner's shape on the plan, framed on it, then the report;
 *  - the tour (body.pm-presenting) prints its own handout (tour-print.js, with the same figures), so nothing here.
 * Everything it draws from is fetched when it is mounted (the API client caches the layers the map already loaded),
 * so the synchronous `beforeprint` handler has it all. Loaded when the browser is idle after the first view
 * (planner/planner-loader.js); strings: i18n namespace `print`. Returns teardown().
 */
import { el, clear, loadStylesheet } from '../util/dom.js';
import { api } from '../api/client.js';
import { t, pick, useNamespace } from '../core/i18n.js';
import { loadCollections, viewBbox, padBbox } from '../tour/map-snapshot.js';
import { mapFigure } from './print-figure.js';

/** [w, s, e, n] of a FeatureCollection, or null. */
export function bboxOfFeatures(fc) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => {
    if (typeof c[0] === 'number') { b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]); } else c.forEach(walk);
  };
  for (const f of fc?.features || []) if (f.geometry?.coordinates) walk(f.geometry.coordinates);
  return Number.isFinite(b[0]) ? b : null;
}

/** A box around the planner's shape: its own extent padded by a third, at least ~1.5 km across, so its setting shows. */
export function plannerFrame(b) {
  const p = padBbox(b, 0.33);
  const min = 0.015; // degrees, ~1.5 km
  const grow = (lo, hi) => (hi - lo >= min ? [lo, hi] : [(lo + hi) / 2 - min / 2, (lo + hi) / 2 + min / 2]);
  const [w, e] = grow(p[0], p[2]);
  const [s, n] = grow(p[1], p[3]);
  return [w, s, e, n];
}

export async function mountPrintSheet({ bus, state }) {
  let overlay = null; // the planner's shape, as last shown on the map (listened for before anything is awaited)
  const offs = [
    bus.on('overlay:show', ({ geojson }) => { overlay = geojson || null; }),
    bus.on('overlay:clear', () => { overlay = null; }),
  ];
  const [layers] = await Promise.all([api.layers().catch(() => []), useNamespace('print'), loadStylesheet('css/print.css')]);
  const collections = await loadCollections(layers.map((l) => l.id));
  const titles = new Map(layers.map((l) => [l.id, l.title]));
  const sheet = el('section', { id: 'pm-print-sheet', class: 'pm-print-sheet', 'aria-hidden': 'true' });
  document.body.prepend(sheet); // first: on paper the sheet comes before anything else printed (the planner's report)

  function build() {
    clear(sheet);
    const body = document.body.classList;
    if (body.contains('pm-presenting')) return;
    const s = state.get();
    const lang = s.lang || 'zh';
    const common = { collections, t, lang, layerTitle: (id) => pick(titles.get(id)) || id };
    if (body.contains('pm-planner-printing') && overlay) {
      const frame = plannerFrame(bboxOfFeatures(overlay));
      sheet.append(el('h1', { class: 'pm-print-title' }, t('print.plannerTitle')),
        mapFigure({ ...common, bbox: frame, overlay, visible: s.layers }));
      return;
    }
    const map = document.getElementById('pm-map')?.getBoundingClientRect();
    const bbox = s.center && map?.width ? viewBbox(s.center, s.zoom, map.width, map.height) : bboxOfFeatures({ features: collections.get('district') || [] });
    if (!bbox) return;
    sheet.append(el('h1', { class: 'pm-print-title' }, t('app.title')),
      mapFigure({ ...common, bbox, visible: s.layers, highlight: new Set(s.feature ? [s.feature] : []), dim: false }));
  }

  window.addEventListener('beforeprint', build);
  offs.push(() => window.removeEventListener('beforeprint', build));
  return () => { offs.forEach((off) => off()); sheet.remove(); };
}
