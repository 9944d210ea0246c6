/**
 * Cartography as data: what each collection looks like. Pure (no Leaflet), so
 * the legend draws from the same table and tests can read it.
 *
 * Features whose `accuracy` is `approximate` or `schematic` are drawn so a
 * reader sees they are not a survey: dashed outlines, lighter fills and hollow
 * point symbols.
 */
import { isIndicative } from '../util/format.js';

/** Zone fills: East, the two-belt barrier (两山, both belts alike) and West. */
export const ZONE_FILLS = {
  'zone-east': '#e07b39',
  'zone-barrier-zhongliang': '#3f9a4f',
  'zone-barrier-jinyun': '#3f9a4f',
  'zone-west': '#3c6fc4',
};

/** 17 distinguishable colours for 专栏1…17 (index = column − 1). */
export const COLUMN_COLOURS = [
  '#c0392b', '#8e44ad', '#2c3e90', '#1f7a8c', '#b9770e', '#5d8c1f', '#7b3f00', '#d35400',
  '#6c3483', '#117864', '#9a7d0a', '#1a5276', '#943126', '#2e4053', '#a93226', '#196f3d', '#6e2c00',
];

const BASE = {
  district: { color: '#222', weight: 3, fill: false },
  zones: { color: '#555', weight: 1, fillOpacity: 0.4 },
  'showcase-areas': { color: '#8e3fa8', weight: 2, fillColor: '#b57fd0', fillOpacity: 0.25 },
  'demonstration-zones': { color: '#b0245a', weight: 3, fillColor: '#e07aa3', fillOpacity: 0.25 },
  'science-city': { color: '#0d7f86', weight: 3, fillColor: '#48b5bb', fillOpacity: 0.18 },
  'project-sites': { color: '#444', weight: 3, fillOpacity: 0.3 },
  'context-water': { color: '#6fa8d6', weight: 1, fillColor: '#a9d2f2', fillOpacity: 0.8 },
  'context-rivers': { color: '#4a8fd4', weight: 3, fill: false, opacity: 0.75, lineCap: 'round', lineJoin: 'round' },
  'context-stations': { color: '#333', weight: 1.5, fillColor: '#fff', fillOpacity: 1, radius: 4 },
  'context-landmarks': { color: '#6b5a3a', weight: 1, fillColor: '#c9b48a', fillOpacity: 0.7, radius: 4 },
};
const FALLBACK = { color: '#555', weight: 2, fillOpacity: 0.2 };

/**
 * Drawing order, bottom to top (unknown collections go between context and plan). Water and rivers lie over
 * the zone fills so they show; the district outline lies over the rivers, so the Jialing River — which is the
 * district's eastern boundary — is drawn as a band wider than the outline (riverWeight) and shows on both sides.
 */
export const DRAW_ORDER = [
  'zones', 'context-water', 'context-rivers', 'district', 'science-city',
  'showcase-areas', 'demonstration-zones', 'context-landmarks', 'context-stations', 'project-sites',
];

/** Real widths of the rivers drawn as bands (metres); other rivers are drawn with their plain weight. */
const RIVER_WIDTH_M = { 'river-jialingjiang': 350 };

/**
 * Line weight in px of a river at a zoom and latitude: its real width, never thinner than 7 px (so it shows
 * beside the district outline) nor wider than 60 px. Null for rivers without a known width.
 */
