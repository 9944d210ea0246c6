/**
 * Renders one plan node for the reader: title, "show on map", paragraphs with
 * every mapped place name as a button (from `mentions` offsets), a column's
 * items, a table as a real <table>, and links to the node's children.
 * Pure DOM building from data with textContent; no state of its own.
 */
import { el } from '../util/dom.js';
import { splitMentions } from '../util/highlight.js';
import { tableModel } from '../util/format.js';

export function renderSection(node, { t, pick, link, label, toc, selectFeature, showOnMap }) {
  const article = el('article', { class: 'pm-section', 'aria-labelledby': 'pm-section-title' });
  const nav = el('div', { class: 'pm-section-nav' },
    el('button', { type: 'button', class: 'pm-btn pm-btn--small', onclick: toc }, t('reader.backToToc')));
  article.append(nav);
  const path = (node.path || []).filter((p) => p.id !== node.id);
  if (path.length) {
    article.append(el('nav', { class: 'pm-crumbs', 'aria-label': t('reader.path') },
      el('ol', {}, path.map((p) => el('li', {}, link(p.id, label(p)))))));
  } else if (node.parentId) nav.append(link(node.parentId, t('reader.up')));
  article.append(el('h2', { class: 'pm-h2', id: 'pm-section-title', tabindex: '-1' }, label(node)));

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

  // implementation status of the projects the node names (issue #10): beside each column item, and counted
  const progress = new Map((node.progress?.items || []).map((i) => [i.id, i]));
  const statusChip = (id) => {
    const p = progress.get(id);
    return p ? el('span', { class: 'pm-status-chip', dataset: { status: p.status } }, pick(p.label)) : null;
  };
  if (node.progress) {
    const c = node.progress.counts;
    const names = new Map((node.progress.statuses || []).map((s) => [s.id, s]));
    const parts = Object.keys(c).filter((k) => k !== 'total' && c[k] > 0).map((k) => `${pick(names.get(k)) || k} ${c[k]}`);
    article.append(el('p', { class: 'pm-section-progress' }, `${t('reader.progress', { n: c.total })} `, parts.join(' · ')));
  }
  const items = node.column?.items;
  if (Array.isArray(items) && items.length) {
    const ul = el('ul', { class: 'pm-column-items' });
    for (const item of items) {
      const text = typeof item === 'string' ? item : pick(item.text || item.name || item.title) || item.id;
      const fid = item.featureId;
      const chip = typeof item === 'string' ? null : statusChip(item.id);
      ul.append(el('li', {}, fid
        ? el('button', { type: 'button', class: 'pm-mention', dataset: { featureId: fid }, onclick: () => selectFeature(fid) }, text)
        : text, chip ? ' ' : '', chip));
    }
    article.append(ul);
  }

  if (node.table) article.append(renderTable(node.table, t, pick, label(node)));

  if (node.children?.length) {
    const ul = el('ul', { class: 'pm-children' });
    for (const c of node.children) {
      const id = typeof c === 'string' ? c : c.id;
      ul.append(el('li', {}, link(id, typeof c === 'string' ? c : label(c))));
    }
    article.append(el('h3', { class: 'pm-h3' }, t('reader.contents')), ul);
  }
  if (node.prev || node.next) {
    article.append(el('nav', { class: 'pm-prevnext', 'aria-label': t('reader.prevNext') },
      node.prev ? link(node.prev.id, `← ${label(node.prev)}`) : el('span'),
      node.next ? link(node.next.id, `${label(node.next)} →`) : el('span')));
  }
  return article;
}

function renderTable(table, t, pick, title) {
  const model = tableModel(table);
  const label = (c) => { const k = `table.col.${c}`; return t(k) === k ? c : t(k); };
  const wrap = el('div', { class: 'pm-table-wrap', tabindex: '0', role: 'region', 'aria-label': title || t('reader.table') });
  const tbl = el('table', { class: 'pm-table' });
  tbl.append(el('caption', {}, title || t('reader.table')));
  tbl.append(el('thead', {}, el('tr', {}, model.columns.map((c) => el('th', { scope: 'col' }, label(c))))));
  tbl.append(el('tbody', {}, model.rows.map((r) => el('tr', {}, r.map((cell) => el('td', {}, cell))))));
  wrap.append(tbl);
  if (table.note) wrap.append(el('p', { class: 'pm-note' }, pick(table.note)));
  for (const m of table.markers || []) {
    wrap.append(el('p', { class: 'pm-note' }, `${m.mark}: ${pick(m)}`));
  }
  return wrap;
}
