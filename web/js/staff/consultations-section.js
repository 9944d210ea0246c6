/**
 * Consultations (admins; issue #11): the list (open, upcoming, closed, each with its short link /c/{code}) and a form
 * to create one with every field of POST api/staff/consultations — titles zh/en, opening and closing time, the plan
 * sections (GET api/plan) and areas (showcase areas, demonstration zones) it is about, one to three questions (zh and
 * en), and whether comments are published after moderation (default) or at once. A refusal shows the server's
 * problem detail and marks the field it names. Strings: i18n namespace staff-consultations.
 */
import { ApiError } from '../api/client.js';
import { submissionKey } from '../util/submission-key.js';

const STATES = ['open', 'upcoming', 'closed'];
const AREA_LAYERS = ['showcase-areas', 'demonstration-zones'];
const MAX_QUESTIONS = 3;

/** A Date as the value of an <input type=datetime-local> (local time, minutes). */
function localValue(date) {
  const p = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

export async function mount({ root, api, t, useNamespace, el }) {
  await useNamespace('staff-consultations');
  const tx = (k, v) => t(`staff-consultations.${k}`, v);
  const lang = () => (document.documentElement.lang || '').startsWith('en') ? 'en' : 'zh';
  const pick = (zh, en) => (lang() === 'en' ? en || zh : zh || en);
  const when = (iso) => new Date(iso).toLocaleString(document.documentElement.lang);
  const message = el('p', { class: 'pm-staff-message', role: 'alert', id: 'pm-consultations-message' });
  const created = el('div', { id: 'pm-consultations-created', role: 'status' });
  const lists = Object.fromEntries(STATES.map((s) => [s, el('ul', { class: 'pm-consultations-list', id: `pm-consultations-${s}` })]));

  function item(c) {
    const link = new URL(c.link.replace(/^\//, ''), document.baseURI).href;
    return el('li', { dataset: { consultationId: c.id, state: c.state } },
      el('strong', {}, pick(c.title.zh, c.title.en)), ' · ',
      el('a', { href: link, class: 'pm-consultations-link', target: '_blank', rel: 'noopener' }, c.link), ' · ',
      tx('period', { opens: when(c.opensAt), closes: when(c.closesAt) }), ' · ',
      tx(`mode.${c.publishMode}`),
      c.comments ? ` · ${tx('counts', { pending: c.comments.pending, published: c.comments.published })}` : null);
  }

  async function load() {
    const all = await api.get('api/staff/consultations', { cached: false });
    for (const s of STATES) {
      const mine = all.filter((c) => c.state === s);
      lists[s].replaceChildren(...(mine.length ? mine.map(item) : [el('li', { class: 'pm-staff-hint' }, tx('noneInState'))]));
    }
  }

  // the form
  const field = (id, key, input, hint) => [el('label', { for: id }, tx(key)), input, hint ? el('p', { class: 'pm-staff-hint' }, hint) : null];
  const titleZh = el('input', { id: 'pm-consultations-title-zh', name: 'titleZh', maxlength: '200', required: true, lang: 'zh-CN' });
  const titleEn = el('input', { id: 'pm-consultations-title-en', name: 'titleEn', maxlength: '200', required: true, lang: 'en' });
  const now = new Date();
  now.setSeconds(0, 0);
  const opensAt = el('input', { id: 'pm-consultations-opens', name: 'opensAt', type: 'datetime-local', required: true, value: localValue(now) });
  const closesAt = el('input', { id: 'pm-consultations-closes', name: 'closesAt', type: 'datetime-local', required: true,
    value: localValue(new Date(now.getTime() + 14 * 24 * 3600 * 1000)) });
  const planRefs = el('select', { id: 'pm-consultations-sections', name: 'planRefs', multiple: true, size: '8' });
  const areaIds = el('select', { id: 'pm-consultations-areas', name: 'areaIds', multiple: true, size: '8' });
  const questions = el('ol', { id: 'pm-consultations-questions', class: 'pm-consultations-questions' });
  const addQuestion = el('button', { type: 'button', class: 'pm-staff-btn pm-staff-small', id: 'pm-consultations-add-question' }, tx('addQuestion'));
  const modes = ['moderated', 'immediate'].map((m) => el('label', { class: 'pm-staff-check' },
    el('input', { type: 'radio', name: 'publishMode', value: m, checked: m === 'moderated' || null }), tx(`mode.${m}`)));

  function renumber() {
    [...questions.children].forEach((li, i) => {
      const [zh, en] = li.querySelectorAll('input');
      zh.id = `pm-consultations-q${i + 1}-zh`;
      en.id = `pm-consultations-q${i + 1}-en`;
      const [lzh, len] = li.querySelectorAll('label');
      lzh.setAttribute('for', zh.id);
      lzh.textContent = tx('questionZh', { n: i + 1 });
      len.setAttribute('for', en.id);
      len.textContent = tx('questionEn', { n: i + 1 });
      const remove = li.querySelector('button');
      remove.hidden = questions.children.length === 1;
      remove.textContent = tx('removeQuestion', { n: i + 1 });
    });
    addQuestion.hidden = questions.children.length >= MAX_QUESTIONS;
  }

  function question() {
    const li = el('li', { class: 'pm-consultations-question' },
      el('label'), el('input', { maxlength: '500', required: true, lang: 'zh-CN', class: 'pm-consultations-q-zh' }),
      el('label'), el('input', { maxlength: '500', required: true, lang: 'en', class: 'pm-consultations-q-en' }),
      el('button', { type: 'button', class: 'pm-staff-btn pm-staff-small', onclick: () => { li.remove(); renumber(); } }));
    return li;
  }

  addQuestion.addEventListener('click', () => {
    if (questions.children.length >= MAX_QUESTIONS) return;
    questions.append(question());
    renumber();
    questions.lastElementChild.querySelector('input').focus();
  });
  questions.append(question());
  renumber();

  const form = el('form', { class: 'pm-staff-card', id: 'pm-consultations-new', novalidate: true },
    el('h3', {}, tx('newTitle')),
    field('pm-consultations-title-zh', 'titleZh', titleZh),
    field('pm-consultations-title-en', 'titleEn', titleEn),
    field('pm-consultations-opens', 'opensAt', opensAt),
    field('pm-consultations-closes', 'closesAt', closesAt, tx('timeHint')),
    field('pm-consultations-sections', 'planRefs', planRefs, tx('multiHint')),
    field('pm-consultations-areas', 'areaIds', areaIds, tx('multiHint')),
    el('fieldset', { id: 'pm-consultations-questions-set' }, el('legend', {}, tx('questions')), questions, addQuestion),
    el('fieldset', { id: 'pm-consultations-mode' }, el('legend', {}, tx('publishMode')), modes),
    el('button', { type: 'submit', class: 'pm-staff-btn pm-staff-primary' }, tx('create')));

  const fields = { titleZh, titleEn, opensAt, closesAt, planRefs, areaIds, questions, publishMode: modes[0].firstChild };
  const iso = (input) => (input.value ? new Date(input.value).toISOString() : '');
  const chosen = (select) => [...select.selectedOptions].map((o) => o.value);

  const createKey = submissionKey(); // a double click or a retry creates the consultation once
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    created.replaceChildren();
    for (const f of Object.values(fields)) f.removeAttribute('aria-invalid');
    const body = {
      titleZh: titleZh.value, titleEn: titleEn.value, opensAt: iso(opensAt), closesAt: iso(closesAt),
      planRefs: chosen(planRefs), areaIds: chosen(areaIds),
      questions: [...questions.children].map((li) => ({ zh: li.querySelector('.pm-consultations-q-zh').value, en: li.querySelector('.pm-consultations-q-en').value })),
      publishMode: modes.map((l) => l.firstChild).find((r) => r.checked)?.value || 'moderated',
    };
    try {
      const c = await api.post('api/staff/consultations', { json: body, idempotencyKey: createKey.for(body) });
      createKey.stored();
      const link = new URL(c.link.replace(/^\//, ''), document.baseURI).href;
      created.replaceChildren(el('p', {}, tx('created', { title: pick(c.title.zh, c.title.en) }), ' ',
        el('a', { href: link, id: 'pm-consultations-created-link', target: '_blank', rel: 'noopener' }, c.link)));
      form.reset();
      questions.replaceChildren(question());
      renumber();
      await load();
    } catch (e) {
      message.textContent = e instanceof ApiError ? e.message : tx('networkError');
      const bad = e instanceof ApiError ? fields[e.problem?.parameter] : null;
      if (bad) {
        bad.setAttribute('aria-invalid', 'true');
        (bad === questions ? questions.querySelector('input') : bad).focus();
      }
    }
  });

  root.append(el('h2', {}, tx('title')), message, created,
    ...STATES.flatMap((s) => [el('h3', {}, tx(`state.${s}`)), lists[s]]), form);

  // the choices: the plan's sections and the area features (read-only data, cached)
  try {
    const toc = await api.toc();
    const options = [];
    const walk = (nodes, depth) => (nodes || []).forEach((n) => {
      options.push(el('option', { value: n.id }, `${'\u00a0\u00a0'.repeat(depth)}${n.number ? `${n.number} ` : ''}${pick(n.title, n.titleEn)}`));
      walk(n.children, depth + 1);
    });
    walk(toc.toc, 0);
    planRefs.replaceChildren(...options);
    const layers = await Promise.all(AREA_LAYERS.map((id) => api.layer(id).catch(() => null)));
    areaIds.replaceChildren(...layers.flatMap((fc, i) => (fc ? [el('optgroup', { label: tx(`layer.${AREA_LAYERS[i]}`) },
      fc.features.map((f) => el('option', { value: String(f.id) }, pick(f.properties.name, f.properties.nameEn))))] : [])));
    await load();
  } catch (e) {
    message.textContent = e instanceof ApiError ? e.message : tx('networkError');
  }
  return () => { root.replaceChildren(); };
}