export function riverWeight(featureId, zoom, lat = 29.6) {
  const width = RIVER_WIDTH_M[featureId];
  if (!width) return null;
  const metresPerPx = (156543.03392 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
  return Math.round(Math.min(60, Math.max(7, width / metresPerPx)));
}

/**
 * What zoom and an online street base change in a style: zone fills fade from zoom 14 (so water, labels and
 * streets show when zoomed in), and every fill is lighter over a street base.
 */
export function viewStyle(collection, style, { zoom, tiles = false } = {}) {
  const out = { ...style };
  if (collection === 'zones' && out.fillOpacity != null) {
    if (zoom >= 16) out.fillOpacity *= 0.25;
    else if (zoom >= 14) out.fillOpacity *= 0.5;
  }
  if (tiles && out.fillOpacity != null) out.fillOpacity *= 0.5;
  return out;
}

export function columnColour(column) {
  const n = Number.parseInt(column, 10);
  return Number.isInteger(n) && n >= 1 ? COLUMN_COLOURS[(n - 1) % COLUMN_COLOURS.length] : '#444';
}

/** Leaflet path options for a feature of a collection. */
export function pathStyle(collection, feature) {
  const props = feature?.properties || {};
  const style = { ...FALLBACK, ...(BASE[collection] || {}) };
  if (collection === 'zones') style.fillColor = ZONE_FILLS[feature?.id] || ZONE_FILLS[props.zone] || '#999';
  if (collection === 'project-sites') style.color = style.fillColor = columnColour(props.column);
  if (isIndicative(props.accuracy)) {
    style.dashArray = '6 5';
    style.fillOpacity = (style.fillOpacity ?? 0.2) * 0.7;
  }
  delete style.radius;
  return style;
}

/** Point symbol: `{kind: 'badge', label, colour, hollow}` for project sites, else a circle. */
export function pointSymbol(collection, feature) {
  const props = feature?.properties || {};
  const hollow = isIndicative(props.accuracy);
  if (collection === 'project-sites') {
    return { kind: 'badge', label: String(props.column ?? '•'), colour: columnColour(props.column), hollow };
  }
  const base = { ...FALLBACK, ...(BASE[collection] || {}) };
  return {
    kind: 'circle', radius: base.radius || 5, color: base.color, weight: hollow ? 1.5 : base.weight,
    fillColor: base.fillColor || base.color, fillOpacity: hollow ? 0 : (base.fillOpacity ?? 0.8),
    dashArray: hollow ? '3 2' : null,
  };
}

/**
 * Implementation status colours (the progress layer, its legend, the summary page): a sequence from grey (nothing
 * recorded) through preparing and building to done, with paused and cancelled apart. `not-recorded` is a light
 * hollow grey, so an item nobody recorded never looks like a decision.
 */
export const PROGRESS_COLOURS = {
  'not-recorded': '#b8bcc2',
  'not-started': '#6e7781',
  preparing: '#d4a72c',
  'under-construction': '#e16f24',
  completed: '#1a7f37',
  paused: '#8250df',
  cancelled: '#cf222e',
};
export const PROGRESS_ORDER = Object.keys(PROGRESS_COLOURS);

/** Leaflet style of a progress-layer feature by its `status` (points: circle markers; lines and areas: outlines). */
export function progressStyle(feature) {
  const status = feature?.properties?.status || 'not-recorded';
  const colour = PROGRESS_COLOURS[status] || PROGRESS_COLOURS['not-recorded'];
  const recorded = status !== 'not-recorded';
  return {
    color: recorded ? '#1f2328' : colour, weight: recorded ? 1.5 : 2, fillColor: colour, fillOpacity: recorded ? 0.9 : 0.25,
    radius: 7, dashArray: recorded ? null : '3 2',
  };
}

/** Legend swatch of a status (a dot, hollow for not recorded). */
export function progressSwatch(status) {
  const colour = PROGRESS_COLOURS[status] || PROGRESS_COLOURS['not-recorded'];
  return { fill: status === 'not-recorded' ? 'transparent' : colour, stroke: status === 'not-recorded' ? colour : '#1f2328', shape: 'dot' };
}

/** Style overrides for the selected and for highlighted features. */
export const SELECTED = { color: '#ffcc00', weight: 5, opacity: 1 };
export const HIGHLIGHTED = { color: '#ff2d7a', weight: 4, opacity: 1 };

/**
 * The planner's own shape (uploaded, pasted or drawn): a style no plan layer uses — a black dash over a white casing
 * and a faint dark fill — so it is never read as part of the plan (issue #12 item 9). `PLANNER_CASING` is drawn under it.
 */
export const PLANNER_SHAPE = { color: '#000000', weight: 3, opacity: 1, dashArray: '10 6', lineCap: 'butt', fillColor: '#000000', fillOpacity: 0.1 };
export const PLANNER_CASING = { color: '#ffffff', weight: 7, opacity: 0.9, fill: false };

/** The staff editor: the feature being edited (its vertices are Geoman's handles) and the others one may pick. */
export const EDITING_SHAPE = { color: '#ff6a00', weight: 4, opacity: 1, fillColor: '#ff6a00', fillOpacity: 0.2 };
export const EDITING_PICKABLE = { color: '#3d5a80', weight: 2, opacity: 0.8, fillColor: '#3d5a80', fillOpacity: 0.08, radius: 6 };

/** `#rrggbb` + opacity → `rgba(r,g,b,a)` (other colour strings come back unchanged). */
export function rgba(hex, alpha = 1) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(String(hex));
  if (!m) return hex;
  const [r, g, b] = m.slice(1).map((h) => Number.parseInt(h, 16));
  return `rgba(${r},${g},${b},${Math.round(alpha * 1000) / 1000})`;
}

