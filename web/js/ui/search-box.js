/**
 * One search box for places, plan text and indicators (/api/search?q=),
 * an ARIA 1.2 combobox with a grouped listbox: ↑/↓ move, Enter chooses
 * (the first result if none is active), Escape closes the list (a second
 * Escape bubbles up and closes the panel). Choosing a feature selects it and
 * the map frames it with its surroundings; a section, a paragraph of the text
 * or an indicator opens it in the reader.
 * Ranking and merging are the server's; the list still shows each place once
 * (rows with the same name, layer and extent are one) and names its layer, so
 * two places with one name can be told apart. Matches are marked in the snippet.
 */
import { el, clear, listen } from '../util/dom.js';

// the group each kind of result is listed under (feature, section, text, indicator), groups in display order
const GROUP = { feature: 'feature', section: 'section', text: 'section', indicator: 'indicator' };
const GROUPS = ['feature', 'section', 'indicator'];

/** One row per place: results with the same kind, title, layer and extent (to ~10 m) are the same place. */
export function mergeResults(results) {
  const seen = new Set();
  return results.filter((r) => {
    const box = Array.isArray(r.bbox) ? r.bbox.map((v) => Number(v).toFixed(4)).join(',') : '';
    const key = [r.kind, r.title, r.collection || r.sectionId || '', box].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Snippet text split at the server's [start, end) highlights into text and <mark> nodes. */
function marked(snippet, highlights) {
  const out = [];
  let at = 0;
  for (const [a, b] of [...(highlights || [])].sort((x, y) => x[0] - y[0])) {
    if (!(a >= at && b > a && b <= snippet.length)) continue;
    out.push(snippet.slice(at, a), el('mark', {}, snippet.slice(a, b)));
    at = b;
  }
  out.push(snippet.slice(at));
  return out;
}

export function mountSearchBox({ root, bus, state, api, t, pick }) {
  const layerTitles = new Map();
  const input = el('input', {
    type: 'search', id: 'pm-search-input', class: 'pm-search-input', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'pm-search-list', autocomplete: 'off',
  });
  const list = el('div', { id: 'pm-search-list', class: 'pm-search-list', role: 'listbox', hidden: true });
  const label = el('label', { for: 'pm-search-input', class: 'pm-visually-hidden' });
  root.append(label, input, list);
  let results = [];
  let active = -1;
  let timer = 0;
  let token = 0;

  function relabel() {
    label.textContent = t('search.label');
    input.placeholder = t('search.placeholder');
    list.setAttribute('aria-label', t('search.results'));
    if (!list.hidden) render();
  }

  function setOpen(open) {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) { active = -1; input.removeAttribute('aria-activedescendant'); }
  }

  function render() {
    clear(list);
    let i = 0;
    for (const kind of GROUPS) {
      const items = results.filter((r) => GROUP[r.kind] === kind);
      if (!items.length) continue;
      const head = el('div', { id: `pm-search-h-${kind}`, class: 'pm-search-group', role: 'presentation' }, t(`search.kind.${kind}`));
      const group = el('div', { role: 'group', 'aria-labelledby': head.id }, head);
      for (const r of items) {
        const index = results.indexOf(r);
        const title = (state.get().lang === 'en' && r.titleEn) || r.title || r.id;
        const layer = r.kind === 'feature' && layerTitles.has(r.collection) ? pick(layerTitles.get(r.collection)) : null;
        const snippet = r.snippet && r.snippet !== r.title ? r.snippet : null;
        group.append(el('div', {
          id: `pm-search-opt-${i++}`, role: 'option', class: 'pm-search-option', dataset: { index, kind: r.kind, id: r.id },
          'aria-selected': String(index === active),
          onmousedown: (e) => e.preventDefault(),
          onclick: () => choose(index),
        }, el('span', { class: 'pm-search-title' }, title),
        layer ? el('span', { class: 'pm-search-layer' }, layer) : null,
        snippet ? el('span', { class: 'pm-search-snippet' }, marked(snippet, r.highlights)) : null));
      }
      list.append(group);
    }
    if (!results.length) list.append(el('div', { class: 'pm-search-empty', role: 'presentation' }, t('search.none')));
    const opt = list.querySelector(`[data-index="${active}"]`);
    if (opt) { input.setAttribute('aria-activedescendant', opt.id); opt.scrollIntoView({ block: 'nearest' }); }
    else input.removeAttribute('aria-activedescendant');
  }

  async function run(q) {
    const mine = ++token;
    if (!q.trim()) { results = []; setOpen(false); return; }
    try {
      const res = await api.search(q.trim());
      if (mine !== token) return;
      results = mergeResults(GROUPS.flatMap((g) => (res.results || []).filter((r) => GROUP[r.kind] === g)));
    } catch {
      if (mine !== token) return;
      results = [];
    }
    active = -1;
    setOpen(true);
    render();
    bus.emit('status', { message: t('search.count', { n: results.length }) });
  }

  function choose(index) {
    const r = results[index];
    if (!r) return;
    setOpen(false);
    if (r.kind === 'feature') state.set({ feature: r.id }, { history: 'push', focus: true, source: 'search' });
    else {
      const section = r.sectionId || (r.kind === 'indicator' ? String(r.id).replace(/-row-\d+$/, '') : r.id);
      const paragraphId = r.paragraphId || (r.kind === 'text' ? r.id : null);
      state.set({ section }, { history: 'push', paragraphId });
      bus.emit('sidebar:show', { tab: 'plan' });
    }
  }

  // results in display order (grouped), so ↑/↓ follow what is seen
  function step(delta) {
    if (!results.length) return;
    if (list.hidden) setOpen(true);
    active = active < 0 && delta < 0 ? results.length - 1 : (active + delta + results.length) % results.length;
    render();
  }

  function onKey(e) {
    if (e.key === 'ArrowDown') { e.preventDefault(); step(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); step(-1); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (timer) { clearTimeout(timer); timer = 0; run(input.value).then(() => choose(Math.max(active, 0))); }
      else choose(Math.max(active, 0));
    } else if (e.key === 'Escape' && !list.hidden) { e.preventDefault(); e.stopPropagation(); setOpen(false); }
  }

  const offs = [
    listen(input, 'input', () => { clearTimeout(timer); timer = setTimeout(() => { timer = 0; run(input.value); }, 200); }),
    listen(input, 'keydown', onKey),
    listen(input, 'blur', () => setTimeout(() => setOpen(false), 150)),
    bus.on('ui:relabel', relabel),
    bus.on('layers:loaded', ({ layers }) => layers.forEach((l) => layerTitles.set(l.id, l.title))),
  ];
  relabel();
  return () => { offs.forEach((off) => off()); clear(root); };
}
