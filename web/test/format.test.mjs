import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accuracyKey, isIndicative, featureName, bboxToBounds, groupLayers, tableModel } from '../js/util/format.js';
import { pathStyle, pointSymbol, ZONE_FILLS } from '../js/map/styles.js';
import { availableBases } from '../js/map/tiles.js';
import { format } from '../js/core/i18n.js';

test('accuracy keys and indicative flag', () => {
  assert.equal(accuracyKey('schematic'), 'accuracy.schematic');
  assert.equal(accuracyKey('guess'), 'accuracy.unknown');
  assert.equal(isIndicative('approximate'), true);
  assert.equal(isIndicative('surveyed'), false);
});

test('feature names by language', () => {
  const p = { name: '磁器口', nameEn: 'Ciqikou' };
  assert.equal(featureName(p, 'zh'), '磁器口');
  assert.equal(featureName(p, 'en'), 'Ciqikou (磁器口)');
  assert.equal(featureName({ name: '歌乐山' }, 'en'), '歌乐山');
});

test('bbox to Leaflet bounds, 2D and 3D', () => {
  assert.deepEqual(bboxToBounds([106.2, 29.5, 106.5, 29.8]), [[29.5, 106.2], [29.8, 106.5]]);
  assert.deepEqual(bboxToBounds([106.2, 29.5, 0, 106.5, 29.8, 0]), [[29.5, 106.2], [29.8, 106.5]]);
  assert.equal(bboxToBounds(null), null);
});

test('layers grouped in first-seen order', () => {
  const g = groupLayers([{ id: 'a', group: 'plan' }, { id: 'b', group: 'context' }, { id: 'c', group: 'plan' }]);
  assert.deepEqual(g.map((x) => [x.group, x.layers.map((l) => l.id)]), [['plan', ['a', 'c']], ['context', ['b']]]);
});

test('table model from object rows puts indicator keys first and shows raw values', () => {
  const m = tableModel({ headers: ['ignored'], rows: [{ id: 'table-1-row-1', table: 1, name: 'GDP', number: 1, unit: '%', category: '经济',
    target: { raw: '5*', value: 5 }, result: { raw: '5.9*' }, extra: 'x', nested: { a: 1 } }] });
  assert.deepEqual(m.columns, ['number', 'category', 'name', 'unit', 'target', 'result', 'extra']);
  assert.deepEqual(m.rows, [['1', '经济', 'GDP', '%', '5*', '5.9*', 'x']]);
});

test('table model from array rows keeps the header', () => {
  const m = tableModel({ columns: ['序号', '指标'], rows: [[1, 'GDP'], [2, null]] });
  assert.deepEqual(m, { columns: ['序号', '指标'], rows: [['1', 'GDP'], ['2', '']] });
});

test('three zone fills are different; the two belts share one', () => {
  const fills = new Set(Object.values(ZONE_FILLS));
  assert.equal(fills.size, 3);
  assert.equal(ZONE_FILLS['zone-barrier-jinyun'], ZONE_FILLS['zone-barrier-zhongliang']);
});

test('schematic features are dashed and hollow', () => {
  const f = { id: 'x', properties: { accuracy: 'schematic', column: 3 } };
  assert.ok(pathStyle('showcase-areas', f).dashArray);
  assert.equal(pathStyle('showcase-areas', { properties: { accuracy: 'surveyed' } }).dashArray, undefined);
  assert.equal(pointSymbol('project-sites', f).hollow, true);
  assert.equal(pointSymbol('context-stations', f).fillOpacity, 0);
});

test('online bases only when enabled; missing config means plain only', () => {
  assert.deepEqual(availableBases(null), ['plain']);
  assert.deepEqual(availableBases({ tiles: { osm: { enabled: true, url: 'u' }, tianditu: { enabled: false, url: 'x' } } }), ['plain', 'osm']);
});

test('message placeholders', () => {
  assert.equal(format('{n} results', { n: 3 }), '3 results');
  assert.equal(format('{x}', {}), '{x}');
});

// one colour table: the tour handout and image export draw with map/styles.js
import { canvasStyle, COLUMN_COLOURS, rgba } from '../js/map/styles.js';
import { readFileSync } from 'node:fs';

test('canvas drawings use the map\'s colours', () => {
  const zone = { id: 'zone-east', properties: { accuracy: 'schematic' }, geometry: { type: 'Polygon' } };
  assert.equal(canvasStyle('zones', zone).fill.replace(/,[\d.]+\)$/, ''), rgba(ZONE_FILLS['zone-east'], 1).replace(/,[\d.]+\)$/, ''));
  assert.equal(canvasStyle('showcase-areas', { properties: {}, geometry: { type: 'Polygon' } }).stroke, pathStyle('showcase-areas', {}).color);
  const site = { properties: { column: 3 }, geometry: { type: 'Point' } };
  assert.equal(canvasStyle('project-sites', site).stroke, COLUMN_COLOURS[2]);
  assert.equal(canvasStyle('district', { properties: {}, geometry: { type: 'MultiPolygon' } }).fill, null);
  assert.deepEqual(canvasStyle('zones', zone).dash, [6, 5]);
});

test('no colour table outside map/styles.js: the tour modules name no colours', () => {
  for (const file of ['map-snapshot.js', 'tour-print.js', 'tour-player.js']) {
    const src = readFileSync(new URL(`../js/tour/${file}`, import.meta.url), 'utf8');
    assert.doesNotMatch(src, /#[0-9a-fA-F]{3,6}\b|rgba?\(/, file);
  }
});
