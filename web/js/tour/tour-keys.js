/**
 * Presenter keys, as a pure reducer: (key, typed digits) → command.
 * →, Space, PageDown, n: next · ←, PageUp, Backspace, p: back · Home/End ·
 * Esc: leave · digits then Enter: jump · f: full screen · c: high contrast.
 * Clickers send PageUp/PageDown (some send ←/→ or b for blank — b is ignored).
 */
export function tourCommand(key, typed = '') {
  if (/^[0-9]$/.test(key)) return { command: 'type', typed: (typed + key).slice(-3) };
  if (key === 'Enter' && typed) return { command: 'jump', step: Number.parseInt(typed, 10), typed: '' };
  const map = {
    ArrowRight: 'next', ' ': 'next', PageDown: 'next', n: 'next', Enter: 'next',
    ArrowLeft: 'back', PageUp: 'back', Backspace: 'back', p: 'back',
    Home: 'first', End: 'last', Escape: 'leave', f: 'fullscreen', c: 'contrast',
  };
  return map[key] ? { command: map[key], typed: '' } : null;
}

/** Clamps a requested step (1-based) into 1…count. */
export function clampStep(step, count) {
  const n = Number.isFinite(step) ? Math.trunc(step) : 1;
  return Math.min(Math.max(n, 1), Math.max(count, 1));
}
