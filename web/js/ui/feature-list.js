/**
 * The non-map alternative: every feature as a button, grouped by layer in
 * layer order; activating one selects it and flies the map to it.
 * Listens: layers:loaded, features:loaded {collection, features}, feature:selected, ui:relabel.
 */
import { el, clear } from '../util/dom.js';
import { featureName } from '../util/format.js';

export function mountFeatureList({ root, bus, state, t, pick }) {
  let layers = [];
  const byLayer = new Map();

  function render() {
    clear(root);
    root.append(el('h2', { class: 'pm-h2' }, t('list.title')));
    const lang = state.get().lang;
    const selected = state.get().feature;
    for (const layer of layers) {
      const features = byLayer.get(layer.id);
      if (!features) continue;
      const headId = `pm-list-h-${layer.id}`;
      const ul = el('ul', { class: 'pm-feature-list', 'aria-labelledby': headId });
      const sorted = [...features].sort((a, b) => String(a.properties?.name).localeCompare(String(b.properties?.name), 'zh'));
      for (const f of sorted) {
        const id = String(f.id);
        ul.append(el('li', {}, el('button', {
          type: 'button', class: 'pm-linkish', dataset: { featureId: id },
          'aria-current': id === selected ? 'true' : null,
          onclick: () => state.set({ feature: id }, { history: 'push', focus: true }),
        }, featureName(f.properties, lang) || id)));
      }
      root.append(el('h3', { class: 'pm-h3', id: headId }, `${pick(layer.title) || layer.id} (${features.length})`), ul);
    }
  }

  const offs = [
    bus.on('layers:loaded', (e) => { layers = e.layers; render(); }),
    bus.on('features:loaded', ({ collection, features }) => { byLayer.set(collection, features); }),
    bus.on('layers:drawn', render),
    bus.on('feature:selected', () => {
      const sel = state.get().feature;
      for (const b of root.querySelectorAll('button[data-feature-id]')) {
        if (b.dataset.featureId === sel) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
      }
    }),
    bus.on('ui:relabel', render),
  ];
  return () => { offs.forEach((off) => off()); clear(root); };
}
