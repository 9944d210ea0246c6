/**
 * UI strings. All of them live in web/i18n/{zh,en}.json (same keys; a test
 * checks). Markup names its strings with attributes:
 *   <span data-i18n="layers.title"></span>          → textContent
 *   <input data-i18n-attr="placeholder:search.placeholder;aria-label:search.label">
 * `t('search.count', {n: 3})` fills `{n}` placeholders.
 */
import { DEFAULT_LANG } from './url-state.js';

const cache = new Map();
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

/** Loads (once) and switches to a language, then re-labels `root`. */
export async function setLang(next, root = document) {
  if (!cache.has(next)) {
    const res = await fetch(`i18n/${next}.json`);
    if (!res.ok) throw new Error(`i18n ${next}: HTTP ${res.status}`);
    cache.set(next, await res.json());
  }
  strings = cache.get(next);
  lang = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  apply(root);
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
