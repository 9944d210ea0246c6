import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declutter } from '../js/util/declutter.js';

test('points in one cell become one group at their mean', () => {
  const groups = declutter([{ id: 'a', x: 1, y: 1 }, { id: 'b', x: 9, y: 3 }, { id: 'c', x: 50, y: 1 }], 40);
  assert.deepEqual(groups, [{ x: 5, y: 2, ids: ['a', 'b'] }, { x: 50, y: 1, ids: ['c'] }]);
});

test('every point lands in exactly one group', () => {
  const pts = Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, x: (i * 37) % 500, y: (i * 91) % 300 }));
  const ids = declutter(pts, 44).flatMap((g) => g.ids).sort();
  assert.deepEqual(ids, pts.map((p) => p.id).sort());
});

test('non-finite points are skipped and a bad cell size throws', () => {
  assert.deepEqual(declutter([{ id: 'a', x: NaN, y: 0 }], 10), []);
  assert.throws(() => declutter([], 0), RangeError);
});

test('negative coordinates group by floor, not truncation', () => {
  const groups = declutter([{ id: 'a', x: -1, y: 0 }, { id: 'b', x: 1, y: 0 }], 10);
  assert.equal(groups.length, 2);
});
