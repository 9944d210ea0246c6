// Renders an overlay report (the /api/overlays… answer) into a container. The summary comes first — the overlay's size,
// the zones and areas it lies in with their shares, the few most relevant plan passages (ranked by the server, each
// paragraph once), the few targets of those places, how many sites are inside and nearby, and which places are drawn
// from the plan's words — then, folded, the details per planner feature: zones, sites nearby, what the plan says,
// indicators, targets. Drawn or pasted shapes without a name of their own are named by what they are ("Drawn polygon,
// 4.30 km²"). Names in the UI language where an English one exists; plan text stays Chinese, and the English UI says
// so once. Labels via `t` of core/i18n.js (keys planner.*); the caller re-renders on ui:relabel. Data as text only.
import { el, append } from '../util/dom.js';
import { accuracyKey } from '../util/format.js';

const LAYERS = ['zones', 'showcase-areas', 'demonstration-zones', 'science-city'];
const OUTCOMES = ['met', 'not-met', 'not-comparable'];
const KINDS = ['point', 'line', 'polygon'];
const QUOTE = 110; // characters of a passage quoted in the summary (the details have it whole)
const clip = (s) => (s.length > QUOTE ? `${s.slice(0, QUOTE - 1)}…` : s);

/** Number formatting, area and length in words a reader uses (km² from 1 km², ha from 1 ha). */
export function formatters(lang) {
  const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
  const num = (n, d = 0) => (n == null ? '' : Number(n).toLocaleString(locale, { maximumFractionDigits: d, minimumFractionDigits: 0 }));
  const pct = (n) => (n == null ? '' : `${(n * 100).toFixed(1)}%`);
  const area = (m2) => (m2 == null ? '' : m2 >= 1e6 ? `${num(m2 / 1e6, 2)} km²` : m2 >= 1e4 ? `${num(m2 / 1e4, 1)} ha` : `${num(m2)} m²`);
  const length = (m) => (m == null ? '' : m >= 1000 ? `${num(m / 1000, 2)} km` : `${num(m)} m`);
  return { num, pct, area, length };
}

/**
 * The name a planner feature is shown by: its own name when it had one in the data, else what it is — "Drawn polygon,
 * 4.30 km²" (drawn on the map), "Pasted line, 1.2 km" (WKT), "Polygon 2 of the file, 3.1 ha" (an unnamed feature of
 * an upload).
 */
export function shapeLabel(f, format, t, lang) {
  if (f.named) return f.name;
  const fm = formatters(lang);
  const kind = t(`planner.kind.${KINDS.includes(f.kind) ? f.kind : 'polygon'}`);
  const size = f.areaM2 != null ? fm.area(f.areaM2) : f.lengthM != null ? fm.length(f.lengthM) : '';
  const how = format === 'draw' ? 'drawn' : format === 'wkt' ? 'pasted' : 'file';
  return t(`planner.shape.${how}${size ? '' : '.nosize'}`, { kind, size, n: f.index + 1 });
}

/** The overlay's title: the name it was given, else what it holds ("Pasted polygon, 4.3 km²", "2 shapes"). */
export function overlayTitle(answer, t, lang) {
  const fs = answer.report.features;
  // the server's default names (OverlayRequests.name): the one feature's name, or "N features"
  if (fs.length > 1 && answer.name === `${fs.length} features`) return t('planner.report.titleMany', { n: fs.length });
  if (fs.length === 1 && answer.name === fs[0].name) return shapeLabel(fs[0], answer.report.format, t, lang);
  return answer.name || t('planner.report.title');
}

function table(cls, headers, rows) {
  return el('table', { class: `pm-planner-table ${cls}` },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))));
}

/** A folded block: `<details><summary>title (n)</summary>…</details>`. */
const fold = (cls, title, n, ...content) => el('details', { class: `pm-planner-fold ${cls}` },
  el('summary', {}, n == null ? title : `${title} (${n})`), ...content);

