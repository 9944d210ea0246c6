/** A legend swatch (area, line or dot) in the colours of map/styles.js; decorative (aria-hidden). */
import { el } from './dom.js';

export function swatch({ fill, stroke, dashed, shape = 'area', hollow }) {
  const s = el('span', { class: `pm-swatch pm-swatch--${shape}${dashed ? ' pm-swatch--dashed' : ''}${hollow ? ' pm-swatch--hollow' : ''}`, 'aria-hidden': 'true' });
  if (fill) s.style.setProperty('--pm-fill', fill);
  if (stroke) s.style.setProperty('--pm-stroke', stroke);
  return s;
}
