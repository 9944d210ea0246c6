import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelPoint } from '../js/util/label-point.js';

test('a U-shaped polygon gets its label inside an arm, not in the empty middle of its box', () => {
  // a U: the box centre (5, 5) lies in the notch
  const u = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [7, 10], [7, 3], [3, 3], [3, 10], [0, 10], [0, 0]]] };
  const [x, y] = labelPoint(u);
  assert.ok(!(x > 3 && x < 7 && y > 3), `(${x}, ${y}) is in the notch`);
  assert.ok(x > 0 && x < 10 && y > 0 && y < 10);
});

test('a square is labelled near its centre; a line at its middle vertex; a point at itself', () => {
  const [x, y] = labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]] });
  assert.ok(Math.abs(x - 2) < 0.3 && Math.abs(y - 2) < 0.3);
  assert.deepEqual(labelPoint({ type: 'LineString', coordinates: [[0, 0], [1, 1], [2, 2]] }), [1, 1]);
  assert.deepEqual(labelPoint({ type: 'Point', coordinates: [106.4, 29.5] }), [106.4, 29.5]);
  assert.equal(labelPoint(null), null);
});

test('a multipolygon is labelled in its largest part', () => {
  const mp = { type: 'MultiPolygon', coordinates: [
    [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
    [[[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]]]] };
  const [x, y] = labelPoint(mp);
  assert.ok(x > 10 && y > 10);
});
