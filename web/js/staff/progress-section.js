/**
 * Progress entry (issue #10, role EDITOR): bulk import of a CSV file with a dry run first (every change and every
 * refused row with its reasons; "Import" stores the checked file whole or nothing), one item's change, and the
 * yearly values of the Table 2 indicators. Strings: i18n namespace staff-progress. Format: docs/progress.md.
 */
import { ApiError } from '../api/client.js';
import { submissionKey } from '../util/submission-key.js';

export async function mount({ root, api, t, useNamespace, el }) {
  await useNamespace('staff-progress');
  const problem = (e) => (e instanceof ApiError ? e.message : t('staff-progress.networkError'));
  const zh = document.documentElement.lang !== 'en';
  const [board, values] = await Promise.all([
    api.get('api/progress', { cached: false }),
    api.get('api/progress/indicator-values', { cached: false }),
  ]);
  const statuses = board.statuses.filter((s) => s.id !== 'not-recorded');
  const statusName = (id) => { const s = board.statuses.find((x) => x.id === id); return s ? (zh ? s.zh : s.en) : id; };

  root.append(el('h2', {}, t('staff-progress.title')), el('p', { class: 'pm-staff-hint' }, t('staff-progress.explain')));

  // bulk import: dry run, then import the same file
  const file = el('input', { type: 'file', id: 'pm-progress-file', accept: '.csv,text/csv' });
  const check = el('button', { type: 'button', class: 'pm-staff-btn', id: 'pm-progress-check' }, t('staff-progress.check'));
  const apply = el('button', { type: 'button', class: 'pm-staff-btn pm-staff-primary', id: 'pm-progress-apply', disabled: true }, t('staff-progress.apply'));
  const importMessage = el('p', { class: 'pm-staff-message', role: 'status', id: 'pm-progress-import-message' });
  const report = el('div', { id: 'pm-progress-report' });
  let checked = null;
  file.addEventListener('change', () => { checked = null; apply.disabled = true; report.replaceChildren(); importMessage.textContent = ''; });

  function showReport(r) {
    report.replaceChildren();
    importMessage.textContent = r.valid
      ? t(r.applied ? 'staff-progress.applied' : 'staff-progress.wouldChange', { n: r.changes.length, unchanged: r.unchanged })
      : t('staff-progress.refused', { n: r.rejected.length });
    if (r.rejected.length) {
      report.append(el('h3', {}, t('staff-progress.rejectedTitle')), el('ul', { class: 'pm-staff-list pm-progress-rejected' },
        r.rejected.map((x) => el('li', { dataset: { line: String(x.line) } },
          `${x.line ? t('staff-progress.line', { n: x.line }) : t('staff-progress.file')}${x.catalogueId ? ` · ${x.catalogueId}` : ''}: `,
          x.problems.map((p) => (zh ? p.reasonZh : p.reason)).join('; ')))));
    }
    if (r.changes.length) {
      report.append(el('h3', {}, t('staff-progress.changesTitle')), el('table', { class: 'pm-progress-changes' },
        el('thead', {}, el('tr', {}, [t('staff-progress.colLine'), t('staff-progress.colItem'), t('staff-progress.colAsOf'),
          t('staff-progress.colBefore'), t('staff-progress.colAfter')].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, r.changes.map((c) => el('tr', { dataset: { line: String(c.line) } },
          el('td', {}, String(c.line)), el('td', {}, `${c.catalogueId} ${c.name || ''}`), el('td', {}, c.asOf),
          el('td', {}, c.before ? statusName(c.before.status) : statusName('not-recorded')),
          el('td', {}, [statusName(c.after.status), c.after.percentDone != null ? `${c.after.percentDone}%` : '', c.after.note || '']
            .filter(Boolean).join(' · ')))))));
    }
  }

  async function send(dryRun) {
    const f = file.files?.[0];
    if (!f) { importMessage.textContent = t('staff-progress.chooseFile'); return; }
    importMessage.textContent = t('staff-progress.working');
    try {
      const r = await api.post('api/staff/progress/import', { query: { dryRun: String(dryRun) }, body: f });
      showReport(r);
      checked = dryRun && r.valid && r.changes.length ? f : null;
      apply.disabled = !checked;
    } catch (e) {
      if (e instanceof ApiError && e.problem?.rejected) showReport(e.problem);
      else importMessage.textContent = problem(e);
      apply.disabled = true;
    }
  }
  check.addEventListener('click', () => send(true));
  apply.addEventListener('click', () => { if (checked) send(false); });
  root.append(el('section', { class: 'pm-staff-card', id: 'pm-progress-import' },
    el('h3', {}, t('staff-progress.importTitle')), el('p', { class: 'pm-staff-hint' }, t('staff-progress.importHint')),
    el('label', { for: 'pm-progress-file' }, t('staff-progress.file')), file, el('div', {}, check, ' ', apply), importMessage, report));

  // one item
  const item = el('input', { id: 'pm-progress-item', required: true, pattern: 'col-\\d{1,2}-item-\\d{1,3}', placeholder: 'col-8-item-3' });
  const status = el('select', { id: 'pm-progress-status' }, statuses.map((s) => el('option', { value: s.id }, zh ? s.zh : s.en)));
  const asOf = el('input', { type: 'date', id: 'pm-progress-item-asof', value: board.asOf, max: board.asOf, min: '2021-01-01' });
  const percent = el('input', { type: 'number', id: 'pm-progress-percent', min: 0, max: 100, step: 1 });
  const note = el('input', { id: 'pm-progress-note', maxlength: 2000 });
  const evidence = el('input', { type: 'url', id: 'pm-progress-evidence', maxlength: 1000, placeholder: 'https://' });
  const itemMessage = el('p', { class: 'pm-staff-message', role: 'status', id: 'pm-progress-item-message' });
  const itemForm = el('form', { class: 'pm-staff-card', id: 'pm-progress-item-form' },
    el('h3', {}, t('staff-progress.itemTitle')),
    el('label', { for: 'pm-progress-item' }, t('staff-progress.item')), item,
    el('label', { for: 'pm-progress-status' }, t('staff-progress.status')), status,
    el('label', { for: 'pm-progress-item-asof' }, t('staff-progress.asOf')), asOf,
    el('label', { for: 'pm-progress-percent' }, t('staff-progress.percent')), percent,
    el('label', { for: 'pm-progress-note' }, t('staff-progress.note')), note,
    el('label', { for: 'pm-progress-evidence' }, t('staff-progress.evidence')), evidence,
    el('button', { type: 'submit', class: 'pm-staff-btn pm-staff-primary' }, t('staff-progress.save')), itemMessage);
  const itemKey = submissionKey(); // a double click or a retry records the status once
  itemForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    itemMessage.textContent = '';
    const json = { status: status.value, asOf: asOf.value, percentDone: percent.value, note: note.value, evidenceUrl: evidence.value };
    for (const k of Object.keys(json)) if (json[k] === '') delete json[k];
    const url = `api/staff/progress/items/${encodeURIComponent(item.value.trim())}`;
    try {
      const r = await api.post(url, { json, idempotencyKey: itemKey.for({ url, json }) });
      itemKey.stored();
      itemMessage.textContent = t('staff-progress.saved', { id: r.id, status: statusName(r.status), date: r.asOf });
    } catch (e) {
      itemMessage.textContent = problem(e);
    }
  });
  root.append(itemForm);

  // Table 2 yearly values
  const row = el('select', { id: 'pm-progress-indicator' }, values.rows.map((r) => el('option', { value: r.id }, `${r.id.replace('table-2-row-', '')}. ${r.name}${r.unit ? ` (${r.unit})` : ''}`)));
  const year = el('select', { id: 'pm-progress-year' }, values.years.map((y) => el('option', { value: String(y) }, String(y))));
  const value = el('input', { type: 'number', id: 'pm-progress-value', step: 'any', required: true });
  const valueNote = el('input', { id: 'pm-progress-value-note', maxlength: 1000 });
  const current = el('ul', { class: 'pm-staff-list', id: 'pm-progress-values' });
  const valueMessage = el('p', { class: 'pm-staff-message', role: 'status', id: 'pm-progress-value-message' });
  function showValues() {
    const r = values.rows.find((x) => x.id === row.value);
    current.replaceChildren(...(r?.series?.length ? r.series.map((p) => el('li', {}, `${p.year}: ${p.text} · ${p.recordedBy} · ${String(p.recordedAt).slice(0, 10)}`))
      : [el('li', { class: 'pm-staff-hint' }, t('staff-progress.noValues'))]));
  }
  row.addEventListener('change', showValues);
  const valueForm = el('form', { class: 'pm-staff-card', id: 'pm-progress-value-form' },
    el('h3', {}, t('staff-progress.valuesTitle')),
    el('label', { for: 'pm-progress-indicator' }, t('staff-progress.indicator')), row, current,
    el('label', { for: 'pm-progress-year' }, t('staff-progress.year')), year,
    el('label', { for: 'pm-progress-value' }, t('staff-progress.value')), value,
    el('label', { for: 'pm-progress-value-note' }, t('staff-progress.note')), valueNote,
    el('button', { type: 'submit', class: 'pm-staff-btn pm-staff-primary' }, t('staff-progress.save')), valueMessage);
  const valueKey = submissionKey();
  valueForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    valueMessage.textContent = '';
    try {
      const json = { rowId: row.value, year: Number(year.value), value: Number(value.value), note: valueNote.value };
      await api.post('api/staff/progress/indicator-values', { json, idempotencyKey: valueKey.for(json) });
      valueKey.stored();
      const fresh = await api.get('api/progress/indicator-values', { cached: false });
      values.rows = fresh.rows;
      showValues();
      valueMessage.textContent = t('staff-progress.valueSaved');
    } catch (e) {
      valueMessage.textContent = problem(e);
    }
  });
  showValues();
  root.append(valueForm);
  return () => {};
}
