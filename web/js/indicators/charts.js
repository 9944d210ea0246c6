/**
 * ECharts options for the dashboard (pure: data in, option out) and a lazy loader for the echarts webjar.
 * Table 1: one horizontal bar per comparable indicator, result ÷ target in %, a 100 % line, the bar coloured by
 * outcome. Table 2: per indicator, each known year's value as a % of its 2025 target (today the 2020 baseline;
 * the progress stream adds 2021–2025 as `row.series`), the same 100 % line. The charts are drawn as SVG, so their
 * texts are real text a test (and a screen reader's DOM walk) can read; narrow screens get fewer axis labels.
 */
export const OUTCOME_COLOURS = { met: '#1a7f37', 'not-met': '#cf222e', 'not-comparable': '#8c959f' };
/** One colour per year of a Table 2 series: 2020 (baseline), then 2021…2025 as they come. */
export const YEAR_COLOURS = { 2020: '#6e7781', 2021: '#9ecae1', 2022: '#6baed6', 2023: '#3182bd', 2024: '#08519c', 2025: '#08306b' };
// the webjar has no dist/ folder: META-INF/resources/webjars/echarts/5.5.0/echarts.min.js
const ECHARTS_URL = 'webjars/echarts/5.5.0/echarts.min.js';
let loading = null;

/** Loads echarts once (a classic script from the webjar); resolves to window.echarts. */
export function loadEcharts() {
  if (globalThis.echarts) return Promise.resolve(globalThis.echarts);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = ECHARTS_URL;
      s.onload = () => resolve(globalThis.echarts);
      s.onerror = () => reject(new Error(`cannot load ${ECHARTS_URL}`));
      document.head.append(s);
    });
  }
  return loading;
}

/** Rows that can be drawn: Table 1 rows whose comparison has a ratio. */
export function chartable(rows) {
  return rows.filter((r) => r.comparison && Number.isFinite(r.comparison.ratio));
}

/** Axis and the 100 % line, shared by both tables' charts; `narrow` (a phone) gets fewer, non-overlapping labels. */
function frame({ title, narrow, names }) {
  return {
    animation: false,
    title: title ? { text: title, left: 0, textStyle: { fontSize: 14 } } : undefined,
    grid: { left: 8, right: 52, top: title ? 52 : 30, bottom: 8, containLabel: true },
    // the % axis on top, where the 100 % line's label cannot collide with it
    xAxis: { type: 'value', position: 'top', splitNumber: narrow ? 2 : 5, axisLabel: { formatter: '{value}%', hideOverlap: true, fontSize: 11 } },
    yAxis: { type: 'category', inverse: true, data: names,
      axisLabel: { fontSize: 12, width: narrow ? 104 : 190, overflow: 'truncate', hideOverlap: true } },
  };
}

const hundred = { symbol: 'none', silent: true, data: [{ xAxis: 100 }], lineStyle: { color: '#1f2328', type: 'dashed' },
  label: { show: false } };

const shortName = (r, lang, max) => {
  const name = lang === 'en' && r.nameEn ? r.nameEn : r.name;
  return `${r.number}. ${name.length > max ? `${name.slice(0, max - 1)}…` : name}`;
};

/**
 * @param rows  indicator rows of /api/indicators (one category)
 * @param lang  'zh' | 'en'
 * @returns an ECharts option
 */
export function ratioOption(rows, { lang = 'zh', title = '', narrow = false } = {}) {
  const data = chartable(rows);
  return {
    ...frame({ title, narrow, names: data.map((r) => shortName(r, lang, 14)) }),
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const r = data[p.dataIndex];
        const rule = lang === 'en' ? r.comparison.textEn : r.comparison.textZh;
        return `${esc(r.name)}<br>${lang === 'en' ? 'target' : '目标'} ${esc(r.target.text)} · ${lang === 'en' ? 'result' : '完成'} ${esc(r.result.text)}<br>${esc(rule)}`;
      },
    },
    series: [{
      type: 'bar',
      barMaxWidth: 18,
      data: data.map((r) => ({
        value: Math.round(r.comparison.ratio * 1000) / 10,
        itemStyle: { color: OUTCOME_COLOURS[r.comparison.outcome] },
      })),
      label: { show: true, position: 'right', formatter: '{c}%' },
      markLine: hundred,
    }],
  };
}

/**
 * A Table 2 row's known values by year: the 2020 baseline (`row.baseline`, from Table 1) and whatever yearly values
 * `row.series` holds (`[{year, value, text}]`, for the progress stream to fill), each with its share of the 2025 target.
 */
export function yearValues(row) {
  const target = row.target?.value;
  if (!Number.isFinite(target) || target === 0 || row.target?.isText) return [];
  const points = [];
  const b = row.baseline?.value;
  if (b && Number.isFinite(b.value)) points.push({ year: row.baseline.year, value: b.value, text: b.text });
  for (const p of row.series || []) if (Number.isFinite(p.value)) points.push({ year: p.year, value: p.value, text: p.text ?? String(p.value) });
  return points.map((p) => ({ ...p, percent: Math.round((p.value / target) * 1000) / 10 }));
}

/** Table 2 rows that can be drawn: a numeric target and at least one known year. */
export function chartable2(rows) {
  return rows.filter((r) => yearValues(r).length);
}

/** Table 2: per indicator one bar per known year, as a % of the 2025 target; a 100 % line is the target. */
export function targetOption(rows, { lang = 'zh', title = '', narrow = false } = {}) {
  const data = chartable2(rows);
  const years = [...new Set(data.flatMap((r) => yearValues(r).map((p) => p.year)))].sort();
  return {
    ...frame({ title, narrow, names: data.map((r) => shortName(r, lang, 14)) }),
    legend: { top: title ? 22 : 0, right: 0, data: years.map(String), itemWidth: 14, textStyle: { fontSize: 12 } },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const r = data[p.dataIndex];
        const point = yearValues(r).find((x) => String(x.year) === p.seriesName);
        return `${esc(r.name)}<br>${esc(p.seriesName)}: ${esc(point?.text)} · ${lang === 'en' ? '2025 target' : '2025年目标'} ${esc(r.target.text)}`
          + (r.baseline && String(r.baseline.year) === p.seriesName ? `<br>${esc(r.baseline.note)}` : '');
      },
    },
    series: years.map((year, i) => ({
      type: 'bar',
      name: String(year),
      barMaxWidth: 14,
      itemStyle: { color: YEAR_COLOURS[year] || '#57606a' },
      data: data.map((r) => yearValues(r).find((p) => p.year === year)?.percent ?? null),
      label: { show: true, position: 'right', formatter: '{c}%', fontSize: 11 },
      markLine: i === 0 ? hundred : undefined,
    })),
  };
}

/** Height in px a chart of n bars needs. */
export function chartHeight(n, series = 1) {
  return 80 + n * (12 + 18 * series);
}

function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
