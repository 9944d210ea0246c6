/**
 * The identify picker: what the map adapter found under a click, a key press at the map centre, or a stack of
 * project sites (`map:identified {hits, point, source}`). One hit opens it; several are listed at the point —
 * name and layer, most specific first — as buttons (mouse, touch, keyboard alike); focusing or hovering one
 * highlights it on the map. Escape or × closes the list (focus goes back to the map when the keyboard opened it).
 * Names and layer titles come from the API client's cache (the layers the map drew).
 * Listens: map:identified, view:changed, ui:relabel.
 */
import { el, clear, listen } from '../util/dom.js';
import { featureName } from '../util/format.js';

export function mountIdentifyPicker({ root, map, bus, state, api, t, pick }) {
  const titles = new Map();
  const props = new Map();

  /** Layer titles and the features' properties of the collections hit (already fetched: the client caches them). */
  async function learn(hits) {
    if (!titles.size) (await api.layers().catch(() => [])).forEach((l) => titles.set(l.id, l.title));
    for (const c of new Set(hits.map((h) => h.collection))) {
      if (hits.some((h) => h.collection === c && !props.has(h.id))) {
        const fc = await api.layer(c).catch(() => null);
        for (const f of fc?.features || []) props.set(String(f.id), f.properties || {});
      }
    }
  }
  const box = el('section', { id: 'pm-identify', class: 'pm-identify', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'pm-identify-title', hidden: true });
  root.append(box);
  let last = null; // the event shown

  const name = (id) => featureName(props.get(id), state.get().lang) || id;

  function close({ refocus = false } = {}) {
    if (box.hidden) return;
    box.hidden = true;
    clear(box);
    bus.emit('features:highlight', { ids: [], fit: false });
    if (refocus) map.focus({ preventScroll: true });
    last = null;
  }

  function choose(id, source) {
    close();
    state.set({ feature: id }, { history: 'push', source: source === 'click' ? 'map' : source });
  }

  function render() {
    const { hits, point, source } = last;
    clear(box);
    const list = el('ul', { class: 'pm-identify-list' }, hits.map(({ id, collection }) => el('li', {}, el('button', {
      type: 'button', class: 'pm-identify-item', dataset: { featureId: id },
      onclick: () => choose(id, source),
      onfocus: () => bus.emit('features:highlight', { ids: [id], fit: false }),
      onmouseenter: () => bus.emit('features:highlight', { ids: [id], fit: false }),
    }, el('span', { class: 'pm-identify-name' }, name(id)),
    el('span', { class: 'pm-identify-layer' }, titles.has(collection) ? pick(titles.get(collection)) : collection)))));
    box.append(
      el('div', { class: 'pm-identify-head' },
        el('h2', { id: 'pm-identify-title' }, t(source === 'stack' ? 'identify.stacked' : 'identify.title', { n: hits.length })),
        el('button', { type: 'button', class: 'pm-btn pm-identify-close', 'aria-label': t('identify.close'), title: t('identify.close'),
          onclick: () => close({ refocus: source === 'keyboard' }) }, '×')),
      list);
    // at the point, kept inside the map
    const m = map.getBoundingClientRect();
    const r = root.getBoundingClientRect();
    box.hidden = false;
    const w = box.offsetWidth;
    const h = box.offsetHeight;
    const x = Math.min(Math.max(point.x + 12, 8), m.width - w - 8);
    const y = Math.min(Math.max(point.y - 12, 8), m.height - h - 8);
    box.style.left = `${m.left - r.left + Math.max(x, 8)}px`;
    box.style.top = `${m.top - r.top + Math.max(y, 8)}px`;
    box.querySelector('.pm-identify-item')?.focus({ preventScroll: true });
  }

  async function show(e) {
    close();
    const hits = e.hits || [];
    if (!hits.length) {
      if (e.source === 'keyboard') bus.emit('status', { message: t('identify.nothing') });
      return;
    }
    if (hits.length === 1 && e.source !== 'stack') { choose(hits[0].id, e.source); return; }
    last = e;
    await learn(hits);
    if (last !== e) return;
    render();
    bus.emit('status', { message: t(e.source === 'stack' ? 'identify.stacked' : 'identify.title', { n: hits.length }) });
  }

  const offs = [
    bus.on('map:identified', show),
    bus.on('view:changed', ({ source }) => { if (source === 'map' && last?.source !== 'keyboard') close(); }),
    bus.on('ui:relabel', () => { if (last) render(); }),
    listen(box, 'keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close({ refocus: true }); return; }
      const items = [...box.querySelectorAll('.pm-identify-item')];
      const i = items.indexOf(document.activeElement);
      const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
      if (step && i >= 0) { e.preventDefault(); items[(i + step + items.length) % items.length].focus(); }
    }),
  ];
  return () => { offs.forEach((off) => off()); box.remove(); };
}