export function renderReport(root, answer, { onSelect, onSection, t, lang = 'zh', titleOf = (id, title) => title || id } = {}) {
  const report = answer.report;
  const fm = formatters(lang);
  const name = (zh, en) => (lang === 'en' && en ? en : zh || '');
  const layer = (id) => (LAYERS.includes(id) ? t(`planner.layer.${id}`) : id);
  const unit = (u) => (u ? ` ${u}` : '');
  const sectionLink = (nodeId, paragraphId, title) => el('a', {
    href: `#s=${encodeURIComponent(nodeId)}`, class: 'pm-planner-section-link',
    onclick: (e) => { e.preventDefault(); onSection?.(nodeId, paragraphId); },
  }, titleOf(nodeId, title));
  const targetText = (g) => `${g.comparator || ''}${fm.num(g.value, 2)}${g.valueMax != null ? `–${fm.num(g.valueMax, 2)}` : ''}${unit(g.unit)}${g.year ? ` (${g.year})` : ''}`;

  function summary() {
    const s = report.summary;
    if (!s) return null;
    const size = s.measure === 'area' ? fm.area(s.areaM2) : s.measure === 'length' ? fm.length(s.lengthM) : '';
    const shares = [...s.zones, ...s.areas];
    const shareCols = [[t('planner.col.name'), (z) => name(z.name, z.nameEn)], [t('planner.col.layer'), (z) => layer(z.collection)],
      [t('planner.col.shareProject'), (z) => fm.pct(z.shareOfProject)], [t('planner.col.shareZone'), (z) => fm.pct(z.shareOfZone)]]
      .filter((c, i) => i < 2 || (i === 2 ? s.measure !== 'count' : shares.some((z) => z.shareOfZone != null)));
    return el('section', { class: 'pm-planner-summary', 'aria-labelledby': 'pm-planner-summary-title' },
      el('h4', { id: 'pm-planner-summary-title' }, t('planner.summary.title')),
      size ? el('p', { class: 'pm-planner-size' }, t(`planner.summary.size.${s.measure}`, { size, n: report.features.length })) : null,
      shares.length ? table('pm-planner-shares', shareCols.map(([h]) => h), shares.map((z) => shareCols.map(([, c]) => c(z))))
        : el('p', { class: 'pm-planner-none' }, t('planner.report.outside')),
      s.passages.length ? [el('h5', {}, t('planner.summary.passages')),
        el('ol', { class: 'pm-planner-passages' }, s.passages.map((p) => el('li', { dataset: { paragraphId: p.paragraphId || '' } },
          el('span', { class: 'pm-planner-passage-about' }, `${p.featureNames.map((n, i) => name(n, p.featureNamesEn[i])).join('、')} · `),
          sectionLink(p.nodeId, p.paragraphId, p.title),
          el('q', { class: 'pm-planner-quote', lang: 'zh-CN', title: p.sentence.length > QUOTE ? p.sentence : null }, clip(p.sentence)),
          el('span', { class: 'pm-planner-why' }, t(`planner.why.${p.relation}`, { d: fm.num(p.distanceM) })))))] : null,
      s.targets.length ? [el('h5', {}, t('planner.summary.targets')),
        el('ul', { class: 'pm-planner-key-targets' }, s.targets.map((g) => el('li', {},
          el('strong', {}, targetText(g)), ' ', el('span', { lang: 'zh-CN' }, g.label))))] : null,
      el('p', { class: 'pm-planner-sites' }, t('planner.summary.sites', { inside: s.sitesInside, nearby: s.sitesNearby, radius: fm.num(report.distanceMetres) })),
      indicative());
  }

  /** One line per accuracy level that is not a survey, in the UI language (the server's caveats are its fallback). */
  function indicative() {
    if (!report.indicative) return report.caveats.map((c) => el('p', { class: 'pm-planner-caveat' }, c));
    return report.indicative.map((c) => el('p', { class: 'pm-planner-caveat', dataset: { accuracy: c.accuracy } },
      t(`planner.caveat.${c.accuracy}`, { names: c.names.map((n, i) => name(n, c.namesEn[i])).join(lang === 'en' ? ', ' : '、') })));
  }

  function featureSection(f) {
    const size = f.areaM2 != null ? `${fm.area(f.areaM2)} · ${fm.num(f.areaHa, 2)} ha` : f.lengthM != null ? fm.length(f.lengthM) : t(`planner.kind.${f.kind || 'point'}`);
    const touches = f.touches.length ? (() => {
      const columns = [[t('planner.col.name'), (z) => name(z.name, z.nameEn)], [t('planner.col.layer'), (z) => layer(z.collection)],
        [t('planner.col.area'), (z) => (z.areaM2 == null ? '' : `${fm.num(z.areaM2)} (${fm.num(z.areaHa, 2)})`), 'areaM2'],
        [t('planner.col.shareProject'), (z) => fm.pct(z.shareOfProject), 'shareOfProject'],
        [t('planner.col.shareZone'), (z) => fm.pct(z.shareOfZone), 'shareOfZone'],
        [t('planner.col.length'), (z) => fm.num(z.lengthM), 'lengthM']].filter(([, , key]) => !key || f.touches.some((z) => z[key] != null));
      return table('pm-planner-touches', columns.map(([h]) => h), f.touches.map((z) => columns.map(([, cell]) => cell(z))));
    })() : el('p', { class: 'pm-planner-none' }, t('planner.report.outside'));
    const nearby = f.nearbySites.length ? table('pm-planner-nearby', [t('planner.col.project'), t('planner.col.column'), t('planner.col.distance'), t('planner.col.accuracy')],
      f.nearbySites.map((s) => [name(s.name, s.nameEn), s.column == null ? '' : String(s.column), fm.num(s.distanceM), t(accuracyKey(s.accuracy))]))
      : el('p', { class: 'pm-planner-none' }, t('planner.report.noNearby'));
    nearby.querySelectorAll?.('tbody tr').forEach((tr, i) => {
      tr.tabIndex = 0;
      tr.title = t('planner.report.showOnMap');
      const select = () => onSelect && onSelect(f.nearbySites[i].id);
      tr.addEventListener('click', select);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(); } });
    });
    const sec = el('section', { class: 'pm-planner-feature', dataset: { index: String(f.index) } },
      el('h4', {}, shapeLabel(f, report.format, t, lang)), el('p', { class: 'pm-planner-size' }, size),
      el('h5', {}, t('planner.report.touches')), touches,
      fold('pm-planner-fold-nearby', t('planner.report.nearby'), f.nearbySites.length, nearby));
    if (f.plan.length) {
      sec.append(fold('pm-planner-fold-plan', t('planner.report.plan'), f.plan.length,
        el('ul', { class: 'pm-planner-plan' }, f.plan.map((p) => el('li', {},
          el('strong', {}, `${name(p.featureName, p.featureNameEn) || p.featureId} · `), sectionLink(p.nodeId, p.paragraphId, p.title),
          p.sentence ? el('q', { class: 'pm-planner-quote', lang: 'zh-CN' }, p.sentence) : null)))));
    }
    if (f.indicators?.length) {
      sec.append(fold('pm-planner-fold-indicators', t('planner.report.indicators'), f.indicators.length,
        table('pm-planner-indicators', [t('planner.col.indicator'), t('planner.col.target'), t('planner.col.result'), t('planner.col.outcome'), t('planner.col.via')],
          f.indicators.map((i) => [name(i.name, i.nameEn), i.target ? `${i.target}${unit(i.unit)}` : '', i.result ? `${i.result}${unit(i.unit)}` : '',
            OUTCOMES.includes(i.outcome) ? t(`planner.outcome.${i.outcome}`) : '', i.featureName || i.featureId]))));
    }
    if (f.targets?.length) {
      sec.append(fold('pm-planner-fold-targets', t('planner.report.targets'), f.targets.length,
        el('ul', { class: 'pm-planner-targets' }, f.targets.map((g) => el('li', {},
          el('strong', {}, `${targetText(g)} `), el('span', { lang: 'zh-CN' }, g.sentence || g.label || ''))))));
    }
    return sec;
  }

  const quotes = (report.summary?.passages?.length || report.features.some((f) => f.plan.length)) && lang === 'en';
  root.replaceChildren();
  append(root, [
    el('h3', { class: 'pm-planner-title' }, overlayTitle(answer, t, lang)),
    el('p', { class: 'pm-planner-meta' }, t('planner.report.meta', { crs: report.crs, source: report.crsSource, metric: report.metricCrs,
      radius: fm.num(report.distanceMetres) }) + (answer.createdAt ? ` · ${t('planner.report.saved', { date: answer.createdAt.slice(0, 16).replace('T', ' ') })}` : '')),
    report.notes.map((n) => el('p', { class: 'pm-planner-note' }, n)),
    quotes ? el('p', { class: 'pm-zh-only' }, t('planner.zhOnly')) : null,
    summary(),
    el('h4', { class: 'pm-planner-details-title' }, t('planner.details.title')),
    report.features.map(featureSection)]);
}

/** Opens every folded block (for printing) and returns the function that folds them back. */
export function unfoldAll(root) {
  const closed = [...root.querySelectorAll('details.pm-planner-fold:not([open])')];
  closed.forEach((d) => { d.open = true; });
  return () => closed.forEach((d) => { d.open = false; });
}
