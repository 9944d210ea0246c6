/**
 * The moderation queue of the staff workspace (moderators; issue #11): comments newest first, filtered by
 * consultation, topic, area and state; each with its place, the word-list flags and the contact (which only
 * moderators ever see); approve, reject with a reason, or hide a published one with a reason. Every decision is
 * audited by the server. Refreshes every 15 s. Strings: i18n namespace staff-moderation.
 */
import { ApiError } from '../api/client.js';

const TOPICS = ['support', 'concern', 'suggestion', 'question'];
const STATES = ['pending', 'published', 'rejected', 'hidden'];
const REFRESH_MS = 15000;

export async function mount({ root, api, t, useNamespace, el }) {
  await useNamespace('staff-moderation');
  const tx = (k, v) => t(`staff-moderation.${k}`, v);
  const problem = (e) => (e instanceof ApiError ? e.message : tx('networkError'));
  const consultation = el('select', { id: 'pm-mod-consultation' });
  const topic = el('select', { id: 'pm-mod-topic' }, el('option', { value: '' }, tx('any')), TOPICS.map((k) => el('option', { value: k }, tx(`topic.${k}`))));
  const area = el('input', { id: 'pm-mod-area', placeholder: 'zone-east' });
  const status = el('select', { id: 'pm-mod-status' }, STATES.map((k) => el('option', { value: k }, tx(`status.${k}`))));
  const message = el('p', { class: 'pm-staff-message', role: 'alert' });
  const count = el('p', { id: 'pm-mod-count', role: 'status' });
  const list = el('ol', { class: 'pm-mod-list', id: 'pm-mod-list' });
  const field = (id, key, input) => el('span', { class: 'pm-mod-field' }, el('label', { for: id }, tx(key)), ' ', input);
  root.append(el('h2', {}, tx('title')),
    el('form', { class: 'pm-mod-filters', onsubmit: (e) => { e.preventDefault(); load(); } },
      field('pm-mod-consultation', 'consultation', consultation), field('pm-mod-topic', 'topic', topic),
      field('pm-mod-area', 'area', area), field('pm-mod-status', 'status', status),
      el('button', { type: 'submit', class: 'pm-staff-btn' }, tx('refresh'))),
    message, count, list);

  const when = (iso) => new Date(iso).toLocaleString(document.documentElement.lang);

  async function loadConsultations() {
    const all = await api.get('api/staff/consultations', { cached: false });
    const keep = consultation.value;
    consultation.replaceChildren(el('option', { value: '' }, tx('any')),
      ...all.map((c) => el('option', { value: c.id }, `${c.title.zh} / ${c.title.en} (${tx('pendingCount', { n: c.comments.pending })})`)));
    consultation.value = all.some((c) => c.id === keep) ? keep : '';
  }

  function card(c) {
    const reason = el('input', { type: 'text', class: 'pm-mod-reason', 'aria-label': tx('reason'), placeholder: tx('reason'), maxlength: '500' });
    const act = (decision) => async () => {
      message.textContent = '';
      try {
        await api.post(`api/staff/comments/${encodeURIComponent(c.id)}/${decision}`, { json: { reason: reason.value } });
        item.remove();
        message.textContent = tx(`done.${decision}`);
      } catch (e) {
        message.textContent = problem(e);
      }
    };
    const place = [c.anchor, c.zone, ...(c.areaIds || []), c.sectionId, c.anchorRef].filter(Boolean).join(' · ');
    const item = el('li', { class: 'pm-mod-item', dataset: { commentId: c.id, status: c.status } },
      el('p', { class: 'pm-mod-meta' }, `${when(c.createdAt)} · ${tx(`topic.${c.topic}`)} · ${place}`),
      el('p', { class: 'pm-mod-text' }, c.text),
      c.flaggedWords?.length ? el('p', { class: 'pm-mod-flags' }, tx('flagged', { words: c.flaggedWords.join(', ') })) : null,
      c.contact ? el('p', { class: 'pm-mod-contact' }, tx('contact', { contact: c.contact })) : null,
      c.reason ? el('p', { class: 'pm-mod-reason-shown' }, tx('reasonShown', { reason: c.reason })) : null,
      el('div', { class: 'pm-mod-actions' },
        c.status === 'pending' ? el('button', { type: 'button', class: 'pm-staff-btn pm-mod-approve', onclick: act('approve') }, tx('approve')) : null,
        c.status === 'pending' || c.status === 'published' ? reason : null,
        c.status === 'pending' ? el('button', { type: 'button', class: 'pm-staff-btn pm-mod-reject', onclick: act('reject') }, tx('reject')) : null,
        c.status === 'published' ? el('button', { type: 'button', class: 'pm-staff-btn pm-mod-hide', onclick: act('hide') }, tx('hide')) : null));
    return item;
  }

  async function load() {
    try {
      const answer = await api.get('api/staff/comments', { query: { consultation: consultation.value, topic: topic.value,
        area: area.value.trim(), status: status.value }, cached: false });
      const open = root.contains(document.activeElement) && document.activeElement.classList.contains('pm-mod-reason');
      if (open) return; // do not redraw under a moderator typing a reason
      list.replaceChildren(...answer.comments.map(card));
      count.textContent = tx('count', { n: answer.count });
    } catch (e) {
      message.textContent = problem(e);
    }
  }

  try {
    await loadConsultations();
  } catch (e) {
    message.textContent = problem(e);
  }
  await load();
  const timer = setInterval(() => { load(); }, REFRESH_MS);
  return () => { clearInterval(timer); root.replaceChildren(); };
}
