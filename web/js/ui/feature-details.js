/**
 * The feature section of the panel: name (zh/en), layer, zone, accuracy in
 * words, what the plan says (planRefs sentences with the name marked, each a
 * link into the reader), related indicators and related features.
 * Listens: feature:selected, layers:loaded, features:loaded, panel:close-requested, ui:relabel.
 */
import { el, clear, fromTemplate } from '../util/dom.js';
import { splitHighlight } from '../util/highlight.js';
import { accuracyKey } from '../util/format.js';
import { encodeHash } from '../core/url-state.js';

export function mountFeatureDetails({ root, bus, state, api, t, pick }) {
  const layerTitles = new Map();
  const names = new Map();
  let data = null;
  let token = 0;

  const sectionLink = (nodeId, paragraphId, ...content) => el('a', {
    href: encodeHash({ ...state.get(), section: nodeId }),
    onclick: (e) => { e.preventDefault(); state.set({ section: nodeId }, { history: 'push', paragraphId }); },
  }, ...content);

  const featureButton = (id, label) => el('button', {
    type: 'button', class: 'pm-linkish',
    onclick: () => state.set({ feature: id }, { history: 'push', focus: true }),
  }, label);

  const nameOf = (id) => { const p = names.get(id); return p ? (state.get().lang === 'en' && p.nameEn) || p.name : id; };

  function marked(text, needles) {
    return splitHighlight(text, needles).map((s) => (s.match ? el('mark', {}, s.text) : s.text));
  }

  function render() {
    clear(root);
    if (!data) return;
    const p = data.properties || {};
    const node = fromTemplate('pm-tpl-feature');
    bus.emit('i18n:apply', { root: node });
    // the UI language's name first; the other below it in English (the Chinese original stays visible), none in Chinese
    const en = state.get().lang === 'en';
    node.querySelector('.pm-feature-name').textContent = (en && p.nameEn) || p.name || data.id;
    node.querySelector('.pm-feature-name').id = 'pm-feature-title';
    const second = node.querySelector('.pm-feature-name-en');
    second.textContent = en && p.nameEn ? p.name || '' : '';
    second.lang = 'zh-CN';
    second.hidden = !second.textContent;
    node.querySelector('.pm-f-layer').textContent = layerTitles.has(data.collection) ? pick(layerTitles.get(data.collection)) : data.collection || '';
    node.querySelector('.pm-f-zone').textContent = p.zone ? nameOf(p.zone) : t('feature.noZone');
    node.querySelector('.pm-f-accuracy').textContent = t(accuracyKey(p.accuracy));
    node.querySelector('.pm-accuracy-note').textContent = [
      p.accuracy === 'schematic' || p.accuracy === 'approximate' ? t(`accuracy.${p.accuracy}.explain`) : '',
      (en && p.accuracyNoteEn) || p.accuracyNote || '',
    ].filter(Boolean).join(' ');
    // plan sentences exist in Chinese only: the English UI says so once, above them
    if (en && (data.planRefs || []).length) node.querySelector('.pm-refs').before(el('p', { class: 'pm-zh-only' }, t('feature.zhOnly')));
    const needles = [p.name, p.nameEn, ...(Array.isArray(p.aliases) ? p.aliases : [])];
    const refs = node.querySelector('.pm-refs');
    for (const ref of data.planRefs || []) {
      refs.append(el('li', {},
        el('blockquote', { class: 'pm-sentence' }, marked(ref.sentence || '', [ref.matchedName, ...needles])),
        sectionLink(ref.nodeId, ref.paragraphId, t('feature.readIn', { title: (state.get().lang === 'en' && ref.titleEn) || pick(ref.title) || ref.nodeId }))));
    }
    if (!refs.children.length) refs.append(el('li', { class: 'pm-note' }, t('feature.noRefs')));
    const inds = node.querySelector('.pm-indicators');
    for (const ind of data.indicators || []) {
      const target = ind.target ?? ind.targetRaw ?? ind.target_raw ?? '';
      const text = [pick(ind.name) || ind.id, target && `${t('feature.target')} ${target}`, ind.unit && `(${ind.unit})`].filter(Boolean).join(' ');
      inds.append(el('li', {}, ind.sectionId || ind.tableId ? sectionLink(ind.sectionId || ind.tableId, null, text) : text));
    }
    node.querySelector('.pm-h-indicators').hidden = inds.hidden = !inds.children.length;
    const rel = node.querySelector('.pm-related');
    for (const r of data.related || []) rel.append(el('li', {}, featureButton(r.id, nameOf(r.id) === r.id ? pick(r.name) || r.id : nameOf(r.id))));
    node.querySelector('.pm-h-related').hidden = rel.hidden = !rel.children.length;
    if (data.progress) node.append(progressBlock(data.progress));
    root.append(node);
    root.setAttribute('aria-labelledby', 'pm-feature-title');
  }

  /** The item's implementation status and its history (issue #10), oldest first; data as text, links http(s) only. */
  function progressBlock(pr) {
    const en = state.get().lang === 'en';
    const status = (r) => (en ? r.statusEn : r.statusZh);
    const block = el('div', { class: 'pm-feature-progress' }, el('h3', { class: 'pm-h3' }, t('feature.progress')),
      el('p', { class: 'pm-progress-current', dataset: { status: pr.status } }, status(pr), pr.since ? ` · ${t('feature.progressSince', { date: pr.since })}` : ''));
    const list = el('ol', { class: 'pm-progress-history' });
    for (const r of pr.history || []) {
      const parts = [`${r.since} ${status(r)}`, r.percentDone != null ? `${r.percentDone}%` : '', r.note || ''].filter(Boolean).join(' · ');
      const evidence = /^https?:\/\//i.test(r.evidenceUrl || '') ? el('a', { href: r.evidenceUrl, rel: 'noopener noreferrer nofollow', target: '_blank' }, t('feature.progressEvidence')) : null;
      list.append(el('li', {}, parts, evidence ? ' ' : '', evidence,
        el('span', { class: 'pm-note' }, ` (${t('feature.progressRecorded', { who: r.recordedBy, when: String(r.recordedAt).slice(0, 10) })})`)));
    }
    if (list.children.length) block.append(list);
    return block;
  }

  async function load({ id, source }) {
    const mine = ++token;
    if (!id) { data = null; render(); bus.emit('panel:hide', { name: 'feature' }); return; }
    try {
      const d = await api.feature(id);
      if (mine !== token) return;
      data = d;
    } catch (err) {
      if (mine !== token) return;
      data = { id, properties: { name: names.get(id)?.name || id, nameEn: names.get(id)?.nameEn }, planRefs: [] };
      bus.emit('status', { message: t('error.feature', { id }) });
    }
    render();
    bus.emit('panel:show', { name: 'feature', focus: source !== 'url' && source !== 'map' });
  }

  const offs = [
    bus.on('feature:selected', load),
    bus.on('layers:loaded', ({ layers }) => layers.forEach((l) => layerTitles.set(l.id, l.title))),
    bus.on('features:loaded', ({ features }) => features.forEach((f) => names.set(String(f.id), f.properties || {}))),
    bus.on('panel:close-requested', ({ name }) => { if (name === 'feature') state.set({ feature: null }, { history: 'push' }); }),
    bus.on('ui:relabel', render),
  ];
  return () => { offs.forEach((off) => off()); clear(root); };
}
