/**
 * Wiring only: creates the bus, state and map adapter, mounts the UI modules,
 * loads the layers and keeps the URL in step. The public hooks for other
 * modules are on `window.planmap` (see web/js/README.md). At `/embed` the page
 * is the minimal embed mode (map + legend, body class pm-embed).
 * What drawing the map does not need — the identify picker, the map tools, the
 * share button, the intro — is imported once the layers are drawn, before
 * `body.pm-ready`.
 */
import { bus } from './core/event-bus.js';
import { state } from './core/state.js';
import { decodeHash } from './core/url-state.js';
import { startUrlSync } from './core/url-sync.js';
import { setLang, t, pick, apply, useNamespace } from './core/i18n.js';
import { api } from './api/client.js';
import { createMapAdapter } from './map/map-adapter.js';
import { createDrawAdapter } from './map/draw-adapter.js';
import { availableBases } from './map/tiles.js';
import { bboxToBounds } from './util/format.js';
import { mountLangToggle } from './ui/lang-toggle.js';
import { mountSidebarTabs } from './ui/sidebar-tabs.js';
import { mountLayerList } from './ui/layer-list.js';
import { mountLegend } from './ui/legend.js';
import { mountBaseSwitch } from './ui/base-switch.js';
import { mountPanel } from './ui/panel.js';
import { mountFeatureDetails } from './ui/feature-details.js';
import { mountReader } from './ui/reader.js';
import { mountSearchBox } from './ui/search-box.js';
import { mountFeatureList } from './ui/feature-list.js';
import { mountHeaderMenu } from './ui/header-menu.js';
import { mountServiceStatus } from './ui/service-status.js';

const $ = (id) => document.getElementById(id);
const DEFAULT_VIEW = { center: [29.6, 106.33], zoom: 11 };
const EMBED = /\/embed$/.test(location.pathname);

async function start() {
  if (EMBED) document.body.classList.add('pm-embed');
  const fromUrl = decodeHash(location.hash);
  api.setLanguage(fromUrl.lang || 'zh');
  // start every data request at once; the UI is built while they travel
  const layersP = api.layers().catch(() => []);
  const configP = api.config();
  const dataP = layersP.then((layers) => layers.map((l) => api.layer(l.id).then((fc) => [l, fc], () => [l, null])));
  await setLang(fromUrl.lang || 'zh');
  const deps = { bus, state, api, t, pick };
  bus.on('i18n:apply', ({ root }) => apply(root));
  bus.on('status', ({ message }) => { $('pm-status').textContent = message; });
  bus.on('lang:changed', async ({ lang }) => { api.setLanguage(lang); await setLang(lang); bus.emit('ui:relabel'); });

  const adapter = createMapAdapter({ container: $('pm-map'), bus, state, t });
  createDrawAdapter({ map: adapter.leafletMap, bus }); // planner drawing and overlay (draw:*, overlay:* events)
  mountPanel({ panel: $('pm-panel'), bus });
  mountFeatureDetails({ root: $('pm-panel-feature'), ...deps });
  if (EMBED) {
    const { mountEmbed } = await import('./ui/embed.js');
    mountEmbed({ root: document.querySelector('.pm-body'), ...deps, mountLegend: (root) => mountLegend({ root, ...deps, layers: true }) });
  } else {
    mountHeaderMenu({ toggle: $('pm-menu-toggle'), menu: $('pm-menu') });
    mountSidebarTabs({ sidebar: $('pm-sidebar'), toggle: $('pm-sidebar-toggle'), bus });
    mountLangToggle({ button: $('pm-lang'), ...deps });
    mountLayerList({ root: $('pm-layer-list'), ...deps });
    mountBaseSwitch({ root: $('pm-base'), ...deps });
    mountLegend({ root: $('pm-legend'), ...deps });
    mountReader({ root: $('pm-reader'), ...deps });
    mountSearchBox({ root: $('pm-search'), ...deps });
    mountFeatureList({ root: $('pm-feature-list'), ...deps });
  }
  mountServiceStatus({ root: document.body, bus, t, api });
  window.planmap = { bus, state, map: adapter, api };

  const [layers, config] = await Promise.all([layersP, configP]);
  const defaultLayers = layers.map((l) => l.id);
  adapter.setConfig(config);
  const bases = availableBases(config);
  bus.emit('config:loaded', { config, bases });
  bus.emit('layers:loaded', { layers });

  const defaults = () => ({ lang: 'zh', layers: defaultLayers, feature: null, section: null, base: 'plain' });
  const initial = { ...defaults(), ...fromUrl };
  if (!bases.includes(initial.base)) initial.base = 'plain';
  const district = layers.find((l) => l.id === 'district');
  const bounds = bboxToBounds(district?.bbox);
  if (initial.center) adapter.setView(initial.center, initial.zoom);
  else if (bounds) adapter.fitBounds(bounds, { animate: false });
  else adapter.setView(DEFAULT_VIEW.center, DEFAULT_VIEW.zoom);
  state.set(initial, { history: 'none', source: 'url' });
  startUrlSync({ bus, state, defaults });
  bus.emit('ui:relabel');

  // data layers: fetched in parallel, drawn in the adapter's fixed order
  const loaded = await Promise.all(await dataP);
  for (const [layer, fc] of loaded) {
    if (!fc) { bus.emit('status', { message: t('error.layer', { id: layer.id }) }); continue; }
    adapter.addCollection(layer, fc);
    bus.emit('features:loaded', { collection: layer.id, features: fc.features || [] });
  }
  performance.mark('pm:layers-drawn');
  await mountAfterTheMap(deps);
  document.body.classList.remove('pm-loading');
  document.body.classList.add('pm-ready');
  bus.emit('layers:drawn', { layers: defaultLayers });
}

/** The first view's UI that drawing the map does not need (they read layer data from the API client's cache). */
async function mountAfterTheMap(deps) {
  const body = document.querySelector('.pm-body');
  const [{ mountIdentifyPicker }, tools, share, intro] = await Promise.all([
    import('./ui/identify-picker.js'),
    ...(EMBED ? [] : [import('./ui/map-tools.js'), import('./ui/share.js'), import('./ui/intro.js')]),
  ]);
  mountIdentifyPicker({ root: body, map: $('pm-map'), ...deps });
  if (EMBED) return;
  tools.mountMapTools({ root: $('pm-map-tools'), message: $('pm-map-message'), ...deps, useNamespace });
  share.mountShare({ slot: $('pm-toolbar-extra'), ...deps, useNamespace });
  intro.mountIntro({ root: body, aboutButton: $('pm-about'), ...deps });
  bus.emit('ui:relabel');
}

start().catch((err) => {
  console.error('planmap failed to start', err);
  document.body.classList.add('pm-failed');
});
