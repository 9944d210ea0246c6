/**
 * The plan reader: a table of contents (parts, chapters, sections, columns,
 * tables) and, when a section is open, its text (see reader-section.js).
 * Every entry is a real link (`#…&s=id`) so it can be opened in a new tab.
 * Listens: section:opened {id, paragraphId}, ui:relabel. Emits: toc:loaded {toc}.
 */
import { el, clear } from '../util/dom.js';
import { encodeHash } from '../core/url-state.js';
import { renderSection } from './reader-section.js';
import { nodeTitle } from '../util/format.js';

export function mountReader({ root, bus, state, api, t, pick }) {
  let toc = null;
  let node = null;
  let token = 0;

  const open = (id, paragraphId) => state.set({ section: id }, { history: 'push', paragraphId });
  const link = (id, ...content) => el('a', {
    href: encodeHash({ ...state.get(), section: id }),
    onclick: (e) => { e.preventDefault(); open(id); },
  }, ...content);

  const label = (n) => nodeTitle(n, state.get().lang);

  function tocList(nodes, depth) {
    const ul = el('ul', { class: `pm-toc pm-toc--${depth}` });
    for (const n of nodes || []) {
      const li = el('li', { class: `pm-toc-${n.kind || 'node'}` });
      if (n.children?.length && depth === 0) {
        li.append(el('details', {}, el('summary', {}, label(n)), link(n.id, t('reader.openPart')), tocList(n.children, depth + 1)));
      } else {
        li.append(link(n.id, label(n)));
        if (n.children?.length) li.append(tocList(n.children, depth + 1));
      }
      ul.append(li);
    }
    return ul;
  }

  function render(paragraphId) {
    clear(root);
    if (node) {
      root.append(renderSection(node, {
        t, pick, link, label, toc: () => open(null),
        selectFeature: (id) => state.set({ feature: id }, { history: 'push', focus: true }),
        showOnMap: (ids) => bus.emit('features:highlight', { ids, fit: true }),
      }));
      const target = paragraphId && document.getElementById(`pm-${paragraphId}`);
      if (target) { target.classList.add('pm-para--target'); target.scrollIntoView({ block: 'center' }); }
      else root.scrollTop = 0;
      return;
    }
    root.append(el('h2', { class: 'pm-h2' }, t('reader.toc')));
    if (!toc) root.append(el('p', { class: 'pm-note' }, t(toc === null ? 'reader.loading' : 'reader.unavailable')));
    else root.append(tocList(toc, 0));
  }

  async function show({ id, paragraphId }) {
    const mine = ++token;
    bus.emit('features:highlight', { ids: [], fit: false });
    if (!id) { node = null; render(); return; }
    try {
      const n = await api.planNode(id);
      if (mine !== token) return;
      node = n;
      if (n.kind === 'table' && !n.table) {
        const all = await api.indicators().catch(() => null);
        node = { ...n, table: all?.tables?.find((tb) => tb.id === n.id) || null };
      }
    } catch {
      if (mine !== token) return;
      node = { id, title: id, paragraphs: [{ id: `${id}-missing`, text: t('reader.notFound', { id }) }] };
    }
    render(paragraphId);
  }

  const offs = [
    bus.on('section:opened', show),
    bus.on('ui:relabel', () => render()),
  ];
  api.toc().then((tree) => {
    toc = Array.isArray(tree) ? tree : tree?.toc || [];
    bus.emit('toc:loaded', { toc });
    if (!node) render();
  })
    .catch(() => { toc = false; if (!node) render(); });
  render();
  return () => { offs.forEach((off) => off()); clear(root); };
}
