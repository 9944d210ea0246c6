// The staff workspace's "Edit the map" section (role EDITOR): loads the `editing` strings, then mounts the editor
// panel with its map (map/edit-map.js, Leaflet-Geoman). Used by web/editor.html (editor-page.js) and, through
// `mount`, by the staff workspace's section list (js/staff/sections.js: `{id: 'editing', roles: ['EDITOR'],
// load: () => import('../editing/editor-section.js')}`).
import { useNamespace, t, currentLang } from '../core/i18n.js';
import { createEventBus } from '../core/event-bus.js';
import { mountEditor } from './editor-panel.js';
import { createEditMap } from '../map/edit-map.js';
import { loadLeaflet } from '../map/geoman.js';
import { loadStylesheet } from '../util/dom.js';

/** Mounts the section into `root`; resolves to its teardown. */
export async function mountEditingSection({ root, bus = createEventBus(), api }) {
  await Promise.all([useNamespace('editing'), loadLeaflet(), loadStylesheet('css/editing.css')]);
  return mountEditor({ root, bus, api, t, lang: currentLang, createMap: createEditMap });
}

/** The staff workspace's section contract: `mount({root, api, …})` → teardown. */
export function mount({ root, api }) {
  return mountEditingSection({ root, api });
}
