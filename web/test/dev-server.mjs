// Dev-only static server with a tiny hand-written fake API (fixtures below),
// for working on the front end without the back end:
//   node web/test/dev-server.mjs 8190 [leafletDistDir]
// Not used by the tests against the real app.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.argv[2] || 8190);
const leafletDir = process.argv[3] || '/tmp/leaflet/META-INF/resources/webjars/leaflet/1.9.4/dist';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

const sq = (x, y, w, h) => [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]];
const f = (id, geometry, props) => ({ type: 'Feature', id, geometry, properties: { aliases: [], planRefs: [], accuracy: 'schematic', accuracyNote: '示意。', ...props } });
const poly = (c) => ({ type: 'Polygon', coordinates: c });
const pt = (x, y) => ({ type: 'Point', coordinates: [x, y] });
const layers = {
  district: [f('district', poly(sq(106.23, 29.5, 0.25, 0.28)), { name: '沙坪坝区', nameEn: 'Shapingba District', accuracy: 'surveyed' })],
  zones: [
    f('zone-west', poly(sq(106.23, 29.5, 0.08, 0.28)), { name: '西部现代新城', nameEn: 'West modern new city', planRefs: ['p6-c16-s1'] }),
    f('zone-barrier-jinyun', poly(sq(106.31, 29.5, 0.04, 0.28)), { name: '两山生态屏障·缙云山', nameEn: 'Jinyun barrier' }),
    f('zone-barrier-zhongliang', poly(sq(106.35, 29.5, 0.04, 0.28)), { name: '两山生态屏障·中梁山', nameEn: 'Zhongliang barrier' }),
    f('zone-east', poly(sq(106.39, 29.5, 0.09, 0.28)), { name: '东部人文母城', nameEn: 'East humanities mother city', planRefs: ['p6-c16-s1'] }),
  ],
  'project-sites': [
    f('site-ciqikou', pt(106.449, 29.578), { name: '磁器口古镇', nameEn: 'Ciqikou Ancient Town', column: 15, accuracy: 'approximate', zone: 'zone-east' }),
    f('site-a', pt(106.452, 29.58), { name: '项目甲', column: 3, accuracy: 'surveyed', zone: 'zone-east' }),
    f('site-b', pt(106.30, 29.65), { name: '项目乙', column: 1, zone: 'zone-west' }),
  ],
  'context-stations': [f('st-spb', pt(106.456, 29.559), { name: '沙坪坝站', nameEn: 'Shapingba Station', accuracy: 'surveyed' })],
};
const meta = Object.entries(layers).map(([id, fs]) => ({ id, title: { zh: id, en: id }, group: id.startsWith('context') ? 'context' : id === 'project-sites' ? 'projects' : 'layout', count: fs.length, bbox: [106.23, 29.5, 106.48, 29.78] }));
const all = Object.values(layers).flat();
const para = '优化“东中西”总体空间布局，东部人文母城以磁器口古镇为核心。';
const api = {
  '/api/layers': meta,
  '/api/config': { tiles: { osm: { enabled: false }, tianditu: { enabled: false } } },
  '/api/plan': [{ id: 'p6', kind: 'part', number: '第六篇', title: '推动城乡区域协调发展', children: [{ id: 'p6-c16', kind: 'chapter', number: '第十六章', title: '优化空间布局', children: [{ id: 'p6-c16-s1', kind: 'section', number: '第一节', title: '东中西', children: [] }] }] },
    { id: 'col-15', kind: 'column', number: '专栏15', title: '专栏15：文化强区重点项目', children: [] }, { id: 'table-1', kind: 'table', title: '表1 主要指标', children: [] }],
  '/api/plan/p6-c16-s1': { id: 'p6-c16-s1', kind: 'section', number: '第一节', title: '东中西', parentId: 'p6-c16', paragraphs: [{ id: 'p6-c16-s1-para-1', text: para, mentions: [{ featureId: 'zone-east', name: '东部人文母城', start: 12, end: 18 }, { featureId: 'site-ciqikou', name: '磁器口古镇', start: 19, end: 24 }] }], children: [], features: [{ id: 'zone-east' }, { id: 'site-ciqikou' }], indicators: [] },
  '/api/plan/table-1': { id: 'table-1', kind: 'table', title: '表1', paragraphs: [], children: [], features: [] },
  '/api/indicators': { tables: [{ id: 'table-1', title: '表1 主要指标', rows: [{ rowNo: 1, category: '经济发展', name: '地区生产总值增长', unit: '%', result: '3.5', target: '6', attribute: '预期性' }] }] },
  '/api/search': { query: '磁器口', results: [{ kind: 'feature', id: 'site-ciqikou', title: '磁器口古镇', snippet: 'Ciqikou' }, { kind: 'section', id: 'p6-c16-s1', title: '第一节 东中西', snippet: para }, { kind: 'indicator', id: 'table-1-row-1', title: '地区生产总值增长' }] },
};
for (const feat of all) {
  api[`/api/features/${feat.id}`] = { id: feat.id, collection: Object.keys(layers).find((k) => layers[k].includes(feat)), properties: feat.properties, geometry: feat.geometry,
    planRefs: [{ nodeId: 'p6-c16-s1', title: '第一节 东中西', kind: 'mention', paragraphId: 'p6-c16-s1-para-1', sentence: para }], indicators: [], related: [{ id: 'zone-east', name: '东部人文母城' }] };
}
for (const [id, fs] of Object.entries(layers)) api[`/api/layers/${id}`] = { type: 'FeatureCollection', features: fs };

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.startsWith('/api/')) {
    const body = api[path];
    res.writeHead(body ? 200 : 404, { 'content-type': body ? 'application/json' : 'application/problem+json' });
    res.end(JSON.stringify(body || { status: 404, title: 'Not Found' }));
    return;
  }
  const file = path.startsWith('/webjars/leaflet/') ? join(leafletDir, path.replace(/^\/webjars\/leaflet\/(1\.9\.4\/)?dist\//, ''))
    : join(webDir, normalize(path === '/' ? '/index.html' : path));
  try {
    const data = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    res.end(data);
  } catch {
    res.writeHead(404); res.end();
  }
}).listen(port, () => console.log(`dev server on http://localhost:${port}/`));
