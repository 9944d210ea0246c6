// A consultation in the right-hand panel (issue #11): what it asks, the comment form (phone first: topic, text with a
// counter, what the comment is about — a place under the map's cross, an area drawn on the map, the selected
// feature or the plan section being read —, an optional contact with its consent line, a hidden honeypot field),
// the published comments (filter by topic, "I agree" once per browser), and the results (counts, bars, downloads,
// a printable summary). Loaded by consultation-loader.js. Talks to the map only through the bus (comments:* to
// map/comments-layer.js, draw:* to map/draw-adapter.js); every text from residents goes in as text.
import { el, clear, append, listen } from '../util/dom.js';
import { ApiError } from '../api/client.js';
import { mountCommentsLayer } from '../map/comments-layer.js';
import { renderResults } from './results-view.js';

export const PANEL = 'consultation';
const TOPICS = ['support', 'concern', 'suggestion', 'question'];
const BROWSER_KEY = 'planmap.consultation.browser';
const AGREED = 'planmap.consultation.agreed';

/** A random key this browser keeps for "I agree" (once per browser; not a security boundary). */
function browserKey() {
  let k = localStorage.getItem(BROWSER_KEY);
  if (!k) { k = crypto.randomUUID(); localStorage.setItem(BROWSER_KEY, k); }
  return k;
}
const agreedSet = () => new Set(JSON.parse(localStorage.getItem(AGREED) || '[]'));

