/**
 * The minimal embed mode (the page served at `/embed`, for an <iframe>): body class `pm-embed` hides the header,
 * the sidebar and the tools (CSS); this adds the one thing kept besides the map — the legend, folded into a
 * corner — and a link that opens the full map at the same view in a new tab.
 * Listens: ui:relabel. The link takes the view at the moment it is followed.
 */
import { el, listen } from '../util/dom.js';

/** The full map's URL for an embed URL: the page next to `embed`, with the same hash. */
export function fullMapUrl(href) {
  const url = new URL(href);
  const full = new URL('./', url);
  full.hash = url.hash;
  return full.href;
}

export function mountEmbed({ root, bus, t, mountLegend }) {
  const legendRoot = el('div', { id: 'pm-embed-legend' });
  const open = el('a', { class: 'pm-embed-open', target: '_blank', rel: 'noopener' });
  const summary = el('summary');
  const bar = el('aside', { class: 'pm-embed-bar' }, open, el('details', { class: 'pm-embed-details' }, summary, legendRoot));
  root.append(bar);
  const teardownLegend = mountLegend(legendRoot);
  const relabel = () => {
    open.textContent = `${t('embed.open')} ↗`;
    summary.textContent = t('legend.title');
    bar.setAttribute('aria-label', t('embed.label'));
  };
  const link = () => { open.href = fullMapUrl(location.href); };
  const offs = [
    bus.on('ui:relabel', relabel),
    listen(open, 'click', link), // before the browser follows it: the hash url-sync wrote last
    listen(open, 'focus', link),
  ];
  relabel();
  link();
  return () => { offs.forEach((off) => off()); teardownLegend(); bar.remove(); };
}
