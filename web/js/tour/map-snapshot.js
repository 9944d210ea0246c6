/**
 * Draws GeoJSON onto a canvas — for the handout's step images and the image
 * export of the current view — without Leaflet and without the network
 * (the collections come from the API client's cache, fetched once before the talk).
 * Colours come from map/styles.js, the one colour table of the map. Equirectangular
 * projection scaled by cos(latitude), good enough for a district.
 */
import { api } from '../api/client.js';
import { canvasStyle, CANVAS_HIGHLIGHT, CANVAS_PAPER, CANVAS_PLANNER, DRAW_ORDER } from '../map/styles.js';

export const SNAPSHOT_COLLECTIONS = ['district', 'context-water', 'context-rivers', 'zones', 'showcase-areas', 'demonstration-zones', 'science-city', 'project-sites'];

/** Fetches the collections once; resolves to Map(collection → features). */
export async function loadCollections(ids = SNAPSHOT_COLLECTIONS) {
  const out = new Map();
  const loaded = await Promise.all(ids.map((id) => api.layer(id).then((fc) => fc.features || [], () => [])));
  // drawn bottom to top in the map's order
  const order = (id) => (DRAW_ORDER.includes(id) ? DRAW_ORDER.indexOf(id) : -1);
  ids.map((id, i) => [id, loaded[i]]).sort((a, b) => order(a[0]) - order(b[0])).forEach(([id, features]) => out.set(id, features));
  return out;
}

/** [w,s,e,n] grown by a fraction on each side. */
export function padBbox(b, f = 0.08) {
  const dx = (b[2] - b[0]) * f || 0.005;
  const dy = (b[3] - b[1]) * f || 0.005;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}

/** The lon/lat box a web-mercator map of this size shows at centre [lat,lng] and zoom. */
export function viewBbox(center, zoom, width, height) {
  const scale = 256 * 2 ** zoom;
  const x = ((center[1] + 180) / 360) * scale;
  const sin = Math.sin((center[0] * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
  const lon = (px) => (px / scale) * 360 - 180;
  const lat = (py) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / scale))) * 180) / Math.PI;
  return [lon(x - width / 2), lat(y + height / 2), lon(x + width / 2), lat(y - height / 2)];
}

/**
 * Draws the collections inside bbox; features whose id is in `highlight`
 * are drawn last in the highlight style, the others dimmed when any is. `overlay` (a FeatureCollection, the
 * planner's shape) is drawn on top in its own style; `footer` is a line of small text at the bottom (none if empty).
 */
export function drawSnapshot(canvas, collections, { bbox, highlight = new Set(), title = '', visible = null, overlay = null, footer = '', dim = true } = {}) {
  const ctx = canvas.getContext('2d');
  const W = canvas.width;
  const H = canvas.height;
  const k = Math.cos((((bbox[1] + bbox[3]) / 2) * Math.PI) / 180);
  const sx = W / ((bbox[2] - bbox[0]) * k);
  const sy = H / (bbox[3] - bbox[1]);
  const s = Math.min(sx, sy);
  const ox = (W - (bbox[2] - bbox[0]) * k * s) / 2;
  const oy = (H - (bbox[3] - bbox[1]) * s) / 2;
  const px = ([lon, lat]) => [ox + (lon - bbox[0]) * k * s, H - oy - (lat - bbox[1]) * s];
  ctx.fillStyle = CANVAS_PAPER.background;
  ctx.fillRect(0, 0, W, H);
  const dimmed = dim && highlight.size > 0;
  const later = [];
  for (const [id, features] of collections) {
    if (visible && !visible.includes(id)) continue;
    for (const f of features) {
      if (highlight.has(String(f.id))) { later.push(f); continue; }
      ctx.globalAlpha = dimmed && id !== 'district' ? 0.35 : 1;
      drawGeometry(ctx, f.geometry, px, canvasStyle(id, f));
    }
  }
  ctx.globalAlpha = 1;
  for (const f of later) drawGeometry(ctx, f.geometry, px, CANVAS_HIGHLIGHT);
  for (const f of overlay?.features || []) {
    drawGeometry(ctx, f.geometry, px, CANVAS_PLANNER.casing);
    drawGeometry(ctx, f.geometry, px, CANVAS_PLANNER.line);
  }
  if (title) {
    ctx.font = 'bold 22px "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif';
    ctx.fillStyle = CANVAS_PAPER.titleBand;
    ctx.fillRect(0, 0, W, 36);
    ctx.fillStyle = CANVAS_PAPER.ink;
    ctx.fillText(title, 10, 26);
  }
  if (footer) {
    ctx.font = '12px "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif';
    ctx.fillStyle = CANVAS_PAPER.muted;
    ctx.fillText(footer, 10, H - 8);
  }
  return canvas;
}

function drawGeometry(ctx, g, px, st) {
  if (!g) return;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  const points = g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : [];
  ctx.lineWidth = st.width;
  ctx.strokeStyle = st.stroke;
  ctx.setLineDash(st.dash || []);
  for (const poly of polys) {
    ctx.beginPath();
    for (const ring of poly) ring.forEach((c, i) => { const [x, y] = px(c); if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y); });
    if (st.fill) { ctx.fillStyle = st.fill; ctx.fill('evenodd'); }
    ctx.stroke();
  }
  for (const line of lines) {
    ctx.beginPath();
    line.forEach((c, i) => { const [x, y] = px(c); if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y); });
    ctx.stroke();
  }
  for (const p of points) {
    const [x, y] = px(p);
    ctx.beginPath();
    ctx.arc(x, y, st.radius, 0, Math.PI * 2);
    ctx.fillStyle = st.fill || st.stroke;
    ctx.fill();
    ctx.stroke();
  }
  ctx.setLineDash([]);
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => drawGeometry(ctx, x, px, st));
}
