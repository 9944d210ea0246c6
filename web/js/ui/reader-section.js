/**
 * Renders one plan node for the reader: title, "show on map", paragraphs with
 * every mapped place name as a button (from `mentions` offsets), a column's
 * items, a table as a real <table>, and links to the node's children.
 * Pure DOM building from data with textContent; no state of its own.
 */
import { el } from '../util/dom.js';
import { splitMentions } from '../util/highlight.js';
import { tableModel } from '../util/format.js';

export function renderSection(node, { t, pick, link, toc, selectFeature, showOnMap }) {
  const article = el('article', { class: 'pm-section', 'aria-labelledby': 'pm-section-title' });
  const title = `${node.number != null && !String(pick(node.title)).startsWith(String(node.number)) ? `${node.number} ` : ''}${pick(node.title) || node.id}`;
  const nav = el('div', { class: 'pm-section-nav' },
    el('button', { type: 'button', class: 'pm-btn pm-btn--small', onclick: toc }, t('reader.backToToc')));
  if (node.parentId) nav.append(link(node.parentId, t('reader.up')));
  article.append(nav, el('h2', { class: 'pm-h2', id: 'pm-section-title', tabindex: '-1' }, title));

  const featureIds = (node.features || []).map((f) => f.id);
  if (featureIds.length) {
    article.append(el('button', {
      type: 'button', class: 'pm-btn pm-show-on-map', onclick: () => showOnMap(featureIds),
    }, t('reader.showOnMap', { n: featureIds.length })));
  }

  for (const para of node.paragraphs || []) {
    const p = el('p', { class: 'pm-para', id: `pm-${para.id}` });
    for (const seg of splitMentions(para.text, para.mentions)) {
      if (!seg.featureId) { p.append(seg.text); continue; }
      p.append(el('button', {
        type: 'button', class: 'pm-mention', dataset: { featureId: seg.featureId },
        onclick: () => selectFeature(seg.featureId),
      }, seg.text));
    }
    article.append(p);
  }

  const items = node.column?.items;
  if (Array.isArray(items) && items.length) {
    const ul = el('ul', { class: 'pm-column-items' });
    for (const item of items) {
      const text = typeof item === 'string' ? item : pick(item.text || item.name || item.title) || item.id;
      const fid = item.featureId;
      ul.append(el('li', {}, fid
        ? el('button', { type: 'button', class: 'pm-mention', dataset: { featureId: fid }, onclick: () => selectFeature(fid) }, text)
        : text));
    }
    article.append(ul);
  }

  if (node.table) article.append(renderTable(node.table, t, pick));

  if (node.children?.length) {
    const ul = el('ul', { class: 'pm-children' });
    for (const c of node.children) {
      const id = typeof c === 'string' ? c : c.id;
      ul.append(el('li', {}, link(id, typeof c === 'string' ? c : `${c.number != null && !String(pick(c.title)).startsWith(String(c.number)) ? `${c.number} ` : ''}${pick(c.title) || id}`)));
    }
    article.append(el('h3', { class: 'pm-h3' }, t('reader.contents')), ul);
  }
  return article;
}

function renderTable(table, t, pick) {
  const model = tableModel(table);
  const label = (c) => { const k = `table.col.${c}`; return t(k) === k ? c : t(k); };
  const wrap = el('div', { class: 'pm-table-wrap', tabindex: '0', role: 'region', 'aria-label': pick(table.title) || t('reader.table') });
  const tbl = el('table', { class: 'pm-table' });
  if (table.title) tbl.append(el('caption', {}, pick(table.title)));
  tbl.append(el('thead', {}, el('tr', {}, model.columns.map((c) => el('th', { scope: 'col' }, label(c))))));
  tbl.append(el('tbody', {}, model.rows.map((r) => el('tr', {}, r.map((cell) => el('td', {}, cell))))));
  wrap.append(tbl);
  return wrap;
}
