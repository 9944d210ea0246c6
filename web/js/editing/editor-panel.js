// The staff editor (issue #9, "keep the map true"): pick a feature on the map or from the list, move or redraw it,
// edit its names, aliases, accuracy and plan references, say why, save; see its history and restore any version;
// place an unmapped catalogue item; resolve seed conflicts; download the edits in the repository's file shapes.
// The map side is map/edit-map.js (Leaflet-Geoman), driven by edit:* bus events. Strings: i18n namespace `editing`.
// Every text from data or users goes in as text (util/dom.js).
import { el, clear } from '../util/dom.js';

const COLLECTIONS = ['project-sites', 'zones', 'showcase-areas', 'demonstration-zones', 'science-city', 'context-stations',
  'context-landmarks', 'context-rivers', 'context-water', 'district'];
const ACCURACY = ['surveyed', 'approximate', 'schematic'];
const EDIT = 'api/staff/editing';

/** Splits a textarea of aliases or plan refs (one a line, or comma separated) into a clean list. */
export function splitList(text) {
  return [...new Set(String(text || '').split(/[\n,，、]/).map((s) => s.trim()).filter(Boolean))];
}

/**
 * Mounts the editor into `root`. Options: bus, api, t (i18n), lang () → 'zh'|'en', createMap ({container, bus, lang})
 * → the map side. Returns the teardown.
 */
