/**
 * Project-site point symbols, clustered with Leaflet.markercluster (webjar `leaflet-markercluster` 1.4.1, loaded
 * by index.html after Leaflet). Part of the map adapter: only web/js/map/ touches Leaflet.
 *
 * - Symbols whose badges would overlap at the current zoom become one count badge (`.pm-cluster`).
 * - Activating a count badge (click, tap, Enter or Space — the adapter turns the keys into a click) zooms in
 *   when that separates its sites; when it cannot (the sites share one point, like the 24 district-wide
 *   projects placed at the district government), `onStack(ids, latlng)` is called and the adapter lists them
 *   in the identify picker, so each one is reachable by mouse, touch and keyboard.
 * - The selected site is never clustered: it is drawn on its own, highlighted, above the rest.
 * `onSelect(id)` is called when a single symbol is activated. `label(feature)` / `groupLabel(n)` give the
 * accessible names (they follow the UI language: call `relabel()` after a switch).
 */
import { pointSymbol } from './styles.js';

const CLUSTER_RADIUS = 40; // px: badges are 28 px wide
const SAME_POINT_METRES = 15;

export function createSitesLayer(L, map, { collection, attribution, onSelect, onStack, label, groupLabel }) {
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  // a div icon that also names itself for screen readers (Leaflet gives markers role=button and tabindex only)
  const NamedIcon = L.DivIcon.extend({
    createIcon(old) {
      const div = L.DivIcon.prototype.createIcon.call(this, old);
      div.setAttribute('aria-label', this.options.ariaLabel || '');
      if (this.options.featureId) div.dataset.featureId = this.options.featureId;
      return div;
    },
  });
  const cluster = L.markerClusterGroup({
    attribution,
    maxClusterRadius: CLUSTER_RADIUS,
    showCoverageOnHover: false,
    zoomToBoundsOnClick: false,
    spiderfyOnMaxZoom: false,
    animate: !reducedMotion,
    iconCreateFunction: (c) => countIcon(c.getChildCount()),
  });
  const selectedLayer = L.layerGroup();
  const group = L.layerGroup([cluster, selectedLayer], { attribution });
  const sites = new Map(); // id → {feature, latlng, marker}
  let pending = [];
  let selectedId = null;

  function badge(feature, selected) {
    const sym = pointSymbol(collection, feature);
    const node = document.createElement('span');
    node.className = `pm-badge${sym.hollow ? ' pm-badge--hollow' : ''}${selected ? ' pm-selected' : ''}`;
    node.style.setProperty('--pm-colour', sym.colour);
    node.textContent = sym.label;
    return node;
  }

  function siteIcon(id, feature, selected) {
    return new NamedIcon({ html: badge(feature, selected), className: 'pm-marker', iconSize: [28, 28], iconAnchor: [14, 14],
      ariaLabel: label(feature), featureId: id });
  }

  function countIcon(n) {
    const node = document.createElement('span');
    node.className = 'pm-cluster';
    node.textContent = String(n);
    return new NamedIcon({ html: node, className: 'pm-marker pm-marker--cluster', iconSize: [34, 34], iconAnchor: [17, 17], ariaLabel: groupLabel(n) });
  }

  function marker(id, site, selected) {
    const m = L.marker(site.latlng, { icon: siteIcon(id, site.feature, selected), keyboard: true, title: label(site.feature),
      zIndexOffset: selected ? 1000 : 0, featureId: id });
    m.on('click', () => onSelect(id));
    return m;
  }

  cluster.on('clusterclick', (e) => {
    const c = e.layer;
    const children = c.getAllChildMarkers();
    const bounds = c.getBounds();
    const stacked = bounds.getNorthEast().distanceTo(bounds.getSouthWest()) < SAME_POINT_METRES;
    if (stacked || map.getZoom() >= map.getMaxZoom()) {
      onStack(children.map((m) => m.options.featureId), c.getLatLng());
    } else {
      c.zoomToBounds({ padding: [40, 40] });
    }
  });

  function flush() {
    if (!pending.length) return;
    cluster.addLayers(pending.map((id) => sites.get(id).marker));
    pending = [];
  }
  group.on('add', flush);

  return {
    layer: group,
    add(feature) {
      const id = String(feature.id);
      const [lng, lat] = feature.geometry.coordinates;
      const site = { feature, latlng: L.latLng(lat, lng) };
      site.marker = marker(id, site, false);
      sites.set(id, site);
      pending.push(id);
      if (map.hasLayer(group)) flush();
    },
    has: (id) => sites.has(id),
    /** Calls fn whenever the badges have settled after a zoom (the clustering animation ended). */
    onSettled: (fn) => cluster.on('animationend', fn),
    latlng: (id) => sites.get(id)?.latlng || null,
    feature: (id) => sites.get(id)?.feature || null,
    /** Ids of the sites whose symbols lie within `px` of a container point (visible or clustered). */
    near(containerPoint, px) {
      if (!map.hasLayer(group)) return [];
      const out = [];
      for (const [id, s] of sites) if (map.latLngToContainerPoint(s.latlng).distanceTo(containerPoint) <= px) out.push(id);
      return out;
    },
    select(id) {
      const next = sites.has(id) ? id : null;
      if (next === selectedId) return;
      if (selectedId) {
        selectedLayer.clearLayers();
        cluster.addLayer(sites.get(selectedId).marker);
      }
      selectedId = next;
      if (next) {
        cluster.removeLayer(sites.get(next).marker);
        selectedLayer.addLayer(marker(next, sites.get(next), true));
      }
    },
    /** The accessible names follow the UI language. */
    relabel() {
      for (const [id, s] of sites) {
        s.marker.options.title = label(s.feature);
        s.marker.setIcon(siteIcon(id, s.feature, false));
      }
      cluster.refreshClusters();
      if (selectedId) {
        selectedLayer.clearLayers();
        selectedLayer.addLayer(marker(selectedId, sites.get(selectedId), true));
      }
    },
  };
}
