/**
 * The handout: one printed page per tour step — title, the step's map as a print figure (print/print-figure.js:
 * framed on the step's places in the box's own shape, north arrow, scale bar, legend, sources, date), the quote with
 * its source and the key targets. Built once when a tour starts, hidden on screen, shown only by the print
 * stylesheet (tour.css).
 */
import { el, clear } from '../util/dom.js';
import { padBbox } from './map-snapshot.js';
import { mapFigure } from '../print/print-figure.js';

/**
 * @param {object} o  {t, lang, layerTitle (collection id → title), text (step → {title, source, targets: string[]}),
 *                    tourTitle}
 */
export function buildHandout(root, tour, collections, districtBbox, { t, lang, layerTitle, text, tourTitle }) {
  clear(root);
  root.append(el('h1', { class: 'pm-print-title' }, tourTitle));
  const date = new Date();
  for (const step of tour.steps) {
    const words = text(step);
    root.append(el('section', { class: 'pm-print-step', dataset: { step: String(step.number) } },
      el('h2', {}, `${step.number}. ${words.title}`),
      mapFigure({ collections, bbox: padBbox(step.bbox || districtBbox, 0.15), highlight: new Set(step.features), t, lang, layerTitle, date, long: 1200 }),
      step.quote ? el('blockquote', { lang: 'zh-CN' }, el('p', {}, step.quote), el('cite', {}, words.source)) : null,
      words.targets.length ? el('ul', { class: 'pm-print-targets' }, words.targets.map((g) => el('li', {}, g))) : null,
      el('p', { class: 'pm-print-foot' }, `${tourTitle} · ${step.number}/${tour.steps.length}`)));
  }
}
