/**
 * The indicator dashboard (#view=indicators): both tables grouped by category,
 * filterable by table, attribute, outcome, category and words; Table 1's
 * honest comparison with its rule on hover and in accessible text; one
 * ECharts chart per Table 1 category; the quantified targets of the text.
 * Clicking an indicator highlights its zones on the map (features:highlight,
 * map:fit-bounds) and lists the sections that mention it.
 */
import { el, clear } from '../util/dom.js';
import { api } from '../api/client.js';
import { t } from '../core/i18n.js';
import { encodeHash } from '../core/url-state.js';
import { loadEcharts, ratioOption, targetOption, chartable, chartable2, chartHeight, yearValues } from './charts.js';

export function mountDashboard({ bus, state, onClose }) {
  const root = el('section', { id: 'pm-indicators', class: 'pm-ind', tabindex: '-1', 'aria-labelledby': 'pm-ind-title', hidden: true });
  document.body.append(root);
  let data = null;
  let targets = null;
  let charts = [];
  let selected = null;
  const filters = { table: 'all', attribute: 'all', outcome: 'all', category: 'all', q: '' };
  const lang = () => state.get().lang || 'zh';
  const nameOf = (r) => (lang() === 'en' && r.nameEn ? r.nameEn : r.name);
  const narrow = () => window.innerWidth < 600;

  async function load() {
    if (data) return;
    // yearly values 2021–2025 entered by staff (issue #10): each Table 2 row's `series`, with who and when
    const [ind, tg, vals] = await Promise.all([api.indicators(), api.targets(),
      api.get('api/progress/indicator-values', { cached: false }).catch(() => null)]);
    const series = new Map((vals?.rows || []).map((r) => [r.id, r.series]));
    for (const table of ind.tables || []) {
      for (const row of table.rows || []) if (series.has(row.id)) row.series = series.get(row.id);
    }
    data = ind;
    targets = tg;
  }

  async function open() {
    root.hidden = false;
    document.body.classList.add('pm-ind-open');
    await load();
    render();
    root.focus({ preventScroll: true });
  }

  function close() {
    root.hidden = true;
    document.body.classList.remove('pm-ind-open');
    disposeCharts();
    bus.emit('features:highlight', { ids: [], fit: false });
  }

  function disposeCharts() {
    charts.forEach((c) => c.dispose());
    charts = [];
  }

  function visible(row) {
    if (filters.table !== 'all' && String(row.table) !== filters.table) return false;
    if (filters.attribute !== 'all' && row.attribute !== filters.attribute) return false;
    if (filters.outcome !== 'all' && row.comparison?.outcome !== filters.outcome) return false;
    if (filters.category !== 'all' && row.category !== filters.category) return false;
    const q = filters.q.trim();
    return !q || row.name.includes(q) || (row.unit || '').includes(q);
  }

  function select(name, value, options) {
    return el('label', { class: 'pm-ind-filter' }, t(`indicators.${name}`), ' ',
      el('select', { name, onchange: (e) => { filters[name] = e.target.value; render(); root.querySelector(`select[name="${name}"]`)?.focus(); } },
        options.map(([v, text]) => el('option', { value: v, selected: filters[name] === v }, text))));
  }

  function render() {
    disposeCharts();
    clear(root);
    const categories = [...new Set(data.tables.flatMap((tb) => tb.rows.map((r) => r.category)))];
    root.append(
      el('header', { class: 'pm-ind-head' },
        el('h2', { id: 'pm-ind-title' }, t('indicators.title')),
        el('button', { type: 'button', class: 'pm-btn pm-ind-close', onclick: () => onClose(), 'aria-label': t('indicators.close'), title: t('indicators.close') }, '×')),
      lang() === 'en' ? el('p', { class: 'pm-zh-only' }, t('indicators.zhOnly')) : null,
      el('p', { class: 'pm-ind-summary' }, t('indicators.summary', {
        n: data.summary.met + data.summary.notMet + data.summary.notComparable,
        met: data.summary.met, notMet: data.summary.notMet, nc: data.summary.notComparable,
      })),
      el('form', { class: 'pm-ind-filters', role: 'search', onsubmit: (e) => e.preventDefault() },
        select('table', filters.table, [['all', t('indicators.all')], ['1', t('indicators.table1')], ['2', t('indicators.table2')]]),
        select('attribute', filters.attribute, [['all', t('indicators.all')], ['预期性', t('indicators.expected')], ['约束性', t('indicators.binding')]]),
        select('outcome', filters.outcome, [['all', t('indicators.all')], ['met', t('indicators.met')], ['not-met', t('indicators.not-met')], ['not-comparable', t('indicators.not-comparable')]]),
        select('category', filters.category, [['all', t('indicators.all')], ...categories.map((c) => [c, c])]),
        el('label', { class: 'pm-ind-filter' }, t('indicators.search'), ' ', el('input', {
          type: 'search', name: 'q', value: filters.q,
          oninput: (e) => { filters.q = e.target.value; renderTables(); },
        }))),
      el('div', { class: 'pm-ind-tables' }),
      targetList());
    renderTables();
  }

  function renderTables() {
    disposeCharts();
    const box = clear(root.querySelector('.pm-ind-tables'));
    let shown = 0;
    for (const table of data.tables) {
      const rows = table.rows.filter(visible);
      if (!rows.length) continue;
      shown += rows.length;
      const section = el('section', { class: 'pm-ind-table', dataset: { table: table.id } },
        el('h3', {}, `表${table.number} ${table.title}`),
        table.note ? el('p', { class: 'pm-note' }, table.note) : null,
        table.categorySource === 'planmap' ? el('p', { class: 'pm-note pm-ind-ours' }, t('indicators.ours')) : null);
      const groups = new Map();
      rows.forEach((r) => { if (!groups.has(r.category)) groups.set(r.category, []); groups.get(r.category).push(r); });
      for (const [category, list] of groups) {
        const group = el('section', { class: 'pm-ind-group', dataset: { category } },
          el('h4', {}, category, table.categorySource === 'planmap' ? el('span', { class: 'pm-ind-ours-mark', title: t('indicators.ours') }, ' *') : null));
        if (table.number === 1 && chartable(list).length) {
          const chart = el('div', { class: 'pm-ind-chart', role: 'img', 'aria-label': `${category}: ${t('indicators.chartNote')}`, style: `height:${chartHeight(chartable(list).length)}px` });
          group.append(chart, el('p', { class: 'pm-note' }, t('indicators.chartNote')));
          drawChart(chart, ratioOption(list, { lang: lang(), title: category, narrow: narrow() }));
        }
        if (table.number === 2) {
          const drawn = chartable2(list);
          const years = new Set(drawn.flatMap((r) => yearValues(r).map((p) => p.year)));
          if (drawn.length) {
            const chart = el('div', { class: 'pm-ind-chart pm-ind-chart2', role: 'img', 'aria-label': `${category}: ${t('indicators.chart2Note')}`,
              style: `height:${chartHeight(drawn.length, years.size)}px` });
            group.append(chart, el('p', { class: 'pm-note' }, t('indicators.chart2Note')));
            drawChart(chart, targetOption(list, { lang: lang(), title: category, narrow: narrow() }));
          }
          const left = list.filter((r) => !drawn.includes(r));
          if (left.length) {
            group.append(el('p', { class: 'pm-note pm-ind-unchart' }, t('indicators.notCharted', { list: left.map((r) => `${r.number}`).join(lang() === 'en' ? ', ' : '、') })));
          }
        }
        group.append(rowTable(list, table.number));
        section.append(group);
      }
      box.append(section);
    }
    if (!shown) box.append(el('p', { class: 'pm-note' }, t('indicators.empty')));
  }

  async function drawChart(node, option) {
    const echarts = await loadEcharts();
    if (!node.isConnected) return;
    // SVG: the texts are text (readable by tests and the accessibility tree), crisp in print
    const chart = echarts.init(node, null, { renderer: 'svg' });
    chart.setOption(option);
    charts.push(chart);
  }

  function rowTable(list, tableNo) {
    const head = [t('indicators.no'), t('indicators.name'), t('indicators.unit'), t('indicators.attribute')];
    if (tableNo === 2) head.push(t('indicators.baseline'));
    head.push(t('indicators.target'));
    if (tableNo === 2) head.push(t('indicators.yearly'));
    if (tableNo === 1) head.push(t('indicators.result'), t('indicators.outcome'));
    return el('table', { class: 'pm-ind-rows' },
      el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, list.map((r) => rowNodes(r, tableNo))));
  }

  function rowNodes(r, tableNo) {
    const tr = el('tr', { class: 'pm-ind-row', dataset: { indicatorId: r.id, outcome: r.comparison?.outcome || '' } },
      el('td', { class: 'pm-ind-no' }, String(r.number)),
      el('th', { scope: 'row' }, el('button', {
        type: 'button', class: 'pm-linkish pm-ind-name', 'aria-expanded': selected === r.id ? 'true' : 'false',
        onclick: () => choose(r, tr),
      }, nameOf(r))),
      el('td', { class: 'pm-ind-unit' }, r.unit || ''),
      el('td', { class: 'pm-ind-attr' }, lang() === 'en' ? r.attributeEn : r.attribute),
      tableNo === 2 ? el('td', { class: 'pm-ind-baseline', title: r.baseline ? r.baseline.note : t('indicators.noBaseline') },
        r.baseline ? r.baseline.value.text : '—') : null,
      el('td', { class: 'pm-ind-target', title: r.target?.raw }, r.target?.text ?? ''),
      tableNo === 2 ? yearlyCell(r) : null);
    if (tableNo === 1) {
      const c = r.comparison;
      const rule = lang() === 'en' ? c.textEn : c.textZh;
      tr.append(
        el('td', { class: 'pm-ind-result' }, r.result?.text ?? ''),
        el('td', { class: 'pm-ind-outcome' }, el('span', {
          class: `pm-ind-badge pm-ind-badge--${c.outcome}`, title: rule, tabindex: '0',
          'aria-label': `${t(`indicators.${c.outcome}`)}: ${rule}`, dataset: { rule: c.rule },
        }, t(`indicators.${c.outcome}`)), el('span', { class: 'pm-visually-hidden' }, rule)));
    }
    return tr;
  }

  /** The staff-entered yearly values of a Table 2 row, each with who entered it and when; "no values" when none. */
  function yearlyCell(r) {
    const td = el('td', { class: 'pm-ind-yearly' });
    if (!r.series?.length) { td.append(el('span', { class: 'pm-note' }, t('indicators.noYearly'))); return td; }
    td.append(el('ul', { class: 'pm-ind-yearly-list' }, r.series.map((p) => el('li', { dataset: { year: String(p.year) } },
      `${p.year}: ${p.text}`, el('span', { class: 'pm-note' }, ` (${t('indicators.enteredBy', { who: p.recordedBy, when: String(p.recordedAt).slice(0, 10) })})`)))));
    return td;
  }

  function choose(r, tr) {
    root.querySelectorAll('.pm-ind-detail').forEach((n) => n.remove());
    root.querySelectorAll('.pm-ind-name[aria-expanded="true"]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    root.querySelectorAll('.pm-ind-row--selected').forEach((n) => n.classList.remove('pm-ind-row--selected'));
    selected = r.id;
    tr.classList.add('pm-ind-row--selected');
    tr.querySelector('.pm-ind-name').setAttribute('aria-expanded', 'true');
    const ids = (r.features || []).map((f) => f.id);
    const cols = tr.children.length;
    const detail = el('tr', { class: 'pm-ind-detail' }, el('td', { colspan: String(cols) },
      el('p', {}, `${t('indicators.direction')}: ${t(`indicators.${r.direction}`)} — ${r.directionReason}`),
      el('h5', {}, t('indicators.features')),
      ids.length ? el('ul', { class: 'pm-ind-features' }, r.features.map((f) => el('li', { dataset: { featureId: f.id } },
        el('button', { type: 'button', class: 'pm-linkish', onclick: () => state.set({ feature: f.id }, { history: 'push', focus: true }) }, f.name),
        ` — ${f.reason}`))) : el('p', { class: 'pm-note' }, t('indicators.noFeatures')),
      el('h5', {}, t('indicators.sections')),
      el('ul', { class: 'pm-ind-sections' }, (r.sections || []).slice(0, 8).map((s) => el('li', {},
        el('a', { href: encodeHash({ ...state.get(), section: s.id }), onclick: (e) => { e.preventDefault(); state.set({ section: s.id }, { history: 'push', paragraphId: s.paragraphId }); } }, s.title),
        ` ${s.sentence.length > 80 ? `${s.sentence.slice(0, 80)}…` : s.sentence}`)))));
    tr.after(detail);
    bus.emit('features:highlight', { ids, fit: false });
    if (ids.length) {
      bus.emit('map:fit-bounds', { bbox: visibleBbox(r.features.map((f) => f.bbox)) });
      bus.emit('status', { message: t('indicators.shown', { n: ids.length }) });
    }
    bus.emit('indicator:selected', { id: r.id, features: ids });
  }

  /** Union bbox, widened westward so it is framed in the map part the dashboard leaves uncovered. */
  function visibleBbox(boxes) {
    const b = boxes.filter(Boolean).reduce((a, x) => [Math.min(a[0], x[0]), Math.min(a[1], x[1]), Math.max(a[2], x[2]), Math.max(a[3], x[3])]);
    const map = document.getElementById('pm-map')?.getBoundingClientRect();
    const cover = map ? Math.max(0, root.getBoundingClientRect().right - map.left) / map.width : 0;
    if (cover <= 0 || cover >= 0.9) return b;
    const width = (b[2] - b[0]) / (1 - cover);
    return [b[2] - width, b[1], b[2], b[3]];
  }

  function targetList() {
    const items = targets?.targets || [];
    return el('details', { class: 'pm-ind-targets' },
      el('summary', {}, `${t('indicators.targets')} (${items.length})`),
      el('table', { class: 'pm-ind-rows' },
        el('thead', {}, el('tr', {}, [t('indicators.source'), t('indicators.target'), t('indicators.year'), t('indicators.features')].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, items.map((g) => el('tr', { dataset: { targetId: g.id } },
          el('td', {}, el('a', { href: encodeHash({ ...state.get(), section: g.sectionId }), onclick: (e) => { e.preventDefault(); state.set({ section: g.sectionId }, { history: 'push', paragraphId: g.paragraphId }); } }, g.sectionId)),
          el('td', { title: g.sentence }, g.label || g.match),
          el('td', {}, g.year ? String(g.year) : '—'),
          el('td', {}, g.features.length ? el('button', {
            type: 'button', class: 'pm-linkish', onclick: () => bus.emit('features:highlight', { ids: g.features, fit: true }),
          }, `${t('indicators.showOnMap')} (${g.features.length})`) : '—'))))));
  }

  root.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !e.defaultPrevented) { e.preventDefault(); onClose(); } });
  const offs = [bus.on('ui:relabel', () => { if (!root.hidden && data) render(); })];
  return { open, close, isOpen: () => !root.hidden, destroy() { offs.forEach((o) => o()); root.remove(); } };
}
