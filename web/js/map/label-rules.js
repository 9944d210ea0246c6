/**
 * Which features get a map label, where, from which zoom, and how important it is — cartography as data, pure
 * (no Leaflet; tested with node). map/labels.js draws what util/label-layout.js places from these candidates.
 *
 * Zoom rules (Leaflet zoom; the whole district is ~11, a neighbourhood ~15):
 *   zones ≤ 13.5 · showcase areas and demonstration zones from 11.5 · science-city spaces and axes from 13 ·
 *   the Jialing River from 10, the Liangtan River from 12 · rail stations from 12.5, metro stations from 13.5 ·
 *   landmarks from 14.5.
 * Priority decides collisions: rivers, then zones (they are only shown at the district's scale), areas of the
 * plan, stations, places.
 * Unnamed OSM stations (未命名…) get no label; a landmark that repeats a station's name is left out.
 */
import { polygonsOf, linesOf, labelPoint, lineMidpoint } from '../util/geometry.js';

// positions to try, [dx, dy] px from the anchor: areas around their inside point, points beside their symbol
const AROUND = [[0, 0], [0, -22], [0, 22], [-48, 0], [48, 0], [0, -44], [0, 44], [-90, 0], [90, 0]];
const BESIDE = [[0, -15], [0, 15], [-40, 0], [40, 0]];
const ALONG = [[0, 0], [0, -18], [0, 18]];

const RULES = {
  'context-rivers': (f) => (f.id === 'river-jialingjiang'
    ? { kind: 'river', priority: 90, minZoom: 10, size: 15, offsets: [[-30, 0], [30, 0]] }
    : { kind: 'river', priority: 60, minZoom: 12, size: 13, offsets: ALONG }),
  'showcase-areas': () => ({ kind: 'area', priority: 80, minZoom: 11.5, size: 13, offsets: AROUND }),
  'demonstration-zones': () => ({ kind: 'area', priority: 78, minZoom: 11.5, size: 13, offsets: AROUND }),
  zones: () => ({ kind: 'zone', priority: 85, maxZoom: 13.5, size: 16, offsets: AROUND }),
  'science-city': (f) => ({ kind: f.properties?.kind === 'axis' ? 'line' : 'area', priority: 50, minZoom: 13, size: 12, offsets: f.properties?.kind === 'axis' ? ALONG : AROUND }),
  'context-stations': (f) => (/train|rail/i.test(f.properties?.nameEn || '') || /站$/.test(f.properties?.name || '')
    ? { kind: 'station', priority: 55, minZoom: 12.5, size: 12, offsets: BESIDE }
    : { kind: 'station', priority: 45, minZoom: 13.5, size: 12, offsets: BESIDE }),
  'context-landmarks': () => ({ kind: 'place', priority: 30, minZoom: 14.5, size: 12, offsets: BESIDE }),
};

/** The collections that have labels. */
export const LABELLED = Object.keys(RULES);

/** The label text in a language: English names lose OSM's " (train)"-style suffixes; Chinese is the fallback. */
export function labelText(props, lang) {
  const zh = props?.name || '';
  if (lang !== 'en') return zh;
  const en = String(props?.nameEn || '').replace(/\s*\((?:train|subway|station|OSM[^)]*)\)\s*$/i, '').trim();
  return en || zh;
}

/** The longest line of a (Multi)LineString as [lat, lng] positions, or null (labels of lines follow what is in view). */
export function pathOf(geometry) {
  const lines = linesOf(geometry);
  if (!lines.length) return null;
  return lines.reduce((a, b) => (b.length > a.length ? b : a)).map((p) => [p.y, p.x]);
}

/** Where a feature's label goes, as [lat, lng]: inside polygons, half-way along lines, on points. */
export function anchorOf(geometry) {
  if (!geometry) return null;
  if (geometry.type === 'Point') return [geometry.coordinates[1], geometry.coordinates[0]];
  const polygons = polygonsOf(geometry);
  if (polygons.length) {
    const lat = polygons[0][0][0]?.y ?? 0;
    const p = labelPoint(polygons, { xScale: Math.cos((lat * Math.PI) / 180) });
    return p ? [p.y, p.x] : null;
  }
  const lines = linesOf(geometry);
  if (lines.length) {
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a));
    const m = lineMidpoint(longest);
    return m ? [m.y, m.x] : null;
  }
  return null;
}

/**
 * Label candidates for the loaded collections.
 * @param {Map<string, object[]>} features collection id → GeoJSON features
 * @param {string} lang 'zh' | 'en'
 * @param {Map<string, [number, number]>} [anchors] cache of anchors by feature id (filled as computed)
 * @returns {{id, collection, text, latlng: [lat, lng], path?: [lat, lng][], kind, priority, minZoom?, maxZoom?, size}[]}
 *   (`path` for lines: the label layer puts the label half-way along the part of the line in view)
 */
export function labelCandidates(features, lang, anchors = new Map()) {
  const out = [];
  const stationNames = new Set((features.get('context-stations') || []).map((f) => f.properties?.name));
  for (const [collection, rule] of Object.entries(RULES)) {
    const seen = new Set();
    for (const f of features.get(collection) || []) {
      const props = f.properties || {};
      if (!props.name || /^未命名/.test(props.name)) continue;
      if (collection === 'context-landmarks' && stationNames.has(props.name)) continue;
      if (seen.has(props.name)) continue; // the same name twice (a station's two platforms)
      seen.add(props.name);
      const id = String(f.id);
      if (!anchors.has(id)) anchors.set(id, anchorOf(f.geometry));
      const latlng = anchors.get(id);
      if (!latlng) continue;
      const path = pathOf(f.geometry);
      out.push({ id, collection, text: labelText(props, lang), latlng, ...(path ? { path } : {}), ...rule(f) });
    }
  }
  return out;
}
