// The results of a consultation (issue #11): counts by topic (a bar chart in the topic colours of map/styles.js),
// by ch.16 zone, by showcase/demonstration area and by plan section, the agreements, downloads of the published
// comments (CSV, GeoJSON, GeoPackage; no personal data), and a printable summary. Counts come from the server's
// /results (published comments only).
import { el, clear, append } from '../util/dom.js';
import { COMMENT_TOPIC_COLOURS } from '../map/styles.js';

const TOPICS = ['support', 'concern', 'suggestion', 'question'];

function bars(title, counts, label, colour) {
  const entries = Object.entries(counts);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return el('figure', { class: 'pm-consult-chart' }, el('figcaption', {}, title),
    entries.length ? el('ul', {}, entries.map(([k, n]) => el('li', {},
      el('span', { class: 'pm-consult-bar-label' }, label(k)),
      el('span', { class: 'pm-consult-bar', style: `width:${Math.round((n / max) * 100)}%;background:${colour(k)}`, 'aria-hidden': 'true' }),
      el('span', { class: 'pm-consult-bar-value' }, String(n))))) : el('p', {}, '—'));
}

/** Fills `box` with the results `r` (GET …/results); `tx` gives the `consultation.*` strings, `nameOf` names ids. */
export function renderResults(box, r, { tx, pick, nameOf, api, dateOf }) {
  clear(box);
  const neutral = COMMENT_TOPIC_COLOURS.suggestion;
  const download = (format) => el('a', { class: 'pm-btn', href: api.url(`api/consultations/${encodeURIComponent(r.consultation.id)}/export`, { format }), download: '' }, format.toUpperCase());
  const summary = el('div', { class: 'pm-consult-summary' },
    el('p', {}, tx('received', { n: r.received, p: r.published }), ' · ', tx('agreements', { n: r.agreements })),
    bars(tx('byTopic'), Object.fromEntries(TOPICS.map((k) => [k, r.byTopic[k] || 0])), (k) => tx(`topic.${k}`), (k) => COMMENT_TOPIC_COLOURS[k]),
    bars(tx('byZone'), r.byZone, nameOf, () => neutral),
    bars(tx('byArea'), r.byArea, nameOf, () => neutral),
    bars(tx('bySection'), r.bySection, nameOf, () => neutral),
    el('ol', { class: 'pm-consult-result-list' }, r.comments.map((c) => el('li', {},
      el('span', { class: 'pm-consult-comment-meta' }, tx(`topic.${c.topic}`), ` · ${tx('agree', { n: c.agreeCount })}`), ' ', el('span', {}, c.text)))));
  append(box, [summary,
    el('p', { class: 'pm-consult-downloads' }, tx('download'), ' ', download('csv'), ' ', download('geojson'), ' ', download('gpkg')),
    el('button', { type: 'button', class: 'pm-btn pm-consult-print', onclick: () => printSummary(summary, r, { tx, pick, dateOf }) }, tx('print'))]);
}

/** Prints the summary alone: a copy in #pm-consult-print, the rest of the page hidden while printing (css/consultation.css). */
function printSummary(summary, r, { tx, pick, dateOf }) {
  document.getElementById('pm-consult-print')?.remove();
  const sheet = el('div', { id: 'pm-consult-print', class: 'pm-consult-print' },
    el('h1', {}, pick(r.consultation.title)), el('p', {}, `${dateOf(r.consultation.opensAt)} – ${dateOf(r.consultation.closesAt)}`),
    el('h2', {}, tx('results')), summary.cloneNode(true));
  document.body.append(sheet);
  document.body.classList.add('pm-consult-printing');
  const done = () => { document.body.classList.remove('pm-consult-printing'); sheet.remove(); window.removeEventListener('afterprint', done); };
  window.addEventListener('afterprint', done);
  window.print();
}
