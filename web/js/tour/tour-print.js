/**
 * The handout: one printed page per tour step (title, map image drawn on a
 * canvas, quote with its section id, key targets). Built once when a tour
 * starts, hidden on screen, shown only by the print stylesheet (tour.css).
 */
import { el, clear } from '../util/dom.js';
import { drawSnapshot, padBbox } from './map-snapshot.js';

export function buildHandout(root, tour, collections, districtBbox) {
  clear(root);
  root.append(el('h1', { class: 'pm-print-title' }, tour.title));
  for (const step of tour.steps) {
    const canvas = el('canvas', { width: '1000', height: '640' });
    drawSnapshot(canvas, collections, {
      bbox: padBbox(step.bbox || districtBbox, 0.12),
      highlight: new Set(step.features),
    });
    root.append(el('section', { class: 'pm-print-step', dataset: { step: String(step.number) } },
      el('h2', {}, `${step.number}. ${step.title}`),
      el('img', { src: canvas.toDataURL('image/png'), alt: step.title, class: 'pm-print-map' }),
      step.quote ? el('blockquote', {}, el('p', {}, step.quote), el('cite', {}, `${step.sectionTitle} [${step.sectionId}]`)) : null,
      step.targets.length ? el('ul', { class: 'pm-print-targets' }, step.targets.map((g) => el('li', {}, `${g.match}${g.year ? `（${g.year}年）` : ''}`))) : null,
      el('p', { class: 'pm-print-foot' }, `${tour.title} · ${step.number}/${tour.steps.length}`)));
  }
}
