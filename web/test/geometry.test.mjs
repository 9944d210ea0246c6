import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pointInRings, distanceToPath, ringsArea, labelPoint, lineMidpoint, geometryContains, polygonsOf } from '../js/util/geometry.js';
import { layoutLabels, textWidth } from '../js/util/label-layout.js';

const square = (x0, y0, s) => [{ x: x0, y: y0 }, { x: x0 + s, y: y0 }, { x: x0 + s, y: y0 + s }, { x: x0, y: y0 + s }];

test('point in polygon with a hole (even-odd)', () => {
  const rings = [square(0, 0, 10), square(4, 4, 2)];
  assert.equal(pointInRings({ x: 1, y: 1 }, rings), true);
  assert.equal(pointInRings({ x: 5, y: 5 }, rings), false, 'in the hole');
  assert.equal(pointInRings({ x: 11, y: 5 }, rings), false);
  assert.equal(ringsArea(rings), 96);
});

test('distance to a path, open and closed', () => {
  const pts = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }];
  assert.equal(distanceToPath({ x: 5, y: 3 }, pts), 3);
  assert.equal(distanceToPath({ x: 3, y: 5 }, pts), 5);
  assert.ok(Math.abs(distanceToPath({ x: 3, y: 5 }, pts, true) - 2 / Math.SQRT2) < 1e-12);
});

test('a label point lies inside the polygon, away from its edges, even for a C shape', () => {
  // a C: its bbox centre (5, 5) is outside the shape
  const c = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 3 }, { x: 3, y: 3 }, { x: 3, y: 7 }, { x: 10, y: 7 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
  const p = labelPoint([[c]]);
  assert.ok(pointInRings(p, [c]));
  assert.ok(p.clearance >= 1.2, `clearance ${p.clearance}`);
  assert.equal(labelPoint([]), null);
});

test('the label goes to the largest part of a multipolygon', () => {
  const p = labelPoint([[square(0, 0, 1)], [square(10, 10, 5)]]);
  assert.ok(p.x > 10 && p.y > 10);
});

test('line midpoint by length', () => {
  assert.deepEqual(lineMidpoint([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }]), { x: 10, y: 0 });
  assert.deepEqual(lineMidpoint([{ x: 0, y: 0 }, { x: 4, y: 0 }]), { x: 2, y: 0 });
});

test('GeoJSON containment for "am I in the district"', () => {
  const g = { type: 'MultiPolygon', coordinates: [[[[106, 29], [107, 29], [107, 30], [106, 30], [106, 29]]]] };
  assert.equal(geometryContains(g, [106.5, 29.5]), true);
  assert.equal(geometryContains(g, [105.5, 29.5]), false);
  assert.equal(polygonsOf({ type: 'Point', coordinates: [1, 2] }).length, 0);
});

test('labels: zoom rules, priority wins a collision, nothing outside the view', () => {
  const at = (id, x, y, priority, extra = {}) => ({ id, text: '沙坪坝', x, y, priority, size: 14, ...extra });
  const placed = layoutLabels([
    at('low', 100, 100, 1),
    at('high', 110, 102, 5),
    at('far', 300, 100, 1),
    at('zoomed-out-only', 200, 200, 9, { maxZoom: 11 }),
    at('edge', 2, 100, 9),
  ], { zoom: 13, width: 400, height: 300 });
  assert.deepEqual(placed.map((p) => p.id), ['high', 'far']);
});

test('labels avoid obstacles and are deterministic on ties', () => {
  const c = (id, x) => ({ id, text: 'Jialing River', x, y: 50, priority: 1, size: 12 });
  const placed = layoutLabels([c('a', 100), c('b', 105), c('c', 300)], { zoom: 12, width: 500, height: 100, obstacles: [{ x1: 290, y1: 40, x2: 310, y2: 60 }] });
  assert.deepEqual(placed.map((p) => p.id), ['a']);
  assert.equal(textWidth('嘉陵江', 10), 30);
  assert.ok(Math.abs(textWidth('ab', 10) - 11.6) < 1e-9);
});
