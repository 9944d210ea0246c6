/**
 * The audit trail (admins): filter by who, entity type and id, action and dates; newest first, 50 a page; the same
 * filter as a CSV download. Strings: i18n namespace staff-audit.
 */
import { ApiError } from '../api/client.js';

const PAGE = 50;

export async function mount({ root, api, t, useNamespace, el }) {
  await useNamespace('staff-audit');
  const problem = (e) => (e instanceof ApiError ? e.message : t('staff-audit.networkError'));
  const field = (id, labelKey, input) => [el('label', { for: id }, t(labelKey)), input];
  const actor = el('select', { id: 'pm-audit-actor' });
  const entityType = el('select', { id: 'pm-audit-type' });
  const entityId = el('input', { id: 'pm-audit-entity' });
  const action = el('select', { id: 'pm-audit-action' });
  const from = el('input', { id: 'pm-audit-from', type: 'date' });
  const to = el('input', { id: 'pm-audit-to', type: 'date' });
  const message = el('p', { class: 'pm-staff-message', role: 'alert' });
  const count = el('p', { id: 'pm-audit-count', role: 'status' });
  const table = el('table', { class: 'pm-staff-table', id: 'pm-audit-table' });
  const more = el('button', { type: 'button', class: 'pm-staff-btn', hidden: true }, t('staff-audit.more'));
  let offset = 0;

  const query = () => ({ actor: actor.value, entityType: entityType.value, entityId: entityId.value.trim(), action: action.value,
    from: from.value, to: to.value });
  const fill = (select, values) => {
    const keep = select.value;
    select.replaceChildren(el('option', { value: '' }, t('staff-audit.any')), ...values.map((v) => el('option', { value: v }, v)));
    select.value = values.includes(keep) ? keep : '';
  };
  const when = (iso) => new Date(iso).toLocaleString(document.documentElement.lang);
  const json = (text) => (text == null ? '' : text);

  function row(e) {
    return el('tr', {},
      el('td', {}, when(e.at)),
      el('td', {}, e.actor || t('staff-audit.public')),
      el('td', {}, `${e.entityType}${e.entityId ? ` ${e.entityId}` : ''}`),
      el('td', {}, e.action),
      el('td', { class: 'pm-staff-json' }, json(e.before)),
      el('td', { class: 'pm-staff-json' }, json(e.after)),
      el('td', {}, e.reason || ''));
  }

  async function load(append) {
    message.textContent = '';
    try {
      const page = await api.get('api/staff/audit', { query: { ...query(), offset, limit: PAGE }, cached: false });
      fill(actor, page.actors);
      fill(entityType, page.entityTypes);
      fill(action, page.actions);
      const body = append ? table.tBodies[0] : el('tbody');
      body.append(...page.events.map(row));
      if (!append) {
        table.replaceChildren(el('thead', {}, el('tr', {}, ['when', 'who', 'what', 'action', 'before', 'after', 'reason']
          .map((k) => el('th', {}, t(`staff-audit.col.${k}`))))), body);
      }
      count.textContent = t('staff-audit.count', { n: page.total });
      more.hidden = offset + page.events.length >= page.total;
    } catch (e) {
      message.textContent = problem(e);
    }
  }

  const form = el('form', { class: 'pm-staff-card pm-staff-filters', id: 'pm-audit-filter' },
    field('pm-audit-actor', 'staff-audit.actor', actor), field('pm-audit-type', 'staff-audit.entityType', entityType),
    field('pm-audit-entity', 'staff-audit.entityId', entityId), field('pm-audit-action', 'staff-audit.action', action),
    field('pm-audit-from', 'staff-audit.from', from), field('pm-audit-to', 'staff-audit.to', to),
    el('button', { type: 'submit', class: 'pm-staff-btn pm-staff-primary' }, t('staff-audit.filter')),
    el('button', { type: 'button', class: 'pm-staff-btn', id: 'pm-audit-csv', onclick: async () => {
      try {
        const { blob, filename } = await api.get('api/staff/audit.csv', { query: query(), as: 'blob', cached: false, filename: 'planmap-audit.csv' });
        const a = el('a', { href: URL.createObjectURL(blob), download: filename });
        document.body.append(a);
        a.click();
        a.remove();
      } catch (e) { message.textContent = problem(e); }
    } }, t('staff-audit.download')));
  form.addEventListener('submit', (event) => { event.preventDefault(); offset = 0; load(false); });
  more.addEventListener('click', () => { offset += PAGE; load(true); });

  root.append(el('h2', {}, t('staff-audit.title')), form, message, count, el('div', { class: 'pm-staff-scroll' }, table), more);
  await load(false);
  return () => {};
}
