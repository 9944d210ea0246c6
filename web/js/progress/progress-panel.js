/**
 * The progress panel (issue #10): an "as of" date, the status legend with counts, the counts by zone, by area and by
 * column, the changes of the last 90 days, and a link to the printable summary. It draws the map's progress layer
 * through the bus (`progress:show` / `progress:clear`, map/progress-layer.js) from the items of `api/progress` and
 * the project sites' geometry. State key `progress`: `now` or a day (`2024-06-30`); null closes the view.
 */
import { el, clear, listen } from '../util/dom.js';
import { swatch } from '../util/swatch.js';
import { PROGRESS_ORDER, progressSwatch } from '../map/styles.js';

export function mountProgressPanel({ bus, state, t, api }) {
  const panel = document.getElementById('pm-panel');
  const section = el('section', { class: 'pm-panel-section pm-progress', dataset: { panel: 'progress' }, 'aria-labelledby': 'pm-progress-title' });
  panel.append(section);
  let board = null;
  let sites = null;
  let loadedFor = null;
  let error = null;

  const lang = () => state.get().lang;
  const statusName = (id) => {
    const s = board?.statuses.find((x) => x.id === id);
    return s ? (lang() === 'en' ? s.en : s.zh) : id;
  };
  const nameOf = (x) => (lang() === 'en' && x.nameEn ? x.nameEn : x.name);

  async function load(day) {
    loadedFor = day;
    error = null;
    try {
      const [b, layer] = await Promise.all([
        api.get('api/progress', { query: day === 'now' ? {} : { asOf: day }, cached: false }),
        sites ? Promise.resolve(sites) : api.layer('project-sites'),
      ]);
      if (loadedFor !== day) return;
      board = b;
      sites = layer;
      draw();
    } catch (e) {
      error = e.message || String(e);
    }
    render();
  }

  function draw() {
    const byId = new Map((sites?.features || []).map((f) => [String(f.id), f]));
    const features = [];
    for (const item of board.items) {
      const site = item.featureId && byId.get(item.featureId);
      if (!site) continue;
      features.push({ type: 'Feature', id: item.id, geometry: site.geometry, properties: item });
    }
    bus.emit('progress:show', { features });
  }

  function counts(c) {
    const parts = PROGRESS_ORDER.filter((s) => c[s] > 0).map((s) => `${statusName(s)} ${c[s]}`);
    return parts.join(' · ');
  }

  function groupList(title, groups) {
    const list = el('ul', { class: 'pm-progress-groups' });
    for (const g of groups) {
      list.append(el('li', {}, el('strong', {}, g.name ? nameOf(g) : g.title || `专栏${g.column}`),
        el('span', { class: 'pm-count' }, ` (${g.counts.total})`), el('br'), el('span', { class: 'pm-note' }, counts(g.counts))));
    }
    return el('details', { class: 'pm-progress-details' }, el('summary', {}, title), list);
  }

  function render() {
    clear(section);
    section.append(el('h2', { class: 'pm-h2', id: 'pm-progress-title' }, t('progress.title')));
    const input = el('input', { type: 'date', id: 'pm-progress-asof', min: '2021-01-01', value: board?.asOf || '', max: board && loadedFor === 'now' ? board.asOf : undefined });
    section.append(el('p', { class: 'pm-progress-asof' }, el('label', { for: 'pm-progress-asof' }, t('progress.asOf')), ' ', input,
      ' ', el('button', { type: 'button', class: 'pm-btn pm-progress-today' }, t('progress.today'))));
    if (error) { section.append(el('p', { class: 'pm-error', role: 'alert' }, error)); return; }
    if (!board) { section.append(el('p', { class: 'pm-note' }, t('progress.loading'))); return; }
    section.append(el('p', { class: 'pm-note' }, t('progress.honest')));
    const mapped = board.items.filter((i) => i.featureId).length;
    const legend = el('ul', { class: 'pm-legend pm-progress-legend', 'aria-label': t('progress.legend') });
    for (const s of PROGRESS_ORDER) {
      legend.append(el('li', { dataset: { status: s } }, swatch(progressSwatch(s)), statusName(s),
        el('span', { class: 'pm-count' }, ` ${board.counts[s]}`)));
    }
    section.append(el('h3', { class: 'pm-h3' }, t('progress.legend')), legend,
      el('p', { class: 'pm-note' }, t('progress.mappedOnly', { mapped, total: board.total })));
    section.append(groupList(t('progress.byZone'), board.byZone), groupList(t('progress.byArea'), board.byArea),
      groupList(t('progress.byColumn'), board.byColumn));
    const recent = el('ul', { class: 'pm-progress-recent' });
    for (const r of board.recent) recent.append(el('li', {}, `${r.date} `, el('strong', {}, r.name), ` → ${statusName(r.status)}`));
    if (!board.recent.length) recent.append(el('li', { class: 'pm-note' }, t('progress.noRecent', { days: board.recentDays })));
    section.append(el('h3', { class: 'pm-h3' }, t('progress.recent', { days: board.recentDays })), recent);
    section.append(el('p', {}, el('a', { href: `progress.html?asOf=${board.asOf}&lang=${lang()}`, target: '_blank', rel: 'noopener' }, t('progress.summaryLink'))));
  }

  function onChange(e) {
    if (e.target.id !== 'pm-progress-asof' || !e.target.value) return;
    state.set({ progress: e.target.value }, { history: 'push' });
  }
  function onClick(e) {
    if (e.target.closest('.pm-progress-today')) state.set({ progress: 'now' }, { history: 'push' });
  }

  function apply(s) {
    if (s.progress) {
      bus.emit('panel:show', { name: 'progress', focus: false });
      if (s.progress !== loadedFor) load(s.progress);
    } else {
      loadedFor = null;
      board = null;
      bus.emit('progress:clear');
      bus.emit('panel:hide', { name: 'progress' });
    }
  }

  const offs = [
    listen(section, 'change', onChange),
    listen(section, 'click', onClick),
    bus.on('state:changed', ({ changed, state: s }) => { if (changed.includes('progress')) apply(s); }),
    bus.on('panel:close-requested', ({ name }) => { if (name === 'progress') state.set({ progress: null }, { history: 'push' }); }),
    bus.on('ui:relabel', render),
  ];
  render();
  apply(state.get());
  return () => { offs.forEach((off) => off()); section.remove(); };
}
