// Renders an overlay report (the /api/overlays… answer) into a container: per planner feature its size, the plan
// zones and areas it touches (m², ha, shares), the project sites nearby, what the plan says, the indicators tied to
// those places; then caveats and notes. DOM from util/dom.js, data as text only.
import { el, append } from '../util/dom.js';

const fmt = (n, d = 0) => (n == null ? '' : Number(n).toLocaleString('zh-CN', { maximumFractionDigits: d }));
const pct = (n) => (n == null ? '' : `${(n * 100).toFixed(1)}%`);
const LAYER = { zones: '分区 Zone', 'showcase-areas': '展示区 Showcase area', 'demonstration-zones': '示范区 Demonstration zone',
  'science-city': '科学城 Science city' };

function table(cls, headers, rows) {
  return el('table', { class: `pm-planner-table ${cls}` },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))));
}

const OUTCOME = { met: '达成 met', 'not-met': '未达成 not met', 'not-comparable': '不可比 not comparable' };
const unit = (u) => (u ? ` ${u}` : '');

function featureSection(f, onSelect) {
  const size = f.areaM2 != null ? `${fmt(f.areaM2)} m² · ${fmt(f.areaHa, 2)} ha`
    : f.lengthM != null ? `${fmt(f.lengthM)} m` : f.geometryType;
  const sec = el('section', { class: 'pm-planner-feature' }, el('h4', {}, f.name), el('p', { class: 'pm-planner-size' }, size));
  sec.append(el('h5', {}, '涉及分区与片区 Zones and areas'));
  if (f.touches.length) {
    // only the measures this feature has: areas for polygons, lengths for lines (and plan lines under a polygon)
    const columns = [['名称 Name', (t) => t.name], ['图层 Layer', (t) => LAYER[t.collection] || t.collection],
      ['面积 m² (ha)', (t) => (t.areaM2 == null ? '' : `${fmt(t.areaM2)} (${fmt(t.areaHa, 2)})`), 'areaM2'],
      ['占项目 of project', (t) => pct(t.shareOfProject), 'shareOfProject'], ['占片区 of area', (t) => pct(t.shareOfZone), 'shareOfZone'],
      ['长度 m', (t) => fmt(t.lengthM), 'lengthM']].filter(([, , key]) => !key || f.touches.some((t) => t[key] != null));
    sec.append(table('pm-planner-touches', columns.map(([h]) => h), f.touches.map((t) => columns.map(([, cell]) => cell(t)))));
  } else sec.append(el('p', { class: 'pm-planner-none' }, '不在任何规划分区内 Outside every plan zone and area'));
  sec.append(el('h5', {}, '周边项目 Project sites nearby'));
  if (f.nearbySites.length) {
    const t = table('pm-planner-nearby', ['项目 Project', '专栏 Column', '距离 m', '精度 Accuracy'],
      f.nearbySites.map((s) => [s.name, s.column == null ? '' : String(s.column), fmt(s.distanceM), s.accuracy]));
    t.querySelectorAll('tbody tr').forEach((tr, i) => {
      tr.tabIndex = 0;
      tr.title = '在地图上显示 Show on the map';
      const select = () => onSelect && onSelect(f.nearbySites[i].id);
      tr.addEventListener('click', select);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') select(); });
    });
    sec.append(t);
  } else sec.append(el('p', { class: 'pm-planner-none' }, '范围内没有项目 No project site within the radius'));
  if (f.plan.length) {
    sec.append(el('h5', {}, '规划原文 What the plan says'),
      el('ul', { class: 'pm-planner-plan' }, f.plan.map((p) => el('li', {},
        el('strong', {}, `${p.featureName || p.featureId} — ${p.title || p.nodeId}: `), el('span', {}, p.sentence || '')))));
  }
  if (f.indicators?.length) {
    sec.append(el('h5', {}, '相关指标 Indicators'),
      table('pm-planner-indicators', ['指标 Indicator', '目标 Target', '结果 Result', '评价 Outcome', '关联 Via'],
        f.indicators.map((i) => [i.name, i.target ? `${i.target}${unit(i.unit)}` : '', i.result ? `${i.result}${unit(i.unit)}` : '',
          OUTCOME[i.outcome] || '', i.featureName || i.featureId])));
  }
  if (f.targets?.length) {
    sec.append(el('h5', {}, '量化目标 Quantified targets'),
      el('ul', { class: 'pm-planner-targets' }, f.targets.map((t) => el('li', {},
        el('strong', {}, `${t.label || t.sectionId}: ${t.comparator || ''}${t.value}${t.valueMax != null ? `–${t.valueMax}` : ''}${unit(t.unit)}`
          + `${t.year ? ` (${t.year})` : ''} `), el('span', {}, t.sentence || '')))));
  }
  return sec;
}

export function renderReport(root, answer, { onSelect } = {}) {
  const report = answer.report;
  const caveats = report.caveats.length ? el('section', { class: 'pm-planner-caveats' }, el('h4', {}, '注意 Caveats'),
    report.caveats.map((c) => el('p', { class: 'pm-planner-caveat' }, c))) : null;
  root.replaceChildren();
  append(root, [
    el('h3', { class: 'pm-planner-title' }, answer.name || '分析报告 Report'),
    el('p', { class: 'pm-planner-meta' }, `坐标系 CRS: ${report.crs} (${report.crsSource}) · 面积按 Areas in ${report.metricCrs} · `
      + `周边范围 Radius ${fmt(report.distanceMetres)} m${answer.createdAt ? ` · 保存于 Saved ${answer.createdAt.slice(0, 16).replace('T', ' ')}` : ''}`),
    report.notes.map((n) => el('p', { class: 'pm-planner-note' }, n)),
    report.features.map((f) => featureSection(f, onSelect)),
    caveats]);
}
