// The staff workspace's "Edit the map" section (role EDITOR): loads the `editing` strings, then mounts the editor
// panel with its map (map/edit-map.js, Leaflet-Geoman). Imported by the workspace when the section opens.
import { useNamespace, t, currentLang } from '../core/i18n.js';
import { mountEditor } from './editor-panel.js';
import { createEditMap } from '../map/edit-map.js';

/** Mounts the section into `root`; resolves to its teardown. */
export async function mountEditingSection({ root, bus, api }) {
  await useNamespace('editing');
  return mountEditor({ root, bus, api, t, lang: currentLang, createMap: createEditMap });
}
