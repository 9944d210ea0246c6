/** The language toggle button: zh ⇄ en, written to the state (and so the URL). */
import { listen } from '../util/dom.js';

export function mountLangToggle({ button, bus, state, t }) {
  function label() {
    const other = state.get().lang === 'zh' ? 'en' : 'zh';
    button.textContent = t(`lang.switchTo.${other}`);
    button.setAttribute('lang', other === 'zh' ? 'zh-CN' : 'en');
    button.setAttribute('aria-label', t(`lang.switchLabel.${other}`));
  }
  const offs = [
    listen(button, 'click', () => {
      state.set({ lang: state.get().lang === 'zh' ? 'en' : 'zh' }, { history: 'push' });
    }),
    bus.on('ui:relabel', label),
  ];
  label();
  return () => offs.forEach((off) => off());
}
