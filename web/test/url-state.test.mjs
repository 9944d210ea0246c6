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

// module hash keys: one owner of the hash (url-sync), keys registered by the modules
import { createHashKeys } from '../js/core/url-state.js';
import { createState } from '../js/core/state.js';
import { createEventBus } from '../js/core/event-bus.js';
import { startUrlSync } from '../js/core/url-sync.js';

function tourKeys() {
  const keys = createHashKeys();
  keys.register('view');
  keys.register('tour');
  keys.register('step', { history: 'replace', pattern: /^[0-9]{1,3}$/ });
  return keys;
}

test('registered module keys are decoded and encoded after the core keys', () => {
  const keys = tourKeys();
  const decoded = decodeHash('#lang=en&z=12&c=29.5,106.4&tour=default&step=3&view=indicators&other=x', keys);
  assert.deepEqual(decoded, { lang: 'en', zoom: 12, center: [29.5, 106.4], tour: 'default', step: '3', view: 'indicators' });
  assert.equal(encodeHash({ lang: 'en', feature: 'zone-east', view: 'indicators', tour: null, step: '2' }, keys),
    '#lang=en&f=zone-east&view=indicators&step=2');
});

test('invalid module values are dropped; unregistered keys are not read', () => {
  const keys = tourKeys();
  assert.deepEqual(decodeHash('#step=abc&tour=<x>', keys), {});
  assert.deepEqual(decodeHash('#view=indicators', createHashKeys()), {});
});

test('a key cannot shadow a core key and cannot be registered twice differently', () => {
  const keys = createHashKeys();
  assert.throws(() => keys.register('f'), /core key/);
  keys.register('view');
  keys.register('view'); // the same again is fine
  assert.throws(() => keys.register('view', { history: 'replace' }), /twice/);
});

test('history mode follows the registered key', () => {
  const keys = tourKeys();
  assert.equal(historyMode(['view'], keys), 'push');
  assert.equal(historyMode(['step'], keys), 'replace');
  assert.equal(historyMode(['step', 'tour'], keys), 'push');
});

/** A fake window: location, history (with the entries written), hashchange/popstate listeners. */
function fakeWindow(hash = '') {
  const listeners = new Map();
  const win = {
    location: { pathname: '/planmap/', search: '', hash },
    entries: [],
    history: {
      pushState: (_s, _t, url) => { win.entries.push(['push', url]); win.location.hash = url.slice(url.indexOf('#')); },
      replaceState: (_s, _t, url) => { win.entries.push(['replace', url]); win.location.hash = url.slice(url.indexOf('#')); },
    },
    addEventListener: (type, fn) => listeners.set(type, fn),
    removeEventListener: (type) => listeners.delete(type),
    fire: (type) => listeners.get(type)?.(),
  };
  return win;
}

test('url-sync is the one writer: module keys set through the state land in the hash, with their history mode', () => {
  const keys = tourKeys();
  const bus = createEventBus();
  const state = createState(bus, keys);
  const win = fakeWindow('#tour=default&step=2');
  state.set({ ...decodeHash(win.location.hash, keys) }, { history: 'none' });
  const stop = startUrlSync({ bus, state, defaults: () => ({ lang: 'zh' }), win, hashKeys: keys });
  assert.deepEqual(win.entries, [['replace', '/planmap/#lang=zh&l=&tour=default&step=2']]);
  state.set({ step: '3' });
  assert.deepEqual(win.entries.at(-1), ['replace', '/planmap/#lang=zh&l=&tour=default&step=3']);
  state.set({ view: 'indicators' });
  assert.deepEqual(win.entries.at(-1), ['push', '/planmap/#lang=zh&l=&view=indicators&tour=default&step=3']);
  state.set({ feature: 'zone-east' }); // a core change keeps the module keys
  assert.equal(win.location.hash, '#lang=zh&l=&f=zone-east&view=indicators&tour=default&step=3');
  stop();
});

test('back/forward reads module keys; a key missing from the URL becomes null', () => {
  const keys = tourKeys();
  const bus = createEventBus();
  const state = createState(bus, keys);
  const win = fakeWindow('#view=indicators');
  state.set(decodeHash(win.location.hash, keys), { history: 'none' });
  const seen = [];
  bus.on('state:changed', ({ changed }) => seen.push(changed));
  const stop = startUrlSync({ bus, state, defaults: () => ({ lang: 'zh' }), win, hashKeys: keys });
  win.location.hash = '#lang=zh&tour=t1&step=4';
  win.fire('popstate');
  assert.equal(state.get().view, null);
  assert.equal(state.get().tour, 't1');
  assert.equal(state.get().step, '4');
  assert.deepEqual(seen.at(-1).sort(), ['step', 'tour', 'view']);
  stop();
});

test('unregistered keys are not state keys; registered ones start null', () => {
  const keys = tourKeys();
  const state = createState(createEventBus(), keys);
  assert.deepEqual(state.set({ nonsense: 1 }), []);
  assert.equal(state.get().view, null);
  assert.deepEqual(state.set({ view: null }), []);
});
