/**
 * The first view says what it is: a short intro card (what this map is, that zones are reconstructions, how to
 * start) for a first visit that opens the plain map (not a shared link to a feature, section, tour or overlay).
 * Closing it — or starting to use the map (choosing a feature, opening a section, a panel, the dashboard or a
 * tour) — is remembered in localStorage, so it does not come back; the About button brings it back any time.
 * Its text is in index.html (`#pm-tpl-intro`, strings `intro.*`). Non-modal: the map stays usable around it.
 */
import { fromTemplate, listen } from '../util/dom.js';

export const INTRO_KEY = 'planmap.intro.dismissed';

export function mountIntro({ root, aboutButton, bus, state, storage = window.localStorage }) {
  let card = null;

  const remembered = () => { try { return storage.getItem(INTRO_KEY) === '1'; } catch { return false; } };
  const remember = () => { try { storage.setItem(INTRO_KEY, '1'); } catch { /* private mode: it shows again next time */ } };

  function show({ focus = false } = {}) {
    if (!card) {
      card = fromTemplate('pm-tpl-intro');
      bus.emit('i18n:apply', { root: card });
      card.querySelector('.pm-intro-close').addEventListener('click', () => hide({ refocus: true }));
      card.querySelector('.pm-intro-start').addEventListener('click', () => hide({ refocus: false, then: () => document.getElementById('pm-map')?.focus() }));
      card.querySelector('.pm-intro-plan').addEventListener('click', () => { hide(); bus.emit('sidebar:show', { tab: 'plan' }); });
      card.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); hide({ refocus: true }); } });
      root.append(card);
    }
    card.hidden = false;
    document.body.classList.add('pm-intro-open');
    aboutButton?.setAttribute('aria-expanded', 'true');
    if (focus) card.querySelector('h2')?.focus();
  }

  function hide({ refocus = false, then } = {}) {
    remember();
    if (!card || card.hidden) return;
    card.hidden = true;
    document.body.classList.remove('pm-intro-open');
    aboutButton?.setAttribute('aria-expanded', 'false');
    if (refocus) aboutButton?.focus();
    then?.();
  }

  const startedUsing = () => { if (card && !card.hidden) hide(); else remember(); };
  const offs = [
    aboutButton ? listen(aboutButton, 'click', () => (card && !card.hidden ? hide({ refocus: true }) : show({ focus: true }))) : () => {},
    bus.on('feature:selected', ({ id }) => { if (id) startedUsing(); }),
    bus.on('section:opened', ({ id }) => { if (id) startedUsing(); }),
    bus.on('panel:show', startedUsing),
    bus.on('state:changed', ({ changed, state: s }) => { if ((changed.includes('view') && s.view) || (changed.includes('tour') && s.tour)) startedUsing(); }),
    bus.on('ui:relabel', () => { if (card) bus.emit('i18n:apply', { root: card }); }),
  ];
  const s = state.get();
  const deepLink = s.feature || s.section || s.view || s.tour || s.overlay;
  if (!remembered() && !deepLink) show();
  return { show, hide, teardown: () => { offs.forEach((off) => off()); card?.remove(); } };
}
