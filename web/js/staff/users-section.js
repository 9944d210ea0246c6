/**
 * Users and roles (admins): the list, a new account (a one-time password is shown once unless the admin sets one),
 * roles, enable/disable, reset password, unlock; each change asks for a reason, which goes to the audit trail.
 * Strings: i18n namespace staff-users.
 */
import { ApiError } from '../api/client.js';

const ROLES = ['EDITOR', 'MODERATOR', 'ADMIN'];

export async function mount({ root, api, t, useNamespace, el }) {
  await useNamespace('staff-users');
  const problem = (e) => (e instanceof ApiError ? e.message : t('staff-users.networkError'));
  const message = el('p', { class: 'pm-staff-message', role: 'alert', id: 'pm-users-message' });
  const secret = el('div', { id: 'pm-users-secret', role: 'status' });
  const table = el('table', { class: 'pm-staff-table', id: 'pm-users-table' });

  const showSecret = (username, password) => secret.replaceChildren(
    el('p', {}, t('staff-users.oneTimeFor', { name: username })), el('code', { class: 'pm-staff-secret' }, password),
    el('p', { class: 'pm-staff-hint' }, t('staff-users.oneTimeOnce')));

  const reason = () => {
    const r = window.prompt(t('staff-users.reasonPrompt'));
    return r == null ? null : r;
  };

  async function change(action) {
    message.textContent = '';
    try { await action(); await load(); } catch (e) { message.textContent = problem(e); }
  }

  function row(u) {
    const boxes = ROLES.map((r) => el('label', { class: 'pm-staff-check' },
      el('input', { type: 'checkbox', value: r, checked: u.roles.includes(r) || null }), t(`staff-users.role.${r}`)));
    const saveRoles = el('button', { type: 'button', class: 'pm-staff-btn pm-staff-small', onclick: () => {
      const why = reason();
      if (why == null) return;
      const roles = boxes.map((b) => b.firstChild).filter((c) => c.checked).map((c) => c.value);
      change(() => api.put(`api/staff/users/${encodeURIComponent(u.username)}/roles`, { json: { roles, reason: why } }));
    } }, t('staff-users.saveRoles'));
    const toggle = el('button', { type: 'button', class: 'pm-staff-btn pm-staff-small', onclick: () => {
      const why = reason();
      if (why == null) return;
      change(() => api.put(`api/staff/users/${encodeURIComponent(u.username)}/enabled`, { json: { enabled: !u.enabled, reason: why } }));
    } }, u.enabled ? t('staff-users.disable') : t('staff-users.enable'));
    const reset = el('button', { type: 'button', class: 'pm-staff-btn pm-staff-small', onclick: () => {
      const why = reason();
      if (why == null) return;
      change(async () => {
        const answer = await api.post(`api/staff/users/${encodeURIComponent(u.username)}/password`, { json: { reason: why } });
        showSecret(u.username, answer.oneTimePassword);
      });
    } }, t('staff-users.resetPassword'));
    const unlock = u.lockedUntil ? el('button', { type: 'button', class: 'pm-staff-btn pm-staff-small', onclick: () =>
      change(() => api.post(`api/staff/users/${encodeURIComponent(u.username)}/unlock`, { json: {} })) }, t('staff-users.unlock')) : null;
    const state = [u.enabled ? t('staff-users.enabled') : t('staff-users.disabled'),
      u.lockedUntil ? t('staff-users.locked') : null, u.mustChangePassword ? t('staff-users.mustChange') : null].filter(Boolean).join(' · ');
    return el('tr', { dataset: { username: u.username } },
      el('td', {}, el('strong', {}, u.username), el('br'), el('span', { class: 'pm-staff-hint' }, u.displayName)),
      el('td', {}, boxes, saveRoles),
      el('td', {}, state),
      el('td', {}, toggle, ' ', reset, ' ', unlock));
  }

  async function load() {
    const users = await api.get('api/staff/users', { cached: false });
    table.replaceChildren(el('thead', {}, el('tr', {},
      el('th', {}, t('staff-users.user')), el('th', {}, t('staff-users.roles')), el('th', {}, t('staff-users.state')),
      el('th', {}, t('staff-users.actions')))), el('tbody', {}, users.map(row)));
  }

  const name = el('input', { id: 'pm-users-new-name', autocapitalize: 'none', spellcheck: 'false', required: true, pattern: '[a-z0-9][a-z0-9._-]{1,63}' });
  const display = el('input', { id: 'pm-users-new-display' });
  const password = el('input', { id: 'pm-users-new-password', type: 'password', autocomplete: 'new-password' });
  const newRoles = ROLES.map((r) => el('label', { class: 'pm-staff-check' }, el('input', { type: 'checkbox', value: r, name: 'role' }),
    t(`staff-users.role.${r}`)));
  const form = el('form', { class: 'pm-staff-card', id: 'pm-users-new' },
    el('h3', {}, t('staff-users.newTitle')),
    el('label', { for: 'pm-users-new-name' }, t('staff-users.username')), name,
    el('p', { class: 'pm-staff-hint' }, t('staff-users.usernameRule')),
    el('label', { for: 'pm-users-new-display' }, t('staff-users.displayName')), display,
    el('fieldset', {}, el('legend', {}, t('staff-users.roles')), newRoles),
    el('label', { for: 'pm-users-new-password' }, t('staff-users.password')), password,
    el('p', { class: 'pm-staff-hint' }, t('staff-users.passwordHint')),
    el('button', { type: 'submit', class: 'pm-staff-btn pm-staff-primary' }, t('staff-users.create')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const roles = newRoles.map((l) => l.firstChild).filter((c) => c.checked).map((c) => c.value);
    change(async () => {
      const answer = await api.post('api/staff/users', { json: { username: name.value, displayName: display.value, roles, password: password.value } });
      if (answer.oneTimePassword) showSecret(answer.user.username, answer.oneTimePassword);
      else secret.replaceChildren(el('p', {}, t('staff-users.created', { name: answer.user.username })));
      form.reset();
    });
  });

  root.append(el('h2', {}, t('staff-users.title')), message, secret, el('div', { class: 'pm-staff-scroll' }, table), form);
  await load();
  return () => {};
}
