/**
 * The Share button in the toolbar; the dialog itself (ui/share-dialog.js: link, QR code, embed code) is imported
 * on the first click, not with the page. Strings: i18n namespace `share`, loaded with the dialog.
 */
import { el, listen } from '../util/dom.js';

export function mountShare({ slot, bus, t, api, useNamespace }) {
  const button = el('button', { type: 'button', id: 'pm-btn-share', class: 'pm-btn', 'aria-haspopup': 'dialog' });
  slot.append(button);
  let dialog = null;
  const relabel = () => { button.textContent = t('toolbar.share'); };
  async function open() {
    if (!dialog) {
      const [{ mountShareDialog }] = await Promise.all([import('./share-dialog.js'), useNamespace('share')]);
      dialog = mountShareDialog({ bus, t, api, opener: button });
    }
    dialog.open();
  }
  const offs = [
    listen(button, 'click', () => { open().catch((err) => console.error('share dialog failed to load', err)); }),
    bus.on('ui:relabel', relabel),
  ];
  relabel();
  return () => { offs.forEach((off) => off()); button.remove(); };
}
