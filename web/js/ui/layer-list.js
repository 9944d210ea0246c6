/**
 * Layer toggles grouped as the plan groups them (the `group` of
 * /api/layers), written to the state's `layers` (and so the URL).
 * Listens: layers:loaded {layers}, layers:changed, ui:relabel.
 */
import { el, clear, listen } from '../util/dom.js';
import { groupLayers } from '../util/format.js';

export function mountLayerList({ root, bus, state, t, pick }) {
  let layers = [];

  function render() {
    clear(root);
    root.append(el('h2', { class: 'pm-h2' }, t('layers.title')));
    const visible = state.get().layers;
    for (const { group, layers: items } of groupLayers(layers)) {
      const key = `group.${group}`;
      const label = t(key) === key ? group : t(key);
      const fs = el('fieldset', { class: 'pm-layer-group' }, el('legend', {}, label));
      for (const layer of items) {
        const id = `pm-layer-${layer.id}`;
        fs.append(el('div', { class: 'pm-check' },
          el('input', { type: 'checkbox', id, value: layer.id, checked: visible.includes(layer.id) }),
          el('label', { for: id }, pick(layer.title) || layer.id,
            el('span', { class: 'pm-count' }, ` (${layer.count ?? '–'})`))));
      }
      root.append(fs);
    }
  }

  function sync({ layers: visible }) {
    for (const box of root.querySelectorAll('input[type=checkbox]')) box.checked = visible.includes(box.value);
  }

  function onChange(e) {
    if (e.target.type !== 'checkbox') return;
    const checked = [...root.querySelectorAll('input[type=checkbox]:checked')].map((b) => b.value);
    state.set({ layers: checked }, { history: 'push', source: 'layer-list' });
  }

  const offs = [
    listen(root, 'change', onChange),
    bus.on('layers:loaded', (e) => { layers = e.layers; render(); }),
    bus.on('layers:changed', sync),
    bus.on('ui:relabel', render),
  ];
  return () => { offs.forEach((off) => off()); clear(root); };
}
