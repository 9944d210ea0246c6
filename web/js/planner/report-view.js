// Renders an overlay report (the /api/overlays… answer) into a container: per planner feature its size, the plan
// zones and areas it touches (m², ha, shares), the project sites nearby, what the plan says, the indicators tied to
// those places; then caveats and notes. Labels in the current language (`t` of core/i18n.js, keys planner.*); the
// caller re-renders on ui:relabel. DOM from util/dom.js, data as text only.
import { el, append } from '../util/dom.js';
import { accuracyKey } from '../util/format.js';

const fmt = (n, d = 0) => (n == null ? '' : Number(n).toLocaleString('zh-CN', { maximumFractionDigits: d }));
const pct = (n) => (n == null ? '' : `${(n * 100).toFixed(1)}%`);
const LAYERS = ['zones', 'showcase-areas', 'demonstration-zones', 'science-city'];
const layerName = (t, id) => (LAYERS.includes(id) ? t(`planner.layer.${id}`) : id);

function table(cls, headers, rows) {
  return el('table', { class: `pm-planner-table ${cls}` },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))));
}

const OUTCOMES = ['met', 'not-met', 'not-comparable'];
const outcome = (t, o) => (OUTCOMES.includes(o) ? t(`planner.outcome.${o}`) : '');
const unit = (u) => (u ? ` ${u}` : '');

function featureSection(f, onSelect, t) {
  const size = f.areaM2 != null ? `${fmt(f.areaM2)} m² · ${fmt(f.areaHa, 2)} ha`
    : f.lengthM != null ? `${fmt(f.lengthM)} m` : f.geometryType;
  const sec = el('section', { class: 'pm-planner-feature' }, el('h4', {}, f.name), el('p', { class: 'pm-planner-size' }, size));
  sec.append(el('h5', {}, t('planner.report.touches')));
  if (f.touches.length) {
    // only the measures this feature has: areas for polygons, lengths for lines (and plan lines under a polygon)
    const columns = [[t('planner.col.name'), (z) => z.name], [t('planner.col.layer'), (z) => layerName(t, z.collection)],
      [t('planner.col.area'), (z) => (z.areaM2 == null ? '' : `${fmt(z.areaM2)} (${fmt(z.areaHa, 2)})`), 'areaM2'],
      [t('planner.col.shareProject'), (z) => pct(z.shareOfProject), 'shareOfProject'],
      [t('planner.col.shareZone'), (z) => pct(z.shareOfZone), 'shareOfZone'],
      [t('planner.col.length'), (z) => fmt(z.lengthM), 'lengthM']].filter(([, , key]) => !key || f.touches.some((z) => z[key] != null));
    sec.append(table('pm-planner-touches', columns.map(([h]) => h), f.touches.map((z) => columns.map(([, cell]) => cell(z)))));
  } else sec.append(el('p', { class: 'pm-planner-none' }, t('planner.report.outside')));
  sec.append(el('h5', {}, t('planner.report.nearby')));
  if (f.nearbySites.length) {
    const nearby = table('pm-planner-nearby', [t('planner.col.project'), t('planner.col.column'), t('planner.col.distance'), t('planner.col.accuracy')],
      f.nearbySites.map((s) => [s.name, s.column == null ? '' : String(s.column), fmt(s.distanceM), t(accuracyKey(s.accuracy))]));
    nearby.querySelectorAll('tbody tr').forEach((tr, i) => {
      tr.tabIndex = 0;
      tr.title = t('planner.report.showOnMap');
      const select = () => onSelect && onSelect(f.nearbySites[i].id);
      tr.addEventListener('click', select);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') select(); });
    });
    sec.append(nearby);
  } else sec.append(el('p', { class: 'pm-planner-none' }, t('planner.report.noNearby')));
  if (f.plan.length) {
    sec.append(el('h5', {}, t('planner.report.plan')),
      el('ul', { class: 'pm-planner-plan' }, f.plan.map((p) => el('li', {},
        el('strong', {}, `${p.featureName || p.featureId} — ${p.title || p.nodeId}: `), el('span', {}, p.sentence || '')))));
  }
  if (f.indicators?.length) {
    sec.append(el('h5', {}, t('planner.report.indicators')),
      table('pm-planner-indicators', [t('planner.col.indicator'), t('planner.col.target'), t('planner.col.result'), t('planner.col.outcome'), t('planner.col.via')],
        f.indicators.map((i) => [i.name, i.target ? `${i.target}${unit(i.unit)}` : '', i.result ? `${i.result}${unit(i.unit)}` : '',
          outcome(t, i.outcome), i.featureName || i.featureId])));
  }
  if (f.targets?.length) {
    sec.append(el('h5', {}, t('planner.report.targets')),
      el('ul', { class: 'pm-planner-targets' }, f.targets.map((g) => el('li', {},
        el('strong', {}, `${g.label || g.sectionId}: ${g.comparator || ''}${g.value}${g.valueMax != null ? `–${g.valueMax}` : ''}${unit(g.unit)}`
          + `${g.year ? ` (${g.year})` : ''} `), el('span', {}, g.sentence || '')))));
  }
  return sec;
}

/** Renders `answer` into `root`; `t` is core/i18n.js's t (labels in the current language). */
export function renderReport(root, answer, { onSelect, t } = {}) {
  const report = answer.report;
  const caveats = report.caveats.length ? el('section', { class: 'pm-planner-caveats' }, el('h4', {}, t('planner.report.caveats')),
    report.caveats.map((c) => el('p', { class: 'pm-planner-caveat' }, c))) : null;
  root.replaceChildren();
  append(root, [
    el('h3', { class: 'pm-planner-title' }, answer.name || t('planner.report.title')),
    el('p', { class: 'pm-planner-meta' }, t('planner.report.meta', { crs: report.crs, source: report.crsSource, metric: report.metricCrs,
      radius: fmt(report.distanceMetres) }) + (answer.createdAt ? ` · ${t('planner.report.saved', { date: answer.createdAt.slice(0, 16).replace('T', ' ') })}` : '')),
    report.notes.map((n) => el('p', { class: 'pm-planner-note' }, n)),
    report.features.map((f) => featureSection(f, onSelect, t)),
    caveats]);
}
