import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHash, encodeHash, historyMode } from '../js/core/url-state.js';

test('a full state survives encode → decode unchanged', () => {
  const state = { lang: 'en', zoom: 13, center: [29.56123, 106.45678], layers: ['district', 'zones'],
    feature: 'zone-east', section: 'p6-c16-s1', base: 'osm' };
  assert.deepEqual(decodeHash(encodeHash(state)), state);
});

test('encoding is stable and ordered', () => {
  assert.equal(encodeHash({ lang: 'zh', zoom: 12, center: [29.5, 106.4], layers: ['a', 'b'], feature: null, section: 's', base: 'plain' }),
    '#lang=zh&z=12&c=29.50000,106.40000&l=a,b&s=s');
});

test('an empty layer list means none visible; absent means defaults', () => {
  assert.deepEqual(decodeHash('#l=').layers, []);
  assert.equal('layers' in decodeHash('#lang=zh'), false);
});

test('invalid values are dropped, not guessed', () => {
  const s = decodeHash('#lang=fr&z=99&c=200,1&f=<script>&s=ok-1');
  assert.deepEqual(s, { section: 'ok-1' });
});

test('fractional zoom survives the round trip', () => {
  assert.equal(decodeHash(encodeHash({ zoom: 11.5, center: [29.6, 106.4] })).zoom, 11.5);
});

test('centre without a valid zoom is ignored', () => {
  assert.deepEqual(decodeHash('#c=29.5,106.4'), {});
});

test('selections push history, panning replaces it', () => {
  assert.equal(historyMode(['feature']), 'push');
  assert.equal(historyMode(['center', 'zoom']), 'replace');
  assert.equal(historyMode(['center', 'section']), 'push');
});
