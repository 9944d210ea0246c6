/**
 * ECharts options for the Table 1 comparison (pure: data in, option out) and
 * a lazy loader for the echarts webjar. One horizontal bar per comparable
 * indicator: result ÷ target in %, a 100 % line, the bar coloured by outcome.
 */
export const OUTCOME_COLOURS = { met: '#1a7f37', 'not-met': '#cf222e', 'not-comparable': '#8c959f' };
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

/**
 * @param rows  indicator rows of /api/indicators (one category)
 * @param lang  'zh' | 'en'
 * @returns an ECharts option
 */
export function ratioOption(rows, { lang = 'zh', title = '' } = {}) {
  const data = chartable(rows);
  const label = (r) => `${r.number}. ${r.name.length > 14 ? `${r.name.slice(0, 13)}…` : r.name}`;
  return {
    animation: false,
    title: title ? { text: title, left: 0, textStyle: { fontSize: 14 } } : undefined,
    grid: { left: 8, right: 48, top: title ? 30 : 10, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const r = data[p.dataIndex];
        const rule = lang === 'en' ? r.comparison.textEn : r.comparison.textZh;
        return `${r.name}<br>${lang === 'en' ? 'target' : '目标'} ${esc(r.target.text)} · ${lang === 'en' ? 'result' : '完成'} ${esc(r.result.text)}<br>${esc(rule)}`;
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: data.map(label), axisLabel: { fontSize: 12 } },
    series: [{
      type: 'bar',
      barMaxWidth: 18,
      data: data.map((r) => ({
        value: Math.round(r.comparison.ratio * 1000) / 10,
        itemStyle: { color: OUTCOME_COLOURS[r.comparison.outcome] },
      })),
      label: { show: true, position: 'right', formatter: '{c}%' },
      markLine: { symbol: 'none', silent: true, data: [{ xAxis: 100 }], lineStyle: { color: '#1f2328', type: 'dashed' }, label: { formatter: '100%', position: 'end' } },
    }],
  };
}

/** Height in px a chart of n bars needs. */
export function chartHeight(n) {
  return 60 + n * 30;
}

function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
