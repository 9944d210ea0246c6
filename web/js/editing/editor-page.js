// The editor on a page of its own (web/editor.html): asks who is signed in, then mounts the "Edit the map" section
// (editor-section.js) for an editor, or says what is missing. Sign-in itself is the staff workspace's (docs/accounts.md).
import { api } from '../api/client.js';
import { createEventBus } from '../core/event-bus.js';
import { setLang, t, useNamespace } from '../core/i18n.js';
import { el } from '../util/dom.js';
import { mountEditingSection } from './editor-section.js';

const root = document.getElementById('pm-editor-root');
const user = document.getElementById('pm-editor-user');
const langButton = document.getElementById('pm-editor-lang');
const bus = createEventBus();
let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
let teardown = null;

async function start() {
  api.setLanguage(lang);
  await useNamespace('editing');
  await setLang(lang);
  langButton.textContent = lang === 'zh' ? 'English' : '中文';
  let me;
  try {
    me = await api.get('api/account/me', { cached: false });
  } catch (err) {
    root.replaceChildren(el('p', { class: 'pm-editor-status', dataset: { kind: 'error' } }, err.message));
    return;
  }
  if (!me.signedIn) {
    root.replaceChildren(el('p', { class: 'pm-editor-status' }, t('editing.signInFirst')));
    return;
  }
  user.textContent = me.displayName || me.username;
  if (!(me.effectiveRoles || []).includes('EDITOR')) {
    root.replaceChildren(el('p', { class: 'pm-editor-status', dataset: { kind: 'error' } }, t('editing.notEditor')));
    return;
  }
  root.replaceChildren();
  teardown = await mountEditingSection({ root, bus, api });
  document.body.classList.add('pm-editor-ready');
}

langButton.addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  if (teardown) teardown();
  teardown = null;
  start();
});

start();