/**
 * Canvas style of a feature for drawings made without Leaflet (the tour handout, the image export): the same
 * colours, widths and dashes as the map. `{stroke, fill (rgba or null), width, dash: number[], radius}`.
 */
export function canvasStyle(collection, feature) {
  const isPoint = /Point$/.test(feature?.geometry?.type || '');
  if (isPoint) {
    const sym = pointSymbol(collection, feature);
    if (sym.kind === 'badge') {
      return { stroke: sym.colour, fill: sym.hollow ? '#ffffff' : sym.colour, width: 2, dash: sym.hollow ? [3, 2] : [], radius: 5 };
    }
    return { stroke: sym.color, fill: rgba(sym.fillColor, sym.fillOpacity), width: sym.weight, dash: sym.dashArray ? sym.dashArray.split(' ').map(Number) : [], radius: sym.radius };
  }
  const s = pathStyle(collection, feature);
  return {
    stroke: s.color,
    fill: s.fill === false ? null : rgba(s.fillColor || s.color, s.fillOpacity ?? 0.2),
    width: s.weight,
    dash: s.dashArray ? s.dashArray.split(' ').map(Number) : [],
    radius: 4,
  };
}

/** Paper and ink of canvas drawings: background, the title band, title text, the source line. */
export const CANVAS_PAPER = { background: '#ffffff', titleBand: 'rgba(255,255,255,0.85)', ink: '#1f2328', muted: '#57606a' };

/** Canvas style of the planner's shape (printed report): the white casing, then the black dash of PLANNER_SHAPE. */
export const CANVAS_PLANNER = {
  casing: { stroke: PLANNER_CASING.color, fill: null, width: PLANNER_CASING.weight, dash: [], radius: 9 },
  line: { stroke: PLANNER_SHAPE.color, fill: rgba(PLANNER_SHAPE.fillColor, PLANNER_SHAPE.fillOpacity), width: PLANNER_SHAPE.weight, dash: [10, 6], radius: 7 },
};

/** Canvas style of highlighted features (the tour's step features). */
export const CANVAS_HIGHLIGHT = { stroke: HIGHLIGHTED.color, fill: rgba(HIGHLIGHTED.color, 0.3), width: HIGHLIGHTED.weight, dash: [], radius: 6 };

/** Legend rows for a collection: [{key (i18n), swatch: {fill, stroke, dashed, shape}}]. */
export function legendEntries(collection) {
  if (collection === 'zones') {
    return [
      { key: 'legend.zoneEast', swatch: { fill: ZONE_FILLS['zone-east'] } },
      { key: 'legend.zoneBarrier', swatch: { fill: ZONE_FILLS['zone-barrier-jinyun'] } },
      { key: 'legend.zoneWest', swatch: { fill: ZONE_FILLS['zone-west'] } },
    ];
  }
  const s = { ...FALLBACK, ...(BASE[collection] || {}) };
  const shape = collection.startsWith('context-st') || collection.startsWith('context-land') ? 'dot'
    : collection === 'context-rivers' ? 'line' : 'area';
  return [{ key: null, swatch: { fill: s.fill === false ? 'transparent' : s.fillColor || s.color, stroke: s.color, shape } }];
}

/** Consultation comments on the map (map/comments-layer.js), one colour per topic; the legend of the comment list uses them too. */
export const COMMENT_TOPIC_COLOURS = {
  support: '#2e7d32',
  concern: '#c62828',
  suggestion: '#1565c0',
  question: '#6a1b9a',
};

/** Leaflet style of a comment: a filled circle for a point, a thin outline with a light fill for a drawn area. */
export function commentStyle(topic) {
  const colour = COMMENT_TOPIC_COLOURS[topic] || '#555555';
  return { color: '#ffffff', weight: 2, fillColor: colour, fillOpacity: 0.9, radius: 8, areaColor: colour };
}
