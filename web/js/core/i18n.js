/**
 * UI strings: one system for every module. Strings live in per-module namespace files
 * `web/i18n/{zh,en}/<namespace>.json` (core, planner, indicators, tour, share, …): zh and en have the same keys,
 * and every key of `<namespace>.json` starts with `<namespace>.` except in `core.json` (a node test checks all of
 * it), so streams add strings in their own files without touching anyone else's.
 *
 * `core` is loaded with the page. A module loads its namespace before it renders, and it is then reloaded
 * with every language switch:
 *   await useNamespace('planner');           // loads i18n/<lang>/planner.json once per language
 *   t('planner.title');
 * Markup names its strings with attributes:
 *   <span data-i18n="layers.title"></span>          → textContent
 *   <input data-i18n-attr="placeholder:search.placeholder;aria-label:search.label">
 * `t('search.count', {n: 3})` fills `{n}` placeholders; a missing key comes back as the key itself.
 */
import { DEFAULT_LANG } from './url-state.js';

const files = new Map(); // `${lang}/${namespace}` → Promise<object>
const namespaces = new Set(['core']);
let strings = {};
let lang = DEFAULT_LANG;

/** Fills `{name}` placeholders; unknown keys come back as the key itself. */
export function format(template, vars = {}) {
  return String(template).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

export function t(key, vars) {
  return format(key in strings ? strings[key] : key, vars);
}

export function currentLang() {
  return lang;
}

function load(language, namespace) {
  const key = `${language}/${namespace}`;
  if (!files.has(key)) {
    const p = fetch(`i18n/${language}/${namespace}.json`).then((res) => {
      if (!res.ok) throw new Error(`i18n ${key}: HTTP ${res.status}`);
      return res.json();
    });
    files.set(key, p);
    p.catch(() => files.delete(key));
  }
  return files.get(key);
}

async function merged(language) {
  const parts = await Promise.all([...namespaces].map((ns) => load(language, ns)));
  return Object.assign({}, ...parts);
}

/** Loads (once) and switches to a language with every namespace in use, then re-labels `root`. */
export async function setLang(next, root = document) {
  let table;
  let count;
  do { // a namespace added while loading is loaded too
    count = namespaces.size;
    table = await merged(next);
  } while (count !== namespaces.size);
  strings = table;
  lang = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  apply(root);
}

/**
 * Adds a namespace (`web/i18n/<lang>/<namespace>.json`) to the strings: loaded now for the current language
 * and with every later language switch. Resolves when its strings are in.
 */
export async function useNamespace(namespace) {
  if (!/^[a-z][a-z0-9-]*$/.test(namespace)) throw new Error(`bad i18n namespace: ${namespace}`);
  namespaces.add(namespace);
  for (;;) {
    const language = lang;
    const table = await load(language, namespace);
    if (language === lang) { strings = { ...strings, ...table }; return; }
  }
}

/** Applies data-i18n and data-i18n-attr under root (the root itself included). */
export function apply(root = document) {
  const all = (sel) => [
    ...(root.matches && root.matches(sel) ? [root] : []),
    ...root.querySelectorAll(sel),
  ];
  for (const el of all('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of all('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}

/** Picks the language's string from a `{zh, en}` object (falls back to the other). */
export function pick(obj) {
  if (obj == null || typeof obj !== 'object') return obj == null ? '' : String(obj);
  return obj[lang] || obj.zh || obj.en || '';
}
