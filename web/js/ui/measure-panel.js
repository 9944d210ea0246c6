/**
 * The measure tool's panel (imported by ui/map-tools.js on first use): distance or area, the running result in
 * metres/kilometres and m²/ha/km² (geodesic, from map/measure-tool.js via `measure:changed`), and buttons that
 * work without a mouse: add a point at the map centre (pan with the arrow keys first), undo, clear, close.
 * Emits: measure:start {mode}, measure:mode, measure:add-centre, measure:undo, measure:clear, measure:stop.
 */
import { el, clear, listen } from '../util/dom.js';
import { formatLength, formatArea } from '../util/geodesy.js';

export function mountMeasurePanel({ bus, state, t, onClose }) {
  const panel = el('section', { id: 'pm-measure', class: 'pm-measure', 'aria-labelledby': 'pm-measure-title', hidden: true });
  document.querySelector('.pm-body').append(panel);
  let mode = 'distance';
  let reading = { count: 0, length: 0, area: null };

  function resultText() {
    const lang = state.get().lang;
    if (reading.count < 2) return t('measure.hint');
    if (mode !== 'area') return t('measure.lengthResult', { length: formatLength(reading.length, lang) });
    return reading.area == null ? t('measure.morePoints')
      : t('measure.areaResult', { area: formatArea(reading.area, lang), perimeter: formatLength(reading.length, lang) });
  }

  /** Only the result and the buttons' states: the live region stays the same node, so it is announced. */
  function update() {
    const out = panel.querySelector('.pm-measure-result');
    if (out) out.textContent = resultText();
    for (const key of ['undo', 'clear']) {
      const b = panel.querySelector(`[data-measure="${key}"]`);
      if (b) b.disabled = reading.count === 0;
    }
  }

  function render() {
    const focused = document.activeElement?.dataset?.measure;
    clear(panel);
    const radio = (m) => el('label', { class: 'pm-measure-mode' },
      el('input', { type: 'radio', name: 'pm-measure-mode', value: m, checked: mode === m }), ` ${t(`measure.${m}`)}`);
    const button = (key, action, attrs = {}) => el('button', { type: 'button', class: 'pm-btn pm-btn--small', dataset: { measure: key }, onclick: action, ...attrs }, t(`measure.${key}`));
    panel.append(
      el('div', { class: 'pm-measure-head' },
        el('h2', { id: 'pm-measure-title' }, t('measure.title')),
        el('button', { type: 'button', class: 'pm-btn pm-btn--small', dataset: { measure: 'close' }, 'aria-label': t('measure.close'), onclick: close }, '×')),
      el('fieldset', { class: 'pm-measure-modes' }, el('legend', { class: 'pm-visually-hidden' }, t('measure.title')), radio('distance'), radio('area')),
      el('p', { class: 'pm-measure-result', role: 'status', 'aria-live': 'polite' }, resultText()),
      el('div', { class: 'pm-measure-actions' },
        button('addCentre', () => bus.emit('measure:add-centre')),
        button('undo', () => bus.emit('measure:undo')),
        button('clear', () => bus.emit('measure:clear'))),
      el('p', { class: 'pm-note' }, t('measure.geodesic')));
    update();
    if (focused) panel.querySelector(`[data-measure="${focused}"]`)?.focus();
  }

  function open() {
    panel.hidden = false;
    reading = { count: 0, length: 0, area: null };
    render();
    bus.emit('measure:start', { mode });
    panel.querySelector('input[type=radio]:checked')?.focus();
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    bus.emit('measure:stop');
    onClose?.();
  }

  const offs = [
    listen(panel, 'change', (e) => {
      if (e.target.name !== 'pm-measure-mode') return;
      mode = e.target.value;
      bus.emit('measure:mode', { mode });
      update();
    }),
    listen(panel, 'keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); } }),
    bus.on('measure:changed', (r) => { reading = r; if (!panel.hidden) update(); }),
    bus.on('ui:relabel', () => { if (!panel.hidden) render(); }),
  ];
  return { open, close, isOpen: () => !panel.hidden, destroy() { close(); offs.forEach((off) => off()); panel.remove(); } };
}
