/**
 * One search box for places, plan text and indicators (/api/search?q=),
 * an ARIA 1.2 combobox with a grouped listbox: ↑/↓ move, Enter chooses
 * (the first result if none is active), Escape closes the list (a second
 * Escape bubbles up and closes the panel). Choosing a feature selects and
 * flies to it; a section or an indicator opens it in the reader.
 */
import { el, clear, listen } from '../util/dom.js';

const KINDS = ['feature', 'section', 'indicator'];

export function mountSearchBox({ root, bus, state, api, t }) {
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
    for (const kind of KINDS) {
      const items = results.filter((r) => r.kind === kind);
      if (!items.length) continue;
      const head = el('div', { id: `pm-search-h-${kind}`, class: 'pm-search-group', role: 'presentation' }, t(`search.kind.${kind}`));
      const group = el('div', { role: 'group', 'aria-labelledby': head.id }, head);
      for (const r of items) {
        const index = results.indexOf(r);
        group.append(el('div', {
          id: `pm-search-opt-${i++}`, role: 'option', class: 'pm-search-option', dataset: { index },
          'aria-selected': String(index === active),
          onmousedown: (e) => e.preventDefault(),
          onclick: () => choose(index),
        }, el('span', { class: 'pm-search-title' }, (state.get().lang === 'en' && r.titleEn) || r.title || r.id),
        r.snippet ? el('span', { class: 'pm-search-snippet' }, r.snippet) : null));
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
      results = KINDS.flatMap((k) => (res.results || []).filter((r) => r.kind === k));
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
      state.set({ section }, { history: 'push', paragraphId: r.paragraphId || null });
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
  ];
  relabel();
  return () => { offs.forEach((off) => off()); clear(root); };
}