export function mountConsultation({ bus, state, t, pick, api }) {
  const panel = document.getElementById('pm-panel');
  if (!panel) return () => {};
  const tx = (k, v) => t(`consultation.${k}`, v);
  const section = el('section', { class: 'pm-panel-section pm-consultation', id: 'pm-panel-consultation', dataset: { panel: PANEL }, 'aria-labelledby': 'pm-consultation-title' });
  panel.append(section);
  const pickBar = el('div', { id: 'pm-consult-pick', class: 'pm-consult-pick', role: 'region', hidden: true });
  const crosshair = el('div', { class: 'pm-consult-crosshair', 'aria-hidden': 'true', hidden: true });
  document.body.append(pickBar);
  document.getElementById('pm-map')?.append(crosshair);
  const unmountLayer = window.planmap?.map?.leafletMap ? mountCommentsLayer({ adapter: window.planmap.map, bus }) : () => {};
  const names = new Map(); // feature and plan node ids → {zh, en}
  Promise.all(['zones', 'showcase-areas', 'demonstration-zones'].map((id) => api.layer(id).catch(() => null)))
    .then((layers) => layers.forEach((fc) => (fc?.features || []).forEach((f) => names.set(String(f.id), { zh: f.properties.name, en: f.properties.nameEn }))));
  api.toc().then((toc) => {
    const walk = (nodes) => (nodes || []).forEach((n) => { names.set(n.id, { zh: n.title, en: n.titleEn }); walk(n.children); });
    walk(toc.toc);
  }).catch(() => {});
  const nameOf = (id) => (names.has(id) ? pick(names.get(id)) : id);

  let all = []; // every consultation (GET api/consultations), for the chooser
  let current = null; // the consultation shown
  let comments = [];
  let filter = '';
  let anchor = null; // {kind, point | area | featureId | planRef, label}
  let draftKey = null; // Idempotency-Key of the comment being sent (kept across retries of the same comment)
  let message = null; // [text, kind]
  let formNode = null; // the form, kept across re-renders so what a resident typed stays
  let formFor = null; // the consultation id and language formNode was built for

  async function open(id) {
    const list = await api.get('api/consultations', { cached: false });
    all = list;
    const chosen = id ? list.find((c) => c.id === id) : list.find((c) => c.state === 'open') || list[0];
    if (!chosen) { current = null; render(); show(); return; }
    current = await api.get(`api/consultations/${encodeURIComponent(chosen.id)}`, { cached: false });
    if (state.get().consult !== current.id) state.set({ consult: current.id }, { history: 'replace' });
    await refresh();
    show();
  }

  async function refresh() {
    if (!current) return;
    const answer = await api.get(`api/consultations/${encodeURIComponent(current.id)}/comments`, { cached: false });
    comments = answer.comments;
    bus.emit('comments:show', { comments });
    render();
  }

  function show() { bus.emit('panel:show', { name: PANEL, focus: true }); }

  const dateOf = (iso) => new Date(iso).toLocaleString(state.get().lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

  function render() {
    clear(section);
    if (!current) { append(section, [el('h2', { id: 'pm-consultation-title' }, tx('title')), el('p', {}, tx('none'))]); return; }
    const c = current;
    const stateLine = c.state === 'open' ? tx('open', { date: dateOf(c.closesAt) }) : c.state === 'closed' ? tx('closed', { date: dateOf(c.closesAt) }) : tx('upcoming', { date: dateOf(c.opensAt) });
    append(section, [
      all.length > 1 ? el('label', { class: 'pm-consult-choose' }, tx('choose'), ' ', el('select', {
        onchange: (e) => { open(e.target.value).catch((err) => console.error(err)); },
      }, all.map((x) => el('option', { value: x.id, selected: x.id === c.id }, `${pick(x.title)} (${tx(`state.${x.state}`)})`)))) : null,
      el('h2', { id: 'pm-consultation-title' }, pick(c.title)),
      el('p', { class: 'pm-consult-state' }, stateLine),
      el('p', { class: 'pm-consult-counts' }, tx('received', { n: c.counts.received, p: c.counts.published })),
      c.questions.length ? el('div', { class: 'pm-consult-questions' }, el('h3', {}, tx('questions')),
        el('ol', {}, c.questions.map((q) => el('li', {}, pick(q))))) : null,
      c.state === 'open' ? currentForm(c) : null,
      el('p', { class: 'pm-consult-message', role: 'alert', hidden: !message, dataset: { kind: message?.[1] || '' } }, message?.[0] || ''),
      list(),
      el('details', { class: 'pm-consult-results-box', open: c.state === 'closed' },
        el('summary', {}, tx('results')), el('div', { class: 'pm-consult-results' })),
      el('p', { class: 'pm-consult-actions' },
        el('button', { type: 'button', class: 'pm-btn pm-consult-present', onclick: present }, tx('present'))),
    ]);
    const box = section.querySelector('.pm-consult-results-box');
    const loadResults = () => api.get(`api/consultations/${encodeURIComponent(c.id)}/results`, { cached: false })
      .then((r) => renderResults(section.querySelector('.pm-consult-results'), r, { tx, pick, nameOf, api, dateOf }));
    if (box.open) loadResults();
    box.addEventListener('toggle', () => { if (box.open) loadResults(); });
  }

  function currentForm(c) {
    const key = `${c.id}:${state.get().lang}`;
    if (formFor !== key) {
      const old = formNode;
      formNode = form(c);
      formFor = key;
      if (old) for (const name of ['text', 'contact']) formNode.elements[name].value = old.elements[name].value;
    }
    return formNode;
  }

  function form(c) {
    const f = el('form', { class: 'pm-consult-form', novalidate: true, 'aria-labelledby': 'pm-consult-form-title' },
      el('h3', { id: 'pm-consult-form-title' }, tx('form')),
      el('fieldset', { class: 'pm-consult-topics' }, el('legend', {}, tx('topic')),
        TOPICS.map((k, i) => el('label', {}, el('input', { type: 'radio', name: 'topic', value: k, required: true, checked: i === 0 }), ' ', tx(`topic.${k}`)))),
      c.questions.length > 1 ? el('label', {}, tx('question'), el('select', { name: 'question' }, el('option', { value: '' }, tx('question.none')),
        c.questions.map((q, i) => el('option', { value: String(i + 1) }, `${i + 1}. ${pick(q)}`)))) : null,
      el('label', { for: 'pm-consult-text' }, tx('text')),
      el('textarea', { id: 'pm-consult-text', name: 'text', rows: 4, maxlength: String(c.maxTextLength), required: true, 'aria-describedby': 'pm-consult-remaining' }),
      el('p', { id: 'pm-consult-remaining', class: 'pm-consult-remaining', 'aria-live': 'polite' }, tx('remaining', { n: c.maxTextLength })),
      el('fieldset', { class: 'pm-consult-anchor' }, el('legend', {}, tx('about')),
        ['point', 'area', 'feature', 'section'].map((k) => el('label', {}, el('input', { type: 'radio', name: 'anchor', value: k, checked: anchor?.kind === k }), ' ', tx(`anchor.${k}`))),
        el('p', { class: 'pm-consult-anchor-label', 'aria-live': 'polite' }, anchor?.label || tx('anchor.none')),
        el('button', { type: 'button', class: 'pm-btn pm-consult-pick-open', hidden: anchor?.kind !== 'point', onclick: startPicking }, tx('pick')),
        el('button', { type: 'button', class: 'pm-btn pm-consult-draw', hidden: anchor?.kind !== 'area', onclick: startDrawing }, tx('draw'))),
      el('label', { for: 'pm-consult-contact' }, tx('contact')),
      el('input', { id: 'pm-consult-contact', name: 'contact', type: 'text', autocomplete: 'email', maxlength: '200' }),
      el('label', { class: 'pm-consult-consent' }, el('input', { type: 'checkbox', name: 'consent' }), ' ', tx('consent', { days: c.contactRetentionDays })),
      // the honeypot: hidden from people (and screen readers), filled in by form-filling programs
      el('div', { class: 'pm-consult-hp', 'aria-hidden': 'true' }, el('label', {}, tx('website'), el('input', { name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' }))),
      el('p', { class: 'pm-consult-plain' }, c.publishMode === 'immediate' ? tx('plainImmediate') : tx('plain')),
      el('button', { type: 'submit', class: 'pm-btn pm-consult-send' }, tx('send')));
    const text = f.querySelector('textarea');
    text.addEventListener('input', () => {
      f.querySelector('.pm-consult-remaining').textContent = tx('remaining', { n: c.maxTextLength - [...text.value].length });
      draftKey = null; // a changed comment is a new request
    });
    f.querySelectorAll('input[name=anchor]').forEach((r) => r.addEventListener('change', () => chooseAnchor(r.value, f)));
    f.addEventListener('submit', (e) => { e.preventDefault(); send(f); });
    return f;
  }

  function setAnchor(next, f = section.querySelector('.pm-consult-form')) {
    anchor = next;
    draftKey = null;
    if (!f) return;
    f.querySelector('.pm-consult-anchor-label').textContent = anchor?.label || tx('anchor.none');
    f.querySelector('.pm-consult-pick-open').hidden = anchor?.kind !== 'point';
    f.querySelector('.pm-consult-draw').hidden = anchor?.kind !== 'area';
  }

  function chooseAnchor(kind, f) {
    const s = state.get();
    if (kind === 'feature') {
      if (!s.feature) { setAnchor({ kind, label: tx('featureNone') }, f); return; }
      setAnchor({ kind, featureId: s.feature, label: tx('featureChosen', { name: s.feature }) }, f);
      api.feature(s.feature).then((d) => { if (anchor?.featureId === s.feature) setAnchor({ ...anchor, label: tx('featureChosen', { name: pick({ zh: d.properties.name, en: d.properties.nameEn }) }) }, f); }).catch(() => {});
    } else if (kind === 'section') {
      if (!s.section) { setAnchor({ kind, label: tx('sectionNone') }, f); return; }
      setAnchor({ kind, planRef: s.section, label: tx('sectionChosen', { name: nameOf(s.section) }) }, f);
    } else {
      setAnchor({ kind, label: tx('anchor.none') }, f);
    }
  }

  function startPicking() {
    bus.emit('panel:hide', { name: PANEL });
    crosshair.hidden = false;
    clear(pickBar).append(el('p', {}, tx('pickHelp')),
      el('button', { type: 'button', class: 'pm-btn pm-consult-pick-use', onclick: () => endPicking(true) }, tx('pickUse')),
      el('button', { type: 'button', class: 'pm-btn', onclick: () => endPicking(false) }, tx('pickCancel')));
    pickBar.hidden = false;
    pickBar.querySelector('button').focus();
  }

  function endPicking(use) {
    pickBar.hidden = true;
    crosshair.hidden = true;
    const centre = state.get().center;
    if (use && centre) {
      setAnchor({ kind: 'point', point: [centre[1], centre[0]], label: tx('placeChosen', { lat: centre[0].toFixed(5), lng: centre[1].toFixed(5) }) });
    }
    show();
  }

  function startDrawing() {
    bus.emit('panel:hide', { name: PANEL });
    clear(pickBar).append(el('p', {}, tx('drawHelp')),
      el('button', { type: 'button', class: 'pm-btn', onclick: () => { bus.emit('draw:stop'); pickBar.hidden = true; show(); } }, tx('pickCancel')));
    pickBar.hidden = false;
    bus.emit('draw:start', { kind: 'polygon', owner: 'consultation' });
  }

  async function send(f) {
    const data = new FormData(f);
    const json = { topic: data.get('topic'), text: data.get('text'), website: data.get('website') || '' };
    if (data.get('question')) json.question = Number(data.get('question'));
    if (data.get('contact')) { json.contact = data.get('contact'); json.consent = data.get('consent') === 'on'; }
    if (anchor?.point) json.point = anchor.point;
    else if (anchor?.area) json.area = anchor.area;
    else if (anchor?.featureId) json.featureId = anchor.featureId;
    else if (anchor?.planRef) json.planRef = anchor.planRef;
    draftKey ??= crypto.randomUUID();
    const button = f.querySelector('.pm-consult-send');
    button.disabled = true;
    button.textContent = tx('sending');
    try {
      const answer = await api.post(`api/consultations/${encodeURIComponent(current.id)}/comments`, { json, idempotencyKey: draftKey });
      draftKey = null;
      anchor = null;
      formFor = null;
      formNode = null;
      message = [answer.status === 'published' ? tx('sentPublished') : tx('sent'), 'ok'];
      current = await api.get(`api/consultations/${encodeURIComponent(current.id)}`, { cached: false });
      await refresh();
      section.querySelector('.pm-consult-message')?.focus?.();
    } catch (err) {
      message = [err instanceof ApiError ? err.message : tx('retry'), 'error'];
      button.disabled = false;
      button.textContent = tx('send');
      const box = section.querySelector('.pm-consult-message');
      box.hidden = false;
      box.dataset.kind = 'error';
      box.textContent = message[0];
    }
  }

  function list() {
    const shown = comments.filter((c) => !filter || c.topic === filter);
    const agreed = agreedSet();
    return el('div', { class: 'pm-consult-list' },
      el('h3', {}, tx('list')),
      el('label', {}, tx('filter'), ' ', el('select', { onchange: (e) => { filter = e.target.value; render(); } },
        el('option', { value: '' }, tx('filter.all')),
        TOPICS.map((k) => el('option', { value: k, selected: filter === k }, tx(`topic.${k}`))))),
      shown.length ? el('ul', { class: 'pm-consult-comments' }, shown.map((c) => el('li', { class: 'pm-consult-comment', dataset: { commentId: c.id, topic: c.topic } },
        el('p', { class: 'pm-consult-comment-meta' }, tx(`topic.${c.topic}`), c.zone ? ` · ${nameOf(c.zone)}` : '', c.sectionId ? ` · ${nameOf(c.sectionId)}` : ''),
        el('p', { class: 'pm-consult-comment-text' }, c.text),
        el('button', { type: 'button', class: 'pm-btn pm-consult-agree', disabled: agreed.has(c.id), 'aria-pressed': String(agreed.has(c.id)), onclick: () => agree(c) },
          agreed.has(c.id) ? tx('agreed', { n: c.agreeCount }) : tx('agree', { n: c.agreeCount })))))
        : el('p', {}, tx('listEmpty')));
  }

  async function agree(c) {
    try {
      const answer = await api.post(`api/consultations/${encodeURIComponent(current.id)}/comments/${encodeURIComponent(c.id)}/agree`, { headers: { 'X-Browser-Key': browserKey() } });
      c.agreeCount = answer.agreeCount;
      const agreed = agreedSet();
      agreed.add(c.id);
      localStorage.setItem(AGREED, JSON.stringify([...agreed]));
      render();
    } catch (err) {
      message = [err.message, 'error'];
      render();
    }
  }

  function present() {
    bus.emit('consultation:present', { id: current.id });
  }

  const offs = [
    bus.on('consultation:open', ({ id }) => { open(id || state.get().consult).catch((err) => console.error(err)); }),
    bus.on('overlay:drawn', ({ geometry, owner }) => {
      if (owner !== 'consultation') return;
      pickBar.hidden = true;
      setAnchor({ kind: 'area', area: geometry, label: tx('areaChosen') });
      show();
    }),
    bus.on('panel:close-requested', ({ name }) => { if (name === PANEL) bus.emit('panel:hide', { name: PANEL }); }),
    bus.on('ui:relabel', () => render()),
    listen(document, 'keydown', (e) => { if (e.key === 'Escape' && !pickBar.hidden) endPicking(false); }),
  ];
  return () => { offs.forEach((off) => off()); unmountLayer(); section.remove(); pickBar.remove(); crosshair.remove(); };
}
