// The room's view of a consultation in presenter mode (issue #11): while a tour is presented (body.pm-presenting) and
// a consultation is chosen (#consult=), a panel shows its QR code and short link (large enough to scan from the back
// of a room), the number of comments received, the comments approved as they are approved (server-sent events from
// /api/consultations/{id}/live; each also appears on the map through comments:add) and how many published comments
// concern the current step's zones and areas. `consultation:present {id}` starts presenting with the first tour.
import { el, clear, append } from '../util/dom.js';

const LATEST = 5;

export function mountLivePanel({ bus, state, t, pick, api }) {
  const tx = (k, v) => t(`consultation.${k}`, v);
  const box = el('aside', { id: 'pm-consult-live', class: 'pm-consult-live', hidden: true, 'aria-labelledby': 'pm-consult-live-title' });
  document.body.append(box);
  let id = null;
  let source = null;
  let received = 0;
  let published = []; // public comments, newest first
  let stepFeatures = [];

  const shortLink = (cid) => new URL(`c/${cid}`, new URL('.', location.href)).href;

  function connect(cid) {
    disconnect();
    id = cid;
    api.get(`api/consultations/${encodeURIComponent(cid)}/comments`, { cached: false }).then((answer) => {
      if (id !== cid) return;
      published = answer.comments;
      bus.emit('comments:show', { comments: published });
      render();
    }).catch(() => {});
    // EventSource reconnects by itself when the connection drops (the server's stream also times out)
    source = new EventSource(api.url(`api/consultations/${encodeURIComponent(cid)}/live`));
    source.addEventListener('count', (e) => { received = JSON.parse(e.data).received; render(); });
    source.addEventListener('comment', (e) => {
      const c = JSON.parse(e.data);
      if (published.some((p) => p.id === c.id)) return;
      published.unshift(c);
      bus.emit('comments:add', { comment: c });
      render();
    });
    source.addEventListener('hidden', (e) => {
      const { id: gone } = JSON.parse(e.data);
      published = published.filter((p) => p.id !== gone);
      bus.emit('comments:remove', { id: gone });
      render();
    });
  }

  function disconnect() {
    source?.close();
    source = null;
    id = null;
  }

  function stepCount() {
    const wanted = new Set(stepFeatures.map(String));
    return published.filter((c) => wanted.has(c.zone) || c.areaIds.some((a) => wanted.has(a)) || wanted.has(c.anchorRef)).length;
  }

  let shownFor = null; // the consultation id and language the panel's head (title, QR code, link) was built for
  const head = el('div', { class: 'pm-consult-live-head' });
  const body = el('div', { class: 'pm-consult-live-body' });
  box.append(head, body);

  function render() {
    if (!id) return;
    const key = `${id}:${state.get().lang}`;
    if (shownFor !== key) {
      // built once per consultation and language, so the QR image is not reloaded on every event
      shownFor = key;
      const link = shortLink(id);
      append(clear(head), [
        el('h2', { id: 'pm-consult-live-title' }, tx('live.title')),
        el('img', { class: 'pm-consult-qr', src: api.url('api/qr', { text: link }), alt: tx('live.qrAlt'), width: '240', height: '240' }),
        el('p', { class: 'pm-consult-live-link' }, tx('live.scan'), ' ', el('strong', {}, link.replace(/^https?:\/\//, '')))]);
    }
    append(clear(body), [
      el('p', { class: 'pm-consult-live-count', 'aria-live': 'polite' }, tx('live.count', { n: received })),
      stepFeatures.length ? el('p', { class: 'pm-consult-live-step' }, tx('live.step', { n: stepCount() })) : null,
      el('h3', {}, tx('live.latest')),
      el('ul', { class: 'pm-consult-live-list', 'aria-live': 'polite' }, published.slice(0, LATEST).map((c) => el('li', { dataset: { commentId: c.id, topic: c.topic } },
        el('span', { class: 'pm-consult-comment-meta' }, tx(`topic.${c.topic}`)), ' ', el('span', {}, c.text)))),
    ]);
  }

  function update() {
    const s = state.get();
    const presenting = document.body.classList.contains('pm-presenting') || Boolean(s.tour);
    const want = presenting && s.consult ? s.consult : null;
    box.hidden = !want;
    if (want && want !== id) connect(want);
    if (!want && id) disconnect();
    render();
  }

  async function present({ id: cid }) {
    const tours = await api.tours();
    const first = tours.tours[0];
    state.set({ consult: cid, ...(first && !state.get().tour ? { tour: first.id, step: '1' } : {}) }, { history: 'push' });
    update();
  }

  const offs = [
    bus.on('state:changed', ({ changed }) => { if (changed.includes('tour') || changed.includes('consult')) update(); }),
    bus.on('tour:step', ({ features }) => { stepFeatures = features || []; update(); }),
    bus.on('consultation:present', (e) => { present(e).catch((err) => console.error(err)); }),
    bus.on('ui:relabel', render),
  ];
  void pick;
  update();
  return () => { offs.forEach((off) => off()); disconnect(); box.remove(); };
}
