import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tourCommand, clampStep } from '../js/tour/tour-keys.js';
import { ratioOption, chartable } from '../js/indicators/charts.js';
import { viewBbox, padBbox } from '../js/tour/map-snapshot.js';

test('presenter keys: next, back, leave, clicker keys', () => {
  for (const k of ['ArrowRight', ' ', 'PageDown']) assert.equal(tourCommand(k).command, 'next');
  for (const k of ['ArrowLeft', 'PageUp']) assert.equal(tourCommand(k).command, 'back');
  assert.equal(tourCommand('Escape').command, 'leave');
  assert.equal(tourCommand('x'), null);
});

test('presenter keys: number then Enter jumps', () => {
  let r = tourCommand('1');
  r = tourCommand('2', r.typed);
  assert.deepEqual(tourCommand('Enter', r.typed), { command: 'jump', step: 12, typed: '' });
});

test('steps are clamped into the tour', () => {
  assert.equal(clampStep(0, 5), 1);
  assert.equal(clampStep(9, 5), 5);
  assert.equal(clampStep(Number.NaN, 5), 1);
});

test('ratio chart: one bar per comparable row, coloured by outcome, 100 % line', () => {
  const row = (number, ratio, outcome) => ({ number, name: `指标${number}`, target: { text: '1' }, result: { text: '1' },
    comparison: { outcome, ratio, textZh: '', textEn: '' } });
  const rows = [row(1, 1.2, 'met'), row(2, null, 'not-comparable'), row(3, 0.8, 'not-met')];
  assert.equal(chartable(rows).length, 2);
  const option = ratioOption(rows);
  assert.deepEqual(option.series[0].data.map((d) => d.value), [120, 80]);
  assert.equal(option.series[0].data[1].itemStyle.color, '#cf222e');
  assert.equal(option.series[0].markLine.data[0].xAxis, 100);
});

test('view bbox of a web-mercator map is centred on the view', () => {
  const [w, s, e, n] = viewBbox([29.6, 106.4], 12, 1024, 768);
  assert.ok(Math.abs((w + e) / 2 - 106.4) < 1e-9);
  assert.ok(s < 29.6 && n > 29.6);
  assert.ok(Math.abs(e - w - (1024 / (256 * 4096)) * 360) < 1e-9);
  assert.deepEqual(padBbox([0, 0, 10, 10], 0.1), [-1, -1, 11, 11]);
});
