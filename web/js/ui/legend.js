/**
 * The legend: how accuracy is drawn and the 专栏 colours of project sites (titles from the table of contents
 * when it has loaded); with `layers: true` (the embed mode, which has no layer list) also one row per loaded
 * layer. In the layers tab the layer swatches sit next to the toggles (ui/layer-list.js). Swatches come from
 * map/styles.js, the same table the map draws from.
 * Listens: layers:loaded, toc:loaded, ui:relabel.
 */
import { el, clear } from '../util/dom.js';
import { legendEntries, COLUMN_COLOURS } from '../map/styles.js';
import { swatch } from '../util/swatch.js';

export function mountLegend({ root, bus, state, t, pick, layers: withLayers = false }) {
  let layers = [];
  let columnTitles = new Map();

  function render() {
    clear(root);
    root.append(el('h2', { class: 'pm-h2' }, t('legend.title')));
    const list = el('ul', { class: 'pm-legend' });
    for (const layer of withLayers ? layers : []) {
      if (layer.id === 'project-sites') continue;
      for (const entry of legendEntries(layer.id)) {
        list.append(el('li', {}, swatch(entry.swatch), entry.key ? t(entry.key) : pick(layer.title)));
      }
    }
    list.append(
      el('li', {}, swatch({ fill: '#ccc', stroke: '#555' }), t('legend.surveyed')),
      el('li', {}, swatch({ fill: 'transparent', stroke: '#555', dashed: true }), t('legend.indicative')),
    );
    root.append(list);
    if (layers.some((l) => l.id === 'project-sites')) {
      root.append(el('h3', { class: 'pm-h3' }, t('legend.columns')));
      const cols = el('ul', { class: 'pm-legend pm-legend--columns' });
      COLUMN_COLOURS.forEach((colour, i) => {
        const badge = el('span', { class: 'pm-badge pm-badge--static', 'aria-hidden': 'true' }, String(i + 1));
        badge.style.setProperty('--pm-colour', colour);
        const col = columnTitles.get(`col-${i + 1}`);
        const title = col && (state.get().lang === 'en' && col.titleEn ? col.titleEn : String(col.title || '').replace(/^专栏\s*\d+\s*[：:]\s*/, ''));
        cols.append(el('li', {}, badge, t('legend.column', { n: i + 1 }), title ? ` ${title}` : ''));
      });
      const hollow = el('span', { class: 'pm-badge pm-badge--static pm-badge--hollow', 'aria-hidden': 'true' }, '•');
      hollow.style.setProperty('--pm-colour', '#444');
      cols.append(el('li', {}, hollow, t('legend.hollow')));
      root.append(cols);
    }
  }

  function collectColumns(nodes) {
    for (const n of nodes || []) {
      if (n.kind === 'column') columnTitles.set(n.id, n);
      collectColumns(n.children);
    }
  }

  const offs = [
    bus.on('layers:loaded', (e) => { layers = e.layers; render(); }),
    bus.on('toc:loaded', ({ toc }) => { columnTitles = new Map(); collectColumns(toc); render(); }),
    bus.on('ui:relabel', render),
  ];
  return () => { offs.forEach((off) => off()); clear(root); };
}
