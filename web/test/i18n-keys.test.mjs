import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';

const dir = new URL('../i18n/', import.meta.url);
const load = (lang) => JSON.parse(readFileSync(new URL(`${lang}.json`, dir), 'utf8'));

test('zh and en have exactly the same keys', () => {
  const zh = Object.keys(load('zh')).sort();
  const en = Object.keys(load('en')).sort();
  assert.deepEqual(en.filter((k) => !zh.includes(k)), [], 'keys only in en');
  assert.deepEqual(zh.filter((k) => !en.includes(k)), [], 'keys only in zh');
});

test('no string is empty and placeholders match', () => {
  const zh = load('zh');
  const en = load('en');
  for (const key of Object.keys(zh)) {
    assert.ok(zh[key].trim() && en[key].trim(), key);
    const ph = (s) => (s.match(/\{\w+\}/g) || []).sort().join();
    assert.equal(ph(zh[key]), ph(en[key]), `placeholders of ${key}`);
  }
});

test('every key used in index.html and the JS modules exists', () => {
  const zh = load('zh');
  const used = new Set();
  const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]);
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const pair of m[1].split(';')) used.add(pair.split(':')[1]);
  }
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? walk(new URL(`${e.name}/`, d)) : [new URL(e.name, d)]));
  for (const file of walk(new URL('../js/', import.meta.url))) {
    if (!file.pathname.endsWith('.js')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-z][\w.]+)'/g)) used.add(m[1]);
  }
  assert.deepEqual([...used].filter((k) => !(k in zh)), []);
});

// The first view: the module scripts of index.html and what they import statically (import … from '…'),
// transitively. Modules reached only through import() (planner, dashboard, tours) load after it.
function firstViewModules(html) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const src = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
      visit(posix.normalize(posix.join(posix.dirname(path), m[1] || m[2])));
    }
  };
  for (const m of html.matchAll(/<script type="module" src="([^"]+)"/g)) visit(m[1]);
  return seen;
}

test('index.html modulepreloads exactly the modules of the first view', () => {
  const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
  const preloaded = new Set([...html.matchAll(/rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]));
  const firstView = firstViewModules(html);
  assert.ok(firstView.has('js/main.js'));
  assert.deepEqual([...firstView].filter((m) => !preloaded.has(m)).sort(), [], 'imported by the first view but not preloaded');
  assert.deepEqual([...preloaded].filter((m) => !firstView.has(m)).sort(), [], 'preloaded but not part of the first view');
});

test('every module under js/ is reachable from index.html (statically or through import())', () => {
  const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
  const reached = new Set();
  const visit = (path) => {
    if (reached.has(path)) return;
    reached.add(path);
    const src = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
    for (const m of src.matchAll(/(?:from\s+|import\s*\(\s*|^\s*import\s+)'([^']+\.js)'/gm)) visit(posix.normalize(posix.join(posix.dirname(path), m[1])));
  };
  for (const m of html.matchAll(/<script type="module" src="([^"]+)"/g)) visit(m[1]);
  const walk = (d, prefix) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? walk(new URL(`${e.name}/`, d), `${prefix}${e.name}/`) : e.name.endsWith('.js') ? [`${prefix}${e.name}`] : []));
  const modules = walk(new URL('../js/', import.meta.url), 'js/');
  assert.deepEqual(modules.filter((m) => !reached.has(m)), []);
});