export function mountEditor({ root, bus, api, t, lang, createMap }) {
  const enc = encodeURIComponent;
  const status = el('p', { class: 'pm-editor-status', role: 'status', 'aria-live': 'polite' });
  const mapBox = el('div', { class: 'pm-editor-map', role: 'application', 'aria-label': t('editing.map') });
  const collection = el('select', { class: 'pm-editor-collection', id: 'pm-editor-collection' },
    COLLECTIONS.map((c) => el('option', { value: c }, c)));
  const filter = el('input', { type: 'search', class: 'pm-editor-filter', id: 'pm-editor-filter', placeholder: t('editing.filter') });
  const list = el('ul', { class: 'pm-editor-list' });
  const unmapped = el('select', { class: 'pm-editor-unmapped', id: 'pm-editor-unmapped' });
  const placeButtons = ['point', 'line', 'polygon'].map((kind) =>
    el('button', { type: 'button', class: 'pm-btn pm-editor-place', dataset: { kind } }, t(`editing.place.${kind}`)));

  const heading = el('h3', { class: 'pm-editor-title' });
  const meta = el('p', { class: 'pm-editor-meta' });
  const conflictBox = el('div', { class: 'pm-editor-conflict', hidden: true });
  const lon = el('input', { type: 'number', step: '0.000001', class: 'pm-editor-lon', id: 'pm-editor-lon' });
  const lat = el('input', { type: 'number', step: '0.000001', class: 'pm-editor-lat', id: 'pm-editor-lat' });
  const pointFields = el('div', { class: 'pm-editor-point' },
    el('label', { for: 'pm-editor-lon' }, t('editing.lon')), lon, el('label', { for: 'pm-editor-lat' }, t('editing.lat')), lat);
  const field = (name, label, input) => el('div', { class: `pm-editor-field pm-editor-${name}` },
    el('label', { for: `pm-editor-${name}-input` }, label), Object.assign(input, { id: `pm-editor-${name}-input`, name }));
  const inputs = {
    name: el('input', { type: 'text', required: true, maxlength: 400 }),
    nameEn: el('input', { type: 'text', maxlength: 400 }),
    aliases: el('textarea', { rows: 2 }),
    accuracy: el('select', {}, ACCURACY.map((a) => el('option', { value: a }, t(`editing.accuracy.${a}`)))),
    accuracyNote: el('textarea', { rows: 2, maxlength: 2000 }),
    accuracyNoteEn: el('textarea', { rows: 2, maxlength: 2000 }),
    planRefs: el('textarea', { rows: 2 }),
  };
  const reason = el('textarea', { rows: 2, required: true, maxlength: 2000, id: 'pm-editor-reason', class: 'pm-editor-reason' });
  const save = el('button', { type: 'submit', class: 'pm-btn pm-editor-save' }, t('editing.save'));
  const reset = el('button', { type: 'button', class: 'pm-btn pm-editor-reset' }, t('editing.reset'));
  const form = el('form', { class: 'pm-editor-form', hidden: true, novalidate: true },
    heading, meta, conflictBox, pointFields,
    Object.entries(inputs).map(([name, input]) => field(name, t(`editing.field.${name}`), input)),
    el('div', { class: 'pm-editor-field' }, el('label', { for: 'pm-editor-reason' }, t('editing.reason')), reason),
    el('div', { class: 'pm-editor-actions' }, save, reset));
  const history = el('ol', { class: 'pm-editor-history', reversed: true });
  const historyBox = el('section', { class: 'pm-editor-history-box', hidden: true }, el('h4', {}, t('editing.history')), history);
  const edits = el('ul', { class: 'pm-editor-edits' });
  const exportLinks = el('p', { class: 'pm-editor-export' });

  const side = el('div', { class: 'pm-editor-side' },
    el('div', { class: 'pm-editor-pick' },
      el('label', { for: 'pm-editor-collection' }, t('editing.collection')), collection,
      el('label', { for: 'pm-editor-filter' }, t('editing.find')), filter, list),
    el('details', { class: 'pm-editor-placing' }, el('summary', {}, t('editing.placeTitle')),
      el('label', { for: 'pm-editor-unmapped' }, t('editing.unmappedItem')), unmapped, el('div', {}, placeButtons)),
    status, form, historyBox,
    el('details', { class: 'pm-editor-edits-box' }, el('summary', {}, t('editing.edits')), edits, exportLinks));
  root.append(el('div', { class: 'pm-editor' }, mapBox, side));

  const mapSide = createMap({ container: mapBox, bus, lang: lang() });
  let features = [];
  let current = null; // {id, collection, version, feature}
  let placing = null; // {itemId, kind}
  let geometry = null; // the geometry on the map, if changed

  function say(message, kind = 'info') {
    status.textContent = message || '';
    status.dataset.kind = kind;
  }

  function fail(err) {
    say(err && err.message ? err.message : String(err), 'error');
  }

  function itemName(f) {
    const p = f.properties || {};
    return lang() === 'en' && p.nameEn ? p.nameEn : p.name || f.id;
  }

  function renderList() {
    const q = filter.value.trim().toLowerCase();
    clear(list);
    features.filter((f) => !q || `${f.id} ${f.properties?.name || ''} ${f.properties?.nameEn || ''}`.toLowerCase().includes(q))
      .slice(0, 200)
      .forEach((f) => list.append(el('li', {}, el('button', { type: 'button', class: 'pm-editor-pickitem', dataset: { id: f.id },
        onclick: () => open(f.id) }, itemName(f)))));
  }

  async function loadCollection() {
    try {
      const fc = await api.get(`api/layers/${enc(collection.value)}`, { cached: false });
      features = fc.features || [];
      bus.emit('edit:features', { geojson: fc });
      renderList();
    } catch (err) { fail(err); }
  }

  async function loadContext() {
    try {
      const [district, zones] = await Promise.all([api.get('api/layers/district'), api.get('api/layers/zones')]);
      bus.emit('edit:context', { district, zones });
    } catch (err) { fail(err); }
  }

  async function loadUnmapped() {
    try {
      const cat = await api.get('api/catalogue', { cached: false });
      clear(unmapped);
      cat.items.filter((i) => i.status === 'unmapped').forEach((i) =>
        unmapped.append(el('option', { value: i.id }, `${i.id} ${lang() === 'en' ? i.nameEn || i.name : i.name}`)));
    } catch (err) { fail(err); }
  }

  function fill(feature) {
    const p = feature.properties || {};
    inputs.name.value = p.name || '';
    inputs.nameEn.value = p.nameEn || '';
    inputs.aliases.value = (p.aliases || []).join('\n');
    inputs.accuracy.value = p.accuracy || 'approximate';
    inputs.accuracyNote.value = p.accuracyNote || '';
    inputs.accuracyNoteEn.value = p.accuracyNoteEn || '';
    inputs.planRefs.value = (p.planRefs || []).join('\n');
    const point = feature.geometry?.type === 'Point';
    pointFields.hidden = !point;
    if (point) [lon.value, lat.value] = feature.geometry.coordinates.map((c) => c.toFixed(6));
  }

  function showConflict(conflict) {
    clear(conflictBox);
    conflictBox.hidden = !conflict;
    if (!conflict) return;
    conflictBox.append(el('p', {}, t(`editing.conflict.${conflict.kind}`)),
      el('button', { type: 'button', class: 'pm-btn pm-editor-keep', onclick: () => resolve('keep-staff') }, t('editing.keepStaff')),
      el('button', { type: 'button', class: 'pm-btn pm-editor-take', onclick: () => resolve('take-seed') }, t('editing.takeSeed')));
  }

  async function open(id) {
    placing = null;
    geometry = null;
    try {
      const res = await api.get(`${EDIT}/features/${enc(id)}`, { cached: false });
      current = res;
      heading.textContent = itemName(res.feature);
      meta.textContent = t('editing.meta', { id: res.id, version: res.version });
      fill(res.feature);
      showConflict(res.conflict);
      form.hidden = false;
      reason.value = '';
      say('');
      bus.emit('edit:select', { feature: res.feature });
      await loadHistory();
    } catch (err) { fail(err); }
  }

  async function loadHistory() {
    clear(history);
    if (!current) return;
    const versions = await api.get(`${EDIT}/features/${enc(current.id)}/versions`, { cached: false });
    historyBox.hidden = false;
    if (!versions.length) history.append(el('li', {}, t('editing.noHistory')));
    versions.forEach((v) => {
      const when = new Date(v.createdAt).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB');
      const item = el('li', { class: 'pm-editor-version', dataset: { version: v.version } },
        el('span', { class: 'pm-editor-version-head' }, t('editing.versionLine',
          { version: v.version, action: t(`editing.action.${v.action}`), actor: v.actor || '—', when })),
        v.reason ? el('q', {}, v.reason) : null);
      if (v.version !== current.version) {
        item.append(el('button', { type: 'button', class: 'pm-btn pm-editor-restore', dataset: { version: v.version },
          onclick: () => restore(v.version) }, t('editing.restore', { version: v.version })));
      }
      history.append(item);
    });
  }

  function why() {
    const text = reason.value.trim();
    if (!text) { say(t('editing.reasonRequired'), 'error'); reason.focus(); return null; }
    return text;
  }

  function change() {
    const body = {};
    for (const key of ['name', 'nameEn', 'accuracy', 'accuracyNote', 'accuracyNoteEn']) body[key] = inputs[key].value.trim();
    body.aliases = splitList(inputs.aliases.value);
    body.planRefs = splitList(inputs.planRefs.value);
    if (geometry) body.geometry = geometry;
    return body;
  }

  async function submit(e) {
    e.preventDefault();
    const text = why();
    if (!text) return;
    save.disabled = true;
    try {
      if (placing) {
        const saved = await api.post(`${EDIT}/catalogue/${enc(placing.itemId)}/place`, { json: { ...change(), geometry, reason: text } });
        say(t('editing.placed', { id: saved.id }), 'ok');
        collection.value = 'project-sites';
        await Promise.all([loadCollection(), loadUnmapped()]);
        await open(saved.id);
      } else if (current) {
        const saved = await api.put(`${EDIT}/features/${enc(current.id)}`,
          { json: { ...change(), reason: text }, headers: { 'If-Match': `"v${current.version}"` } });
        await loadCollection();
        await open(current.id);
        say(t('editing.saved', { version: saved.version }), 'ok');
      }
    } catch (err) {
      // a refused save keeps the editor's own change in the form and on the map: nothing is lost
      fail(err);
    } finally {
      save.disabled = false;
    }
  }

  async function restore(version) {
    const text = why();
    if (!text || !current) return;
    try {
      const saved = await api.post(`${EDIT}/features/${enc(current.id)}/versions/${version}/restore`,
        { json: { reason: text }, headers: { 'If-Match': `"v${current.version}"` } });
      await loadCollection();
      await open(current.id);
      say(t('editing.restored', { version, next: saved.version }), 'ok');
    } catch (err) { fail(err); }
  }

  async function resolve(choice) {
    const text = why();
    if (!text || !current) return;
    try {
      await api.post(`${EDIT}/features/${enc(current.id)}/resolve`,
        { json: { choice, reason: text }, headers: { 'If-Match': `"v${current.version}"` } });
      await Promise.all([loadCollection(), loadEdits()]);
      await open(current.id);
      say(t('editing.resolved'), 'ok');
    } catch (err) { fail(err); }
  }

  async function loadEdits() {
    clear(edits);
    try {
      const rows = await api.get(`${EDIT}/edits`, { cached: false });
      if (!rows.length) edits.append(el('li', {}, t('editing.noEdits')));
      rows.forEach((r) => edits.append(el('li', { class: r.conflict ? 'pm-editor-edit-conflict' : 'pm-editor-edit' },
        el('button', { type: 'button', onclick: () => { collection.value = r.collection; loadCollection().then(() => open(r.id)); } },
          r.id), ' ', r.conflict ? t(`editing.conflict.${r.conflict.kind}`) : t('editing.versionShort', { version: r.version }))));
    } catch (err) { fail(err); }
    clear(exportLinks);
    exportLinks.append(t('editing.export'), ' ');
    [...COLLECTIONS.map((c) => [`${EDIT}/export/${c}.geojson`, `${c}.geojson`]), [`${EDIT}/export/project-catalogue.csv`, 'project-catalogue.csv']]
      .forEach(([href, name]) => exportLinks.append(el('a', { href: api.url(href), download: name, class: 'pm-editor-download' }, name), ' '));
  }

  function startPlacing(kind) {
    if (!unmapped.value) { say(t('editing.pickItem'), 'error'); return; }
    current = null;
    geometry = null;
    placing = { itemId: unmapped.value, kind };
    const label = unmapped.selectedOptions[0]?.textContent || unmapped.value;
    heading.textContent = label;
    meta.textContent = t('editing.placing');
    showConflict(null);
    fill({ properties: { name: label.replace(/^\S+\s/, ''), accuracy: 'approximate' }, geometry: null });
    pointFields.hidden = true;
    historyBox.hidden = true;
    form.hidden = false;
    say(t(`editing.drawHint.${kind}`));
    bus.emit('edit:place', { kind });
  }

  const offs = [
    bus.on('edit:picked', ({ id }) => open(id)),
    bus.on('edit:changed', ({ geometry: g }) => {
      geometry = g;
      if (g && g.type === 'Point') [lon.value, lat.value] = g.coordinates.map((c) => c.toFixed(6));
      say(t('editing.changedOnMap'));
    }),
  ];
  const moveTo = () => bus.emit('edit:move', { lon: Number(lon.value), lat: Number(lat.value) });
  lon.addEventListener('change', moveTo);
  lat.addEventListener('change', moveTo);
  collection.addEventListener('change', loadCollection);
  filter.addEventListener('input', renderList);
  placeButtons.forEach((b) => b.addEventListener('click', () => startPlacing(b.dataset.kind)));
  form.addEventListener('submit', submit);
  reset.addEventListener('click', () => { if (current) open(current.id); else if (placing) startPlacing(placing.kind); });

  loadContext();
  loadCollection();
  loadUnmapped();
  loadEdits();

  return () => {
    offs.forEach((off) => off());
    mapSide.teardown();
    root.replaceChildren();
  };
}
