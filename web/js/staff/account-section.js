/**
 * "My account": who is signed in, change password (required first after a one-time password), personal API tokens
 * (the token is shown once, right after it is made). Strings: i18n namespace staff-account.
 */
import { ApiError } from '../api/client.js';

export async function mount({ root, api, me, t, useNamespace, el, refresh }) {
  await useNamespace('staff-account');
  const problem = (e) => (e instanceof ApiError ? e.message : t('staff-account.networkError'));

  // who am I
  root.append(el('h2', {}, t('staff-account.title')),
    el('dl', { class: 'pm-staff-facts' },
      el('dt', {}, t('staff-account.username')), el('dd', { id: 'pm-account-username' }, me.username),
      el('dt', {}, t('staff-account.roles')), el('dd', {}, (me.effectiveRoles || []).join(', ') || '—')));

  // password
  const currentPw = el('input', { type: 'password', id: 'pm-account-current', autocomplete: 'current-password', required: true });
  const nextPw = el('input', { type: 'password', id: 'pm-account-new', autocomplete: 'new-password', required: true, minlength: 12 });
  const pwMessage = el('p', { class: 'pm-staff-message', role: 'status', id: 'pm-account-password-message' });
  const pwForm = el('form', { class: 'pm-staff-card', id: 'pm-account-password' },
    el('h3', {}, t('staff-account.passwordTitle')),
    me.mustChangePassword ? el('p', { class: 'pm-staff-warning', role: 'alert' }, t('staff-account.mustChange')) : null,
    el('label', { for: 'pm-account-current' }, t('staff-account.currentPassword')), currentPw,
    el('label', { for: 'pm-account-new' }, t('staff-account.newPassword')), nextPw,
    el('p', { class: 'pm-staff-hint' }, t('staff-account.passwordRule')),
    el('button', { type: 'submit', class: 'pm-staff-btn pm-staff-primary' }, t('staff-account.changePassword')),
    pwMessage);
  pwForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    pwMessage.textContent = '';
    try {
      await api.put('api/account/password', { json: { currentPassword: currentPw.value, newPassword: nextPw.value } });
      currentPw.value = '';
      nextPw.value = '';
      if (me.mustChangePassword) { await refresh(); return; }
      pwMessage.textContent = t('staff-account.passwordChanged');
    } catch (e) {
      pwMessage.textContent = problem(e);
    }
  });
  root.append(pwForm);
  if (me.mustChangePassword) return () => {};

  // API tokens
  const list = el('ul', { class: 'pm-staff-list', id: 'pm-account-tokens' });
  const label = el('input', { id: 'pm-account-token-label', maxlength: 100, required: true });
  const shown = el('div', { id: 'pm-account-token-new', role: 'status' });
  const tokenMessage = el('p', { class: 'pm-staff-message', role: 'alert' });
  const tokenForm = el('form', { class: 'pm-staff-card', id: 'pm-account-token-form' },
    el('h3', {}, t('staff-account.tokensTitle')),
    el('p', { class: 'pm-staff-hint' }, t('staff-account.tokensExplain')),
    list,
    el('label', { for: 'pm-account-token-label' }, t('staff-account.tokenLabel')), label,
    el('button', { type: 'submit', class: 'pm-staff-btn' }, t('staff-account.createToken')),
    shown, tokenMessage);

  const when = (iso) => (iso ? new Date(iso).toLocaleString(document.documentElement.lang) : t('staff-account.never'));
  async function load() {
    const tokens = await api.get('api/account/tokens', { cached: false });
    list.replaceChildren(...tokens.map((tk) => el('li', { class: tk.revokedAt ? 'pm-staff-revoked' : null },
      el('strong', {}, tk.label), ' ', el('code', {}, `${tk.prefix}…`), ' ',
      el('span', { class: 'pm-staff-hint' }, t('staff-account.lastUsed', { when: when(tk.lastUsedAt) })), ' ',
      tk.revokedAt ? el('span', {}, t('staff-account.revoked'))
        : el('button', { type: 'button', class: 'pm-staff-btn pm-staff-small', onclick: async () => {
          try { await api.delete(`api/account/tokens/${tk.id}`); await load(); } catch (e) { tokenMessage.textContent = problem(e); }
        } }, t('staff-account.revoke')))));
    if (!tokens.length) list.append(el('li', { class: 'pm-staff-hint' }, t('staff-account.noTokens')));
  }
  tokenForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    tokenMessage.textContent = '';
    try {
      const created = await api.post('api/account/tokens', { json: { label: label.value } });
      label.value = '';
      shown.replaceChildren(el('p', {}, t('staff-account.tokenOnce')), el('code', { class: 'pm-staff-secret' }, created.secret));
      await load();
    } catch (e) {
      tokenMessage.textContent = problem(e);
    }
  });
  root.append(tokenForm);
  await load();
  return () => {};
}
