/**
 * The sidebar's tabs (layers / plan / list, ARIA tabs with arrow keys) and,
 * on phones, the button that opens the sidebar as a bottom sheet. Opening a
 * plan section shows the plan tab; `sidebar:show {tab}` shows any tab.
 */
import { listen } from '../util/dom.js';

export function mountSidebarTabs({ sidebar, toggle, bus }) {
  const tabs = [...sidebar.querySelectorAll('[role="tab"]')];

  function show(name, { focus = false } = {}) {
    for (const tab of tabs) {
      const on = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !on;
      if (on && focus) tab.focus();
    }
  }

  function setOpen(open) {
    document.body.classList.toggle('pm-sidebar-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  }

  function onKey(e) {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (step) {
      e.preventDefault();
      show(tabs[(i + step + tabs.length) % tabs.length].dataset.tab, { focus: true });
    }
  }

  const offs = [
    ...tabs.map((tab) => listen(tab, 'click', () => show(tab.dataset.tab))),
    listen(sidebar, 'keydown', onKey),
    listen(toggle, 'click', () => setOpen(!document.body.classList.contains('pm-sidebar-open'))),
    bus.on('sidebar:show', ({ tab, open = true }) => { show(tab); if (open) setOpen(true); }),
    bus.on('sidebar:close', () => setOpen(false)),
    bus.on('section:opened', ({ id }) => { if (id) show('plan'); }),
  ];
  show('layers');
  setOpen(false);
  return () => offs.forEach((off) => off());
}
