/** The few strings of the indicator dashboard and the tour, zh and en (the resident i18n files stay untouched). */
const S = {
  zh: {
    indicators: '规划指标', tour: '导览', close: '关闭', all: '全部', table1: '表1 “十三五”完成情况', table2: '表2 “十四五”目标',
    table: '表', attribute: '属性', outcome: '比较结果', category: '分类', search: '筛选指标',
    expected: '预期性', binding: '约束性', met: '达成', 'not-met': '未达成', 'not-comparable': '不可比',
    summary: '表1 共 {n} 项：达成 {met}，未达成 {notMet}，不可比 {nc}',
    no: '序号', name: '指标名称', unit: '单位', target: '目标', result: '完成情况',
    ours: '分组为本站所加（原表无分类）', chartNote: '柱长 = 完成情况 ÷ 目标；颜色表示是否达成（越低越好的指标低于 100% 即达成）',
    sections: '提到该指标的章节', features: '相关地图要素', noFeatures: '该指标不对应具体区域（全区）',
    targets: '文中量化目标', targetsOf: '本要素相关的规划目标', year: '年份', source: '原文',
    direction: '方向', higher: '越高越好', lower: '越低越好', rule: '比较规则', showOnMap: '在地图上显示',
    shown: '地图已显示 {n} 个相关要素', empty: '没有符合条件的指标',
  },
  en: {
    indicators: 'Indicators', tour: 'Tour', close: 'Close', all: 'All', table1: 'Table 1: 13th plan results', table2: 'Table 2: 14th plan targets',
    table: 'Table', attribute: 'Attribute', outcome: 'Outcome', category: 'Category', search: 'Filter indicators',
    expected: 'expected', binding: 'binding', met: 'met', 'not-met': 'not met', 'not-comparable': 'not comparable',
    summary: 'Table 1, {n} indicators: {met} met, {notMet} not met, {nc} not comparable',
    no: 'No.', name: 'Indicator', unit: 'Unit', target: 'Target', result: 'Result',
    ours: 'grouping added by planmap (the source table has none)', chartNote: 'bar = result ÷ target; colour tells met or not (for lower-is-better indicators below 100 % is met)',
    sections: 'Sections mentioning it', features: 'Map features', noFeatures: 'not tied to a particular area (district-wide)',
    targets: 'Quantified targets in the text', targetsOf: 'Plan targets for this feature', year: 'Year', source: 'Source',
    direction: 'Direction', higher: 'higher is better', lower: 'lower is better', rule: 'Rule', showOnMap: 'Show on map',
    shown: '{n} related features shown on the map', empty: 'No indicator matches',
  },
};

export function strings(lang) {
  const table = S[lang] || S.zh;
  return (key, vars = {}) => String(table[key] ?? S.zh[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
}
