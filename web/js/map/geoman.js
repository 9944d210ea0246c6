/**
 * Loads Leaflet-Geoman (web/vendor/leaflet-geoman-free, MIT) once, on demand: the planner's draw tool and the staff
 * editor ask for it when they open, never the first view. Resolves to true when `L.PM` is there, false when the
 * script failed (drawing is then off; the rest of the map works). Layers opt in (`pmIgnore: false`), so Geoman leaves
 * the plan's hundreds of shapes alone.
 */
export const GEOMAN_JS = 'vendor/leaflet-geoman-free/2.20.2/leaflet-geoman.min.js';
export const GEOMAN_CSS = 'vendor/leaflet-geoman-free/2.20.2/leaflet-geoman.css';

let loading = null;

export function loadGeoman(L = window.L, js = GEOMAN_JS, css = GEOMAN_CSS) {
  if (L.PM) return Promise.resolve(true);
  if (loading) return loading;
  if (!document.querySelector(`link[href="${css}"]`)) {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: css }));
  }
  loading = new Promise((resolve) => {
    const script = Object.assign(document.createElement('script'), { src: js, async: false });
    script.addEventListener('load', () => {
      if (L.PM) L.PM.setOptIn(true);
      resolve(Boolean(L.PM));
    });
    script.addEventListener('error', () => { console.warn('Leaflet-Geoman did not load; drawing is off'); loading = null; resolve(false); });
    document.head.append(script);
  });
  return loading;
}

/**
 * Gives a map created before Geoman loaded its `map.pm` (Geoman adds it to maps made after it, in an init hook).
 * Call once Geoman is loaded.
 */
export function attachGeoman(map, L = window.L) {
  if (!map.pm && L.PM) {
    map.pm = new L.PM.Map(map);
    map.pm.setGlobalOptions({});
  }
  return map.pm;
}

/** Geoman's tooltips in the UI language ('zh' or 'en'). */
export function geomanLanguage(map, lang) {
  if (map.pm && map.pm.setLang) map.pm.setLang(lang === 'zh' ? 'zh' : 'en');
}
