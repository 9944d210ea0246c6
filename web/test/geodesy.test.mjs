import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distance, pathLength, area, formatLength, formatArea, AUTHALIC_RADIUS } from '../js/util/geodesy.js';

// reference values: GeographicLib 2.1 (Karney), Geodesic.WGS84 Inverse / PolygonArea
test('Vincenty distance matches the geodesic to the millimetre', () => {
  // Vincenty's own example, Flinders Peak → Buninyong: 54,972.271 m
  assert.ok(Math.abs(distance([-37.95103341666667, 144.42486789], [-37.65282113888889, 143.92649552777777]) - 54972.271217) < 0.001);
  assert.ok(Math.abs(distance([29.55, 106.45], [29.6, 106.40]) - 7361.262659) < 0.001);
  assert.equal(distance([29.6, 106.4], [29.6, 106.4]), 0);
});

test('path length adds its legs', () => {
  const pts = [[29.55, 106.45], [29.6, 106.40], [29.55, 106.45]];
  assert.ok(Math.abs(pathLength(pts) - 2 * 7361.262659) < 0.002);
  assert.equal(pathLength([[29.5, 106.4]]), 0);
});

test('area on the ellipsoid: a district-sized quadrilateral within 2 ppm of GeographicLib', () => {
  const quad = [[29.56, 106.44], [29.565, 106.452], [29.572, 106.445], [29.566, 106.438]];
  assert.ok(Math.abs(area(quad) - 929118.558) / 929118.558 < 2e-6, String(area(quad)));
  assert.ok(Math.abs(area([...quad].reverse()) - area(quad)) < 1e-3, 'either orientation');
  assert.ok(Math.abs(area([...quad, quad[0]]) - area(quad)) < 1e-3, 'closed ring');
  assert.equal(area(quad.slice(0, 2)), 0);
});

test('the authalic sphere has the ellipsoid\'s area (510,065,621.7 km²)', () => {
  assert.ok(Math.abs(4 * Math.PI * AUTHALIC_RADIUS ** 2 / 1e6 - 510065621.7) < 1);
});

test('lengths and areas in the units people read', () => {
  assert.equal(formatLength(850.4), '850 m');
  assert.equal(formatLength(1234.5), '1.23 km');
  assert.equal(formatLength(12345, 'en'), '12.3 km');
  assert.equal(formatArea(640.2), '640 m²');
  assert.equal(formatArea(35200), '3.52 ha');
  assert.equal(formatArea(1840000, 'en'), '1.84 km²');
  assert.equal(formatArea(Number.NaN), '');
});
