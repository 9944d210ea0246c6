/**
 * The staff workspace (staff.html): sign-in, who is signed in, sign-out, and the sections of js/staff/sections.js
 * the user's roles allow. The language is the one chosen on this page before (localStorage), else Chinese.
 */
import { api, ApiError, readCookie, CSRF_COOKIE } from '../api/client.js';
import { setLang, t, useNamespace, apply, currentLang } from '../core/i18n.js';
import { el, clear, listen } from '../util/dom.js';
import { visibleSections } from './sections.js';

const LANG_KEY = 'planmap.staff.lang';
const $ = (id) => document.getElementById(id);
let me = null;
let current = null; // { id, teardown }
let providers = []; // single sign-on providers, when configured (me.singleSignOn of the public)

function storedLang() {
  try { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'; } catch { return 'zh'; }
}

async function switchLang(lang) {
  try { localStorage.setItem(LANG_KEY, lang); } catch { /* private mode: not remembered */ }
  api.setLanguage(lang);
  await setLang(lang);
  labelLangButton();
  if (me) await showWorkspace(current?.id);
}

function labelLangButton() {
  const other = currentLang() === 'zh' ? 'en' : 'zh';
  const button = $('pm-staff-lang');
  button.textContent = other === 'zh' ? '中文' : 'English';
  button.setAttribute('lang', other === 'zh' ? 'zh-CN' : 'en');
}

async function whoAmI() {
  me = await api.get('api/account/me', { cached: false });
  if (!me.signedIn) providers = me.singleSignOn || [];
  return me;
}

function showSignIn(message) {
  me = null;
  if (current) { current.teardown?.(); current = null; }
  $('pm-staff-workspace').hidden = true;
  const form = $('pm-staff-signin');
  form.hidden = false;
  $('pm-staff-signin-message').textContent = message || '';
  $('pm-staff-csrf').value = readCookie(document.cookie, CSRF_COOKIE) || '';
  $('pm-staff-sso').replaceChildren(...providers.map((p) => el('a', { class: 'pm-staff-btn', href: p.path },
    t('staff.signIn.with', { name: p.name }))));
  if (new URLSearchParams(window.location.search).get('sso') === 'failed' && !message) {
    $('pm-staff-signin-message').textContent = t('staff.signIn.ssoFailed');
  }
  $('pm-staff-username').focus();
}

async function showWorkspace(sectionId) {
  $('pm-staff-signin').hidden = true;
  $('pm-staff-workspace').hidden = false;
  const roles = (me.roles || []).map((r) => t(`staff.role.${r}`)).join(', ');
  $('pm-staff-me').textContent = t('staff.signedInAs', { name: me.displayName || me.username, roles: roles || t('staff.role.none') });
  const sections = visibleSections(me);
  const nav = clear($('pm-staff-nav'));
  for (const s of sections) {
    nav.append(el('button', { type: 'button', class: 'pm-staff-tab', dataset: { section: s.id },
      onclick: () => open(s) }, t(s.label)));
  }
  const wanted = me.mustChangePassword ? 'account' : sectionId;
  await open(sections.find((s) => s.id === wanted) || sections[0]);
}

async function open(section) {
  if (current) { current.teardown?.(); current = null; }
  for (const b of $('pm-staff-nav').children) b.setAttribute('aria-current', b.dataset.section === section.id ? 'page' : 'false');
  const root = clear($('pm-staff-section'));
  root.dataset.section = section.id;
  const module = await section.load();
  const teardown = await module.mount({ root, api, me, t, useNamespace, el, refresh: refreshMe });
  current = { id: section.id, teardown };
}

/** After a change to the signed-in user (password changed): read who we are again and redraw. */
async function refreshMe() {
  await whoAmI();
  if (!me.signedIn) showSignIn();
  else await showWorkspace(current?.id);
}

async function signIn(event) {
  event.preventDefault();
  const message = $('pm-staff-signin-message');
  message.textContent = '';
  try {
    me = await api.post('api/account/sign-in', { json: { username: $('pm-staff-username').value, password: $('pm-staff-password').value } });
    $('pm-staff-password').value = '';
    await showWorkspace();
  } catch (e) {
    $('pm-staff-password').value = '';
    message.textContent = e instanceof ApiError ? e.message : t('staff.networkError');
    $('pm-staff-password').focus();
  }
}

async function signOut() {
  try { await api.post('api/account/sign-out'); } catch { /* signed out anyway below */ }
  showSignIn(t('staff.signedOut'));
}

async function start() {
  const lang = storedLang();
  api.setLanguage(lang);
  await useNamespace('staff');
  await setLang(lang);
  labelLangButton();
  apply(document);
  listen($('pm-staff-lang'), 'click', () => switchLang(currentLang() === 'zh' ? 'en' : 'zh'));
  listen($('pm-staff-signin'), 'submit', signIn);
  listen($('pm-staff-signout'), 'click', signOut);
  await whoAmI();
  if (me.signedIn) await showWorkspace();
  else showSignIn();
  document.body.classList.add('pm-ready');
}

start().catch((e) => {
  document.body.classList.add('pm-ready');
  $('pm-staff-signin').hidden = false;
  $('pm-staff-signin-message').textContent = e instanceof ApiError ? e.message : String(e.message || e);
});
