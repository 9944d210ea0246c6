/**
 * The printable progress summary (progress.html, issue #10): counts by status overall, per column, per ch.16 zone
 * and per showcase / demonstration area, and the changes of the last 90 days, as of a day. Every figure is a link to
 * the items behind it (the list at the end of the page, filtered by the link's query). The page is driven by its
 * query string only — `?asOf=2024-06-30&lang=en&status=completed&zone=zone-east#pm-items` — so a plain form picks
 * the day, and the browser's history and printing work without script state.
 */
import { api } from '../api/client.js';
import { setLang, t, useNamespace } from '../core/i18n.js';
import { el, clear } from '../util/dom.js';
import { swatch } from '../util/swatch.js';
import { PROGRESS_ORDER, progressSwatch } from '../map/styles.js';

const query = new URLSearchParams(location.search);
const lang = query.get('lang') === 'en' ? 'en' : 'zh';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const filterKeys = ['status', 'column', 'zone', 'area', 'recent'];

async function start() {
  api.setLanguage(lang);
  await setLang(lang);
  await useNamespace('progress');
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  const asOf = DAY.test(query.get('asOf') || '') ? query.get('asOf') : null;
  const root = document.getElementById('pm-summary');
  let board;
  try {
    board = await api.get('api/progress', { query: asOf ? { asOf } : {}, cached: false });
  } catch (e) {
    clear(root);
    root.append(el('p', { class: 'pm-error', role: 'alert' }, e.message || String(e)));
    return;
  }
  render(root, board);
}

function link(board, filters, text) {
  const q = new URLSearchParams({ asOf: board.asOf, lang, ...filters });
  return el('a', { href: `?${q}#pm-items` }, text);
}

function render(root, board) {
  clear(root);
  document.title = `${t('progress.summaryTitle')} · ${board.asOf}`;
  const statusName = (id) => { const s = board.statuses.find((x) => x.id === id); return s ? (lang === 'en' ? s.en : s.zh) : id; };
  const nameOf = (x) => (lang === 'en' && x.nameEn ? x.nameEn : x.name);
  root.append(el('h1', {}, t('progress.summaryTitle')),
    el('p', {}, t('progress.summaryAsOf', { date: board.asOf }), ' · ', t('progress.honest')));
  const form = el('form', { method: 'get', action: '' },
    el('label', { for: 'pm-summary-asof' }, t('progress.asOf')),
    el('input', { type: 'date', id: 'pm-summary-asof', name: 'asOf', min: '2021-01-01', value: board.asOf }),
    el('input', { type: 'hidden', name: 'lang', value: lang }),
    el('button', { type: 'submit', class: 'pm-btn' }, t('progress.show')),
    el('button', { type: 'button', class: 'pm-btn', onclick: () => window.print() }, t('progress.print')),
    el('a', { href: `?${new URLSearchParams({ asOf: board.asOf, lang: lang === 'en' ? 'zh' : 'en' })}` }, lang === 'en' ? '中文' : 'English'),
    el('a', { href: `./#progress=${board.asOf}${lang === 'en' ? '&lang=en' : ''}` }, t('progress.openMap')));
  root.append(form);

  const head = () => el('tr', {}, el('th', { scope: 'col' }, ''), ...PROGRESS_ORDER.map((s) => el('th', { scope: 'col', class: 'pm-num' },
    swatch(progressSwatch(s)), statusName(s))), el('th', { scope: 'col', class: 'pm-num' }, t('progress.total')));
  const row = (label, counts, filters) => el('tr', {}, el('th', { scope: 'row' }, label),
    ...PROGRESS_ORDER.map((s) => el('td', { class: 'pm-num', dataset: { status: s } }, link(board, { ...filters, status: s }, String(counts[s])))),
    el('td', { class: 'pm-num' }, link(board, filters, String(counts.total))));
  const table = (title, id, rows) => el('section', { id },
    el('h2', {}, title), el('table', {}, el('thead', {}, head()), el('tbody', {}, rows)));

  root.append(table(t('progress.overall'), 'pm-overall', [row(t('progress.allItems'), board.counts, {})]));
  root.append(table(t('progress.byZone'), 'pm-by-zone', board.byZone.map((g) => row(nameOf(g), g.counts, { zone: g.id ?? 'none' }))));
  root.append(table(t('progress.byArea'), 'pm-by-area', board.byArea.map((g) => row(nameOf(g), g.counts, { area: g.id }))));
  root.append(table(t('progress.byColumn'), 'pm-by-column', board.byColumn.map((g) => row(g.title || `${g.column}`, g.counts, { column: String(g.column) }))));

  const recent = el('ul', {});
  for (const r of board.recent) recent.append(el('li', {}, `${r.date} `, link(board, { item: r.id }, r.name), ` → ${statusName(r.status)}`));
  if (!board.recent.length) recent.append(el('li', {}, t('progress.noRecent', { days: board.recentDays })));
  root.append(el('section', { id: 'pm-recent' }, el('h2', {}, t('progress.recent', { days: board.recentDays })),
    el('p', {}, link(board, { recent: '1' }, t('progress.recentCount', { n: board.recent.length }))), recent));

  // the items behind a figure: the query's filters
  const f = Object.fromEntries(filterKeys.concat('item').filter((k) => query.get(k)).map((k) => [k, query.get(k)]));
  const recentIds = new Set(board.recent.map((r) => r.id));
  const items = board.items.filter((i) => (!f.status || i.status === f.status)
    && (!f.column || String(i.column) === f.column)
    && (!f.zone || (f.zone === 'none' ? !i.zone : i.zone === f.zone))
    && (!f.area || (i.areas || []).includes(f.area))
    && (!f.recent || recentIds.has(i.id))
    && (!f.item || i.id === f.item));
  const list = el('tbody', {}, items.map((i) => el('tr', { dataset: { item: i.id, status: i.status } },
    el('td', {}, i.id),
    el('td', {}, i.featureId ? el('a', { href: `./#f=${encodeURIComponent(i.featureId)}&progress=${board.asOf}${lang === 'en' ? '&lang=en' : ''}` }, nameOf(i)) : nameOf(i)),
    el('td', {}, swatch(progressSwatch(i.status)), lang === 'en' ? i.statusEn : i.statusZh),
    el('td', {}, i.since || ''), el('td', { class: 'pm-num' }, i.percentDone != null ? `${i.percentDone}%` : ''),
    el('td', {}, i.note || ''))));
  const filterText = Object.entries(f).map(([k, v]) => `${k} = ${k === 'status' ? statusName(v) : v}`).join(', ');
  root.append(el('section', { id: 'pm-items' },
    el('h2', {}, t('progress.items', { n: items.length })),
    el('p', {}, filterText ? t('progress.filtered', { filter: filterText }) : t('progress.allShown'), ' ',
      filterText ? link(board, {}, t('progress.clearFilter')) : ''),
    el('table', {}, el('thead', {}, el('tr', {}, [t('progress.col.id'), t('progress.col.name'), t('progress.col.status'),
      t('progress.col.since'), t('progress.col.percent'), t('progress.col.note')].map((h) => el('th', { scope: 'col' }, h)))), list)));
}

start().catch((err) => {
  console.error('progress summary failed', err);
});
