import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { posix } from 'node:path';

// The one i18n system: web/i18n/{zh,en}/<namespace>.json, one file per module (core, planner, indicators, tour, …).
const dir = new URL('../i18n/', import.meta.url);
const LANGS = ['zh', 'en'];
const namespaces = (lang) => readdirSync(new URL(`${lang}/`, dir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const load = (lang, ns) => JSON.parse(readFileSync(new URL(`${lang}/${ns}.json`, dir), 'utf8'));
const all = (lang) => Object.assign({}, ...namespaces(lang).map((ns) => load(lang, ns)));

test('zh and en have the same namespace files, core among them', () => {
  assert.deepEqual(namespaces('en'), namespaces('zh'));
  assert.ok(namespaces('zh').includes('core'));
  for (const ns of ['planner', 'indicators', 'tour']) assert.ok(namespaces('zh').includes(ns), ns);
  // no flat files left beside the namespaces
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.json')), []);
});

test('zh and en have exactly the same keys in every namespace', () => {
  for (const ns of namespaces('zh')) {
    const zh = Object.keys(load('zh', ns)).sort();
    const en = Object.keys(load('en', ns)).sort();
    assert.deepEqual(en.filter((k) => !zh.includes(k)), [], `${ns}: keys only in en`);
    assert.deepEqual(zh.filter((k) => !en.includes(k)), [], `${ns}: keys only in zh`);
  }
});

test('a namespace holds only its own keys; core holds none of another namespace', () => {
  const names = namespaces('zh');
  for (const lang of LANGS) {
    for (const ns of names) {
      for (const key of Object.keys(load(lang, ns))) {
        if (ns === 'core') assert.ok(!names.some((other) => other !== 'core' && key.startsWith(`${other}.`)), `core.json has ${key}`);
        else assert.ok(key.startsWith(`${ns}.`), `${lang}/${ns}.json has ${key}`);
      }
    }
  }
});

test('no key is defined in two namespaces', () => {
  const seen = new Map();
  for (const ns of namespaces('zh')) {
    for (const key of Object.keys(load('zh', ns))) {
      assert.ok(!seen.has(key), `${key} in ${seen.get(key)} and ${ns}`);
      seen.set(key, ns);
    }
  }
});

test('no string is empty and placeholders match', () => {
  for (const ns of namespaces('zh')) {
    const zh = load('zh', ns);
    const en = load('en', ns);
    for (const key of Object.keys(zh)) {
      assert.ok(zh[key].trim() && en[key].trim(), key);
      const ph = (s) => (s.match(/\{\w+\}/g) || []).sort().join();
      assert.equal(ph(zh[key]), ph(en[key]), `placeholders of ${key}`);
    }
  }
});

const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
  ? walk(new URL(`${e.name}/`, d)) : [new URL(e.name, d)]));
const jsFiles = () => walk(new URL('../js/', import.meta.url)).filter((f) => f.pathname.endsWith('.js'));

test('every key used in index.html and the JS modules exists', () => {
  const strings = all('zh');
  const used = new Set();
  // index.html and the staff workspace (staff.html, account stream)
  const html = ['index.html', 'staff.html'].map((page) => readFileSync(new URL(`../${page}`, import.meta.url), 'utf8')).join('\n');
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]);
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const pair of m[1].split(';')) used.add(pair.split(':')[1]);
  }
  for (const file of jsFiles()) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\bt\('([a-z][\w.-]+)'/g)) used.add(m[1]);
    for (const m of src.matchAll(/\bi18n: '([a-z][\w.-]+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 100, `found ${used.size} keys`);
  assert.deepEqual([...used].filter((k) => !(k in strings)), []);
});

test('a module using a namespace loads it (useNamespace), and no module keeps strings of its own', () => {
  const names = namespaces('zh').filter((ns) => ns !== 'core');
  const loaded = new Set();
  for (const file of jsFiles()) {
    for (const m of readFileSync(file, 'utf8').matchAll(/useNamespace\('([a-z-]+)'\)/g)) loaded.add(m[1]);
  }
  for (const ns of names) assert.ok(loaded.has(ns), `nobody loads namespace ${ns}`);
  for (const file of jsFiles()) {
    const src = readFileSync(file, 'utf8');
    assert.doesNotMatch(src, /\bzh:\s*\{[^}]*\ben:\s*\{/s, `${file.pathname} keeps a zh/en string table`);
  }
  assert.equal(existsSync(new URL('../js/indicators/strings.js', import.meta.url)), false);
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

test('every module under js/ is reachable from a page (index.html, editor.html, …: statically or through import())', () => {
  // every top-level page's module scripts are entry points
  const html = readdirSync(new URL('../', import.meta.url)).filter((f) => f.endsWith('.html'))
    .map((f) => readFileSync(new URL(`../${f}`, import.meta.url), 'utf8')).join('\n');
  const reached = new Set();
  const visit = (path) => {
    if (reached.has(path)) return;
    reached.add(path);
    const src = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
    for (const m of src.matchAll(/(?:from\s+|import\s*\(\s*|^\s*import\s+)'([^']+\.js)'/gm)) visit(posix.normalize(posix.join(posix.dirname(path), m[1])));
  };
  for (const m of html.matchAll(/<script type="module" src="([^"]+)"/g)) visit(m[1]);
  const walkJs = (d, prefix) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? walkJs(new URL(`${e.name}/`, d), `${prefix}${e.name}/`) : e.name.endsWith('.js') ? [`${prefix}${e.name}`] : []));
  const modules = walkJs(new URL('../js/', import.meta.url), 'js/');
  assert.deepEqual(modules.filter((m) => !reached.has(m)), []);
});
