/**
 * The share dialog (a modal <dialog>): the link to this exact view (copy), its QR code (SVG made by the server
 * with ZXing, GET api/qr) and the code to embed the map in another page (an <iframe> of `/embed`, the minimal
 * map + legend mode). Imported by ui/share.js on first use; strings in the `share` namespace.
 */
import { el, clear, listen } from '../util/dom.js';

/** The embed URL of a page URL: `embed` next to the page (so a sub-path is kept), with the same hash. */
export function embedUrl(href) {
  const url = new URL(href);
  const hash = url.hash;
  const target = new URL('embed', url.pathname.endsWith('/embed') ? url : new URL('./', url));
  target.hash = hash;
  return target.href;
}

/** The <iframe> code for an embed URL (attributes escaped: the URL and title are put in as text). */
export function embedCode(src, title) {
  const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attr(src)}" width="800" height="600" style="border:0" title="${attr(title)}" loading="lazy" allow="geolocation; fullscreen"></iframe>`;
}

export function mountShareDialog({ bus, t, api, opener }) {
  const dialog = el('dialog', { id: 'pm-share', class: 'pm-share', 'aria-labelledby': 'pm-share-title' });
  document.body.append(dialog);

  async function copy(text, input, done) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      input.select();
      document.execCommand?.('copy');
    }
    done.textContent = t('share.copied');
  }

  function render() {
    clear(dialog);
    const link = location.href;
    const embed = embedCode(embedUrl(link), t('app.title'));
    const linkInput = el('input', { type: 'text', id: 'pm-share-link', class: 'pm-share-input', readonly: true, value: link });
    const embedInput = el('textarea', { id: 'pm-share-embed', class: 'pm-share-input', readonly: true, rows: '3' }, embed);
    const linkDone = el('span', { class: 'pm-share-done', role: 'status' });
    const embedDone = el('span', { class: 'pm-share-done', role: 'status' });
    dialog.append(
      el('div', { class: 'pm-share-head' },
        el('h2', { id: 'pm-share-title' }, t('share.title')),
        el('button', { type: 'button', class: 'pm-btn pm-share-close', 'aria-label': t('share.close'), title: t('share.close'), onclick: () => dialog.close() }, '×')),
      el('p', { class: 'pm-note' }, t('share.explain')),
      el('label', { for: 'pm-share-link' }, t('share.link')),
      el('div', { class: 'pm-share-row' }, linkInput,
        el('button', { type: 'button', class: 'pm-btn pm-share-copy', onclick: () => copy(link, linkInput, linkDone) }, t('share.copy'))),
      linkDone,
      el('figure', { class: 'pm-share-qr' },
        el('img', { src: api.url('api/qr', { text: link }), alt: t('share.qrAlt'), width: '180', height: '180' }),
        el('figcaption', {}, t('share.qr'))),
      el('label', { for: 'pm-share-embed' }, t('share.embed')),
      embedInput,
      el('div', { class: 'pm-share-row' },
        el('button', { type: 'button', class: 'pm-btn pm-share-copy-embed', onclick: () => copy(embed, embedInput, embedDone) }, t('share.copyEmbed')),
        el('a', { href: embedUrl(link), target: '_blank', rel: 'noopener' }, t('share.preview'))),
      embedDone);
  }

  const offs = [
    listen(dialog, 'close', () => opener?.focus()),
    listen(dialog, 'click', (e) => { if (e.target === dialog) dialog.close(); }), // a click on the backdrop
    bus.on('ui:relabel', () => { if (dialog.open) render(); }),
  ];
  return {
    open() {
      render();
      dialog.showModal();
      dialog.querySelector('.pm-share-copy')?.focus();
    },
    close: () => dialog.close(),
    destroy() { offs.forEach((off) => off()); dialog.remove(); },
  };
}
