/**
 * The right-side panel (a bottom sheet on phones): a frame other modules
 * fill. Each module owns one `<section class="pm-panel-section"
 * data-panel="name">` inside #pm-panel and emits `panel:show {name, focus}`
 * / `panel:hide {name}`. The close button and Escape emit
 * `panel:close-requested {name}` for the shown section; its owner decides.
 */
import { listen } from '../util/dom.js';

export function mountPanel({ panel, bus }) {
  const sections = () => [...panel.querySelectorAll(':scope > .pm-panel-section')];
  let current = null;

  function show({ name, focus }) {
    for (const s of sections()) s.hidden = s.dataset.panel !== name;
    current = name;
    panel.hidden = false;
    document.body.classList.add('pm-panel-open');
    if (focus) panel.focus({ preventScroll: true });
  }

  function hide({ name }) {
    if (name && name !== current) return;
    panel.hidden = true;
    current = null;
    document.body.classList.remove('pm-panel-open');
  }

  function requestClose() {
    if (current) bus.emit('panel:close-requested', { name: current });
  }

  function onKey(e) {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (e.target.closest?.('dialog[open]')) return; // a modal dialog (share) closes itself
    if (current) { e.preventDefault(); requestClose(); return; }
    if (document.body.classList.contains('pm-sidebar-open')) { e.preventDefault(); bus.emit('sidebar:close'); }
  }

  const offs = [
    listen(panel.querySelector('.pm-panel-close'), 'click', requestClose),
    listen(document, 'keydown', onKey),
    bus.on('panel:show', show),
    bus.on('panel:hide', hide),
  ];
  return () => offs.forEach((off) => off());
}
