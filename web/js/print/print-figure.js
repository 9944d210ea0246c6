/**
 * A printable map figure (issue #12 item 11): the map drawn on a canvas from the GeoJSON (no Leaflet, no tiles, so
 * nothing is cut at the page edge and it prints the same everywhere), framed on a box whose shape the canvas takes,
 * with a north arrow and a scale bar over it, and under it a legend of the layers drawn, the sources and the date.
 * The north arrow, scale bar, legend and sources are text and SVG, so a reader of the PDF (and a test) reads them.
 * Used by the resident map's print sheet, the planner's printed report and the tour handout.
 */
import { el } from '../util/dom.js';
import { drawSnapshot } from '../tour/map-snapshot.js';
import { legendEntries, PLANNER_SHAPE, HIGHLIGHTED } from '../map/styles.js';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs = {}, ...children) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  children.forEach((c) => node.append(c));
  return node;
};

/** Metres per degree of latitude (WGS84 mean). */
const M_PER_DEG = 111320;

/** The largest 1, 2 or 5 × 10ⁿ metres not above `m`. */
export function niceLength(m) {
  if (!(m > 0)) return 0;
  const p = 10 ** Math.floor(Math.log10(m));
  return [5, 2, 1].map((k) => k * p).find((x) => x <= m) || p;
}

/** Width ÷ height of a lon/lat box drawn in the equirectangular projection of map-snapshot.js. */
export function bboxAspect(b) {
  const k = Math.cos((((b[1] + b[3]) / 2) * Math.PI) / 180);
  return ((b[2] - b[0]) * k) / Math.max(b[3] - b[1], 1e-9);
}

/** Canvas pixels for a box: its own shape, the longer side `long` px, the shorter at least `long` / 3. */
export function canvasSize(b, long = 1600) {
  const a = Math.min(Math.max(bboxAspect(b), 1 / 3), 3);
  return a >= 1 ? [long, Math.round(long / a)] : [Math.round(long * a), long];
}

/**
 * @param {object} o
 * @param {Map<string, object[]>} o.collections  collection id → features (map-snapshot.js loadCollections)
 * @param {number[]} o.bbox        [w, s, e, n] to show
 * @param {Set<string>} [o.highlight] feature ids drawn highlighted (the rest dimmed)
 * @param {string[]} [o.visible]   collections drawn (default all)
 * @param {object} [o.overlay]     a GeoJSON FeatureCollection drawn on top in the planner's style
 * @param {Function} o.t           core/i18n.js t (keys print.*, legend.*)
 * @param {Function} o.layerTitle  collection id → its title in the UI language
 * @param {string} o.lang          'zh' | 'en' (date format)
 * @param {Date} [o.date]
 * @param {number} [o.long]        canvas pixels of the longer side
 * @param {boolean} [o.dim]        dim what is not highlighted (the tour); the resident map's selection is not dimmed against
 */
export function mapFigure({ collections, bbox, highlight = new Set(), visible = null, overlay = null, t, layerTitle, lang, date = new Date(), long = 1600, dim = true }) {
  const [W, H] = canvasSize(bbox, long);
  const canvas = el('canvas', { width: String(W), height: String(H), class: 'pm-print-canvas', role: 'img', 'aria-label': t('print.mapAlt') });
  drawSnapshot(canvas, collections, { bbox, highlight, visible, overlay, dim });

  // metres per canvas pixel, from the scale drawSnapshot fits the box with (px per degree of latitude)
  const k = Math.cos((((bbox[1] + bbox[3]) / 2) * Math.PI) / 180);
  const pxPerDeg = Math.min(W / ((bbox[2] - bbox[0]) * k), H / (bbox[3] - bbox[1]));
  const metresPerPx = M_PER_DEG / pxPerDeg;
  const metres = niceLength(metresPerPx * W * 0.22);
  const barPct = (metres / metresPerPx / W) * 100;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  const scale = el('div', { class: 'pm-print-scale', style: `width:${barPct.toFixed(2)}%` },
    svg('svg', { viewBox: '0 0 100 8', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
      svg('rect', { x: 0, y: 0, width: 50, height: 8, fill: '#000' }), svg('rect', { x: 50, y: 0, width: 50, height: 8, fill: '#fff', stroke: '#000', 'stroke-width': 1 })),
    el('span', {}, `0 — ${label}`));
  const north = el('div', { class: 'pm-print-north', title: t('print.north') },
    svg('svg', { viewBox: '0 0 20 26', 'aria-hidden': 'true' },
      svg('path', { d: 'M10 0 L18 22 L10 17 L2 22 Z', fill: '#000' }), svg('path', { d: 'M10 0 L10 17 L2 22 Z', fill: '#fff', stroke: '#000', 'stroke-width': 1 })),
    el('span', {}, lang === 'en' ? 'N' : '北'));

  const drawn = [...collections.keys()].filter((id) => !visible || visible.includes(id));
  const legend = el('ul', { class: 'pm-print-legend' });
  const swatch = ({ fill, stroke, shape = 'area', dash }) => svg('svg', { viewBox: '0 0 24 14', class: 'pm-print-swatch', 'aria-hidden': 'true' },
    shape === 'line' ? svg('line', { x1: 1, y1: 7, x2: 23, y2: 7, stroke: stroke || fill, 'stroke-width': 3, 'stroke-dasharray': dash || '' })
      : shape === 'dot' ? svg('circle', { cx: 12, cy: 7, r: 5, fill: fill || '#fff', stroke: stroke || '#333', 'stroke-width': 1.5 })
        : svg('rect', { x: 1, y: 1, width: 22, height: 12, fill: fill || 'none', stroke: stroke || '#555', 'stroke-width': 1.5, 'stroke-dasharray': dash || '' }));
  for (const id of drawn) {
    for (const entry of legendEntries(id)) legend.append(el('li', {}, swatch(entry.swatch), entry.key ? t(entry.key) : layerTitle(id)));
  }
  if (highlight.size) legend.append(el('li', {}, swatch({ fill: 'none', stroke: HIGHLIGHTED.color }), t('print.highlighted')));
  if (overlay) legend.append(el('li', {}, swatch({ fill: 'none', stroke: PLANNER_SHAPE.color, dash: '4 2' }), t('print.overlay')));
  legend.append(el('li', {}, swatch({ fill: 'none', stroke: '#555', dash: '4 2' }), t('legend.indicative')));

  const day = date.toISOString().slice(0, 10);
  return el('figure', { class: 'pm-print-figure' },
    el('div', { class: 'pm-print-mapbox' }, canvas, north, scale),
    el('figcaption', { class: 'pm-print-caption' },
      el('h3', { class: 'pm-print-legend-title' }, t('legend.title')), legend,
      el('p', { class: 'pm-print-sources' }, t('print.sources')),
      el('p', { class: 'pm-print-date' }, t('print.date', { date: day }))));
}
