/**
 * On a phone the header is one row — short title, search, the layers button and a menu button; the other header
 * buttons (#pm-menu: the toolbar slot, About, language) open from the menu button as a drop-down. On wider
 * screens #pm-menu is laid out inline and the menu button is hidden (CSS). The menu closes on Escape, on a click
 * outside it, and after one of its buttons is used.
 */
import { listen } from '../util/dom.js';

export function mountHeaderMenu({ toggle, menu }) {
  function setOpen(open, { refocus = false } = {}) {
    document.body.classList.toggle('pm-menu-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    if (open) menu.querySelector('button:not([hidden])')?.focus();
    else if (refocus) toggle.focus();
  }
  const isOpen = () => document.body.classList.contains('pm-menu-open');
  const offs = [
    listen(toggle, 'click', () => setOpen(!isOpen())),
    listen(menu, 'click', (e) => { if (isOpen() && e.target.closest('button')) setOpen(false); }),
    // capture: the menu closes first, and the panel (which skips handled keys) stays open
    listen(document, 'keydown', (e) => { if (e.key === 'Escape' && isOpen()) { e.preventDefault(); setOpen(false, { refocus: true }); } }, true),
    listen(document, 'pointerdown', (e) => { if (isOpen() && !menu.contains(e.target) && !toggle.contains(e.target)) setOpen(false); }),
  ];
  setOpen(false);
  return () => offs.forEach((off) => off());
}
