/**
 * Adds the quantified targets tied to a feature (GET /api/features/{id}
 * `targets`, filled by the indicators back end) to the feature panel, under
 * the resident feature details. The resident module re-renders its section
 * on its own schedule, so the block is (re)attached whenever the section
 * holds a feature article without it.
 */
import { el } from '../util/dom.js';
import { api } from '../api/client.js';
import { t } from '../core/i18n.js';
import { encodeHash } from '../core/url-state.js';

export function mountFeatureTargets({ bus, state }) {
  const root = document.getElementById('pm-panel-feature');
  if (!root) return () => {};
  let current = null;
  let block = null;
  let data = null;
  let token = 0;
  const titles = new Map(); // plan node id → {title, titleEn}: a link names its section, not its id
  api.toc().then((toc) => {
    const walk = (nodes) => (nodes || []).forEach((n) => { titles.set(n.id, n); walk(n.children); });
    walk(toc.toc);
  }).catch(() => {});
  const sectionTitle = (id) => {
    const n = titles.get(id);
    if (!n) return id;
    return state.get().lang === 'en' && n.titleEn ? n.titleEn : [n.number, n.title].filter(Boolean).join(' ');
  };

  async function load(id) {
    const mine = ++token;
    current = id;
    block = null;
    data = null;
    if (!id) return;
    const answer = await api.featureTargets(id).catch(() => null);
    if (!answer || mine !== token) return;
    data = answer;
    block = build(data);
    attach();
  }

  function build(data) {
    if (!data.targets.length) return null;
    return el('section', { class: 'pm-feature-targets', dataset: { featureId: data.featureId } },
      el('h3', {}, t('indicators.targetsOf')),
      el('ul', {}, data.targets.map((g) => el('li', { dataset: { targetId: g.id } },
        el('strong', {}, g.label || g.match), g.year ? ` (${g.year})` : '',
        el('br'), el('a', {
          href: encodeHash({ ...state.get(), section: g.sectionId }),
          onclick: (e) => { e.preventDefault(); state.set({ section: g.sectionId }, { history: 'push', paragraphId: g.paragraphId }); },
        }, sectionTitle(g.sectionId))))));
  }

  function attach() {
    const article = root.querySelector('.pm-feature');
    if (!block || !article || article.querySelector('.pm-feature-targets')) return;
    article.append(block);
  }

  const observer = new MutationObserver(() => attach());
  observer.observe(root, { childList: true });
  const offs = [
    bus.on('feature:selected', ({ id }) => { if (id !== current) load(id); }),
    // the feature section re-renders on ui:relabel; the block follows in the new language
    bus.on('ui:relabel', () => { if (data) { block?.remove(); block = build(data); attach(); } }),
  ];
  if (state.get().feature) load(state.get().feature);
  return () => { observer.disconnect(); offs.forEach((o) => o()); };
}
