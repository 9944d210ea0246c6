/**
 * Base-map choice: the plain offline base, and online tiles only when the
 * configuration enables them (GET /api/config; missing → offline only).
 * Listens: config:loaded {config, bases}, base:changed, ui:relabel.
 */
import { el, clear, listen } from '../util/dom.js';

export function mountBaseSwitch({ root, bus, state, t }) {
  let bases = ['plain'];

  function render() {
    clear(root);
    const fs = el('fieldset', { class: 'pm-layer-group' }, el('legend', {}, t('base.title')));
    for (const b of bases) {
      const id = `pm-base-${b}`;
      fs.append(el('div', { class: 'pm-check' },
        el('input', { type: 'radio', name: 'pm-base', id, value: b, checked: state.get().base === b }),
        el('label', { for: id }, t(`base.${b}`))));
    }
    if (bases.length === 1) fs.append(el('p', { class: 'pm-note' }, t('base.offlineOnly')));
    root.append(fs);
  }

  const offs = [
    listen(root, 'change', (e) => state.set({ base: e.target.value }, { history: 'push' })),
    bus.on('config:loaded', (e) => { bases = e.bases; render(); }),
    bus.on('base:changed', render),
    bus.on('ui:relabel', render),
  ];
  render();
  return () => { offs.forEach((off) => off()); clear(root); };
}
