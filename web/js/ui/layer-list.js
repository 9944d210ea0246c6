/**
 * Layer toggles grouped as the plan groups them (the `group` of /api/layers), written to the state's `layers`
 * (and so the URL). Each toggle carries its legend: the layer's swatch from map/styles.js (the table the map
 * draws from), and for the zones one row per zone colour.
 * Listens: layers:loaded {layers}, layers:changed, ui:relabel.
 */
import { el, clear, listen } from '../util/dom.js';
import { groupLayers } from '../util/format.js';
import { legendEntries } from '../map/styles.js';
import { swatch } from '../util/swatch.js';

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
        const entries = layer.id === 'project-sites' ? [] : legendEntries(layer.id);
        const own = entries.length === 1 ? swatch(entries[0].swatch) : null;
        fs.append(el('div', { class: 'pm-check' },
          el('input', { type: 'checkbox', id, value: layer.id, checked: visible.includes(layer.id) }),
          el('label', { for: id }, own, pick(layer.title) || layer.id,
            el('span', { class: 'pm-count' }, ` (${layer.count ?? '–'})`))));
        if (entries.length > 1) {
          fs.append(el('ul', { class: 'pm-legend pm-legend--sub', 'aria-label': pick(layer.title) || layer.id },
            entries.map((e) => el('li', {}, swatch(e.swatch), t(e.key)))));
        }
        if (layer.id === 'project-sites') fs.append(el('p', { class: 'pm-note pm-legend-pointer' }, t('legend.columnsBelow')));
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
