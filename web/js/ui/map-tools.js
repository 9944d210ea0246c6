/**
 * Tools over the map: "Locate me" (browser geolocation: where you are, in which zone, or a plain message when
 * the browser refuses, cannot tell, or you are outside the district) and the distance/area measure tool (its panel,
 * ui/measure-panel.js, and its i18n namespace `measure` come on first use). The buttons sit in `#pm-map-tools`; messages go to
 * `#pm-map-message` (a polite live region with a close button).
 * Emits: locate:show {lat, lng, accuracy, inside}, locate:clear, measure:start/stop (via the panel).
 * The district and the zones (for "where am I") come from the API client's cache. Listens: ui:relabel.
 */
import { el, clear, listen } from '../util/dom.js';
import { geometryContains, polygonsOf } from '../util/geometry.js';
import { distance, formatLength } from '../util/geodesy.js';
import { featureName } from '../util/format.js';
import { icon } from '../util/icons.js';

export function mountMapTools({ root, message, bus, state, api, t, useNamespace, geolocation = navigator.geolocation }) {
  let said = null; // [key, vars] of the message shown
  let measurePanel = null;

  const locateButton = el('button', { type: 'button', class: 'pm-btn pm-tool pm-tool-locate', 'aria-describedby': 'pm-map-message' });
  const measureButton = el('button', { type: 'button', class: 'pm-btn pm-tool pm-tool-measure', 'aria-expanded': 'false', 'aria-controls': 'pm-measure' });
  root.append(locateButton, measureButton);

  function relabel() {
    locateButton.replaceChildren(icon('locate'), el('span', {}, t('tools.locate')));
    measureButton.replaceChildren(icon('measure'), el('span', {}, t('tools.measure')));
    if (said) say(...said);
  }

  function say(key, vars, kind = 'info') {
    said = key ? [key, vars, kind] : null;
    clear(message);
    message.hidden = !key;
    if (!key) return;
    message.className = `pm-map-message pm-map-message--${kind}`;
    message.append(el('span', {}, t(key, vars)),
      el('button', { type: 'button', class: 'pm-btn pm-btn--small', 'aria-label': t('locate.dismiss'), onclick: () => say(null) }, '×'));
  }

  /** Metres from a position to the nearest vertex of the district outline (good enough to say "12 km away"). */
  function distanceToDistrict(district, lat, lng) {
    let best = Infinity;
    for (const rings of polygonsOf(district.geometry)) for (const p of rings[0]) best = Math.min(best, distance([lat, lng], [p.y, p.x]));
    return best;
  }

  async function located({ coords }) {
    const { latitude: lat, longitude: lng, accuracy } = coords;
    const [district] = (await api.layer('district').catch(() => null))?.features || [];
    const zones = (await api.layer('zones').catch(() => null))?.features || [];
    if (!district) { say('locate.noDistrict', {}, 'warn'); return; }
    const inside = geometryContains(district.geometry, [lng, lat]);
    bus.emit('locate:show', { lat, lng, accuracy, inside });
    if (!inside) {
      say('locate.outside', { distance: formatLength(distanceToDistrict(district, lat, lng), state.get().lang) }, 'warn');
      return;
    }
    const zone = zones.find((z) => geometryContains(z.geometry, [lng, lat]));
    say(zone ? 'locate.inZone' : 'locate.inside', { zone: zone ? featureName(zone.properties, state.get().lang) : '', accuracy: Math.round(accuracy) });
  }

  function failed(err) {
    bus.emit('locate:clear');
    const key = { 1: 'locate.denied', 2: 'locate.unavailable', 3: 'locate.timeout' }[err?.code] || 'locate.unavailable';
    say(key, {}, 'warn');
  }

  function locate() {
    if (!geolocation) { say('locate.unsupported', {}, 'warn'); return; }
    say('locate.finding');
    geolocation.getCurrentPosition(located, failed, { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 });
  }

  async function toggleMeasure() {
    if (!measurePanel) {
      const [{ mountMeasurePanel }] = await Promise.all([import('./measure-panel.js'), useNamespace('measure')]);
      measurePanel = mountMeasurePanel({ bus, state, t, onClose: () => { measureButton.setAttribute('aria-expanded', 'false'); measureButton.focus(); } });
    }
    const open = !measurePanel.isOpen();
    if (open) measurePanel.open(); else measurePanel.close();
    measureButton.setAttribute('aria-expanded', String(open));
  }

  const offs = [
    listen(locateButton, 'click', locate),
    listen(measureButton, 'click', () => { toggleMeasure().catch((err) => console.error('measure panel failed to load', err)); }),
    bus.on('ui:relabel', relabel),
  ];
  relabel();
  return () => { offs.forEach((off) => off()); clear(root); };
}
