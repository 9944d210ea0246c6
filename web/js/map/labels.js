/**
 * Map labels: names of zones, areas, rivers, stations and major places, placed without overlaps and shown by
 * zoom rules (util/label-layout.js decides; this draws). Part of the map adapter (only web/js/map/ touches
 * Leaflet). Labels are text, not interactive (clicks go through to the map), in their own pane above the plan
 * layers and below the project-site badges; hidden during a zoom animation and laid out again after every move.
 *
 *   const labels = createLabelLayer(L, map, { obstacles: () => [{x1, y1, x2, y2}, …] });  // boxes to keep clear
 *   labels.set([{id, text, latlng, priority, minZoom, maxZoom, size, kind}]);   // kind → CSS pm-label--<kind>
 *   labels.shown();                                                            // ids placed now (for tests)
 */
import { layoutLabels } from '../util/label-layout.js';

export function createLabelLayer(L, map, { pane = 'pm-labels', obstacles = () => [] } = {}) {
  if (!map.getPane(pane)) {
    const node = map.createPane(pane);
    node.style.zIndex = '580'; // above the plan layers (390…) and the planner overlay (450); below markers (600)
    node.style.pointerEvents = 'none';
  }
  const root = L.DomUtil.create('div', 'pm-labels', map.getPane(pane));
  root.setAttribute('aria-hidden', 'true'); // the names are in the feature list and the identify picker
  let candidates = [];
  let placed = [];

  /**
   * Where a line's label may go: points of the longest run of its vertices inside the view, the middle first,
   * then the thirds and quarters (so a badge on the middle does not cost the river its name). Empty if none is.
   */
  function alongInView(path, size) {
    let best = [];
    let run = [];
    for (const ll of path) {
      const p = map.latLngToContainerPoint(ll);
      if (p.x > 40 && p.y > 20 && p.x < size.x - 40 && p.y < size.y - 20) run.push(p);
      else run = [];
      if (run.length > best.length) best = run;
    }
    if (!best.length) return [];
    const at = (f) => best[Math.min(best.length - 1, Math.floor(best.length * f))];
    return [0.5, 0.33, 0.67, 0.25, 0.75].map(at);
  }

  function redraw() {
    if (!map._loaded) return;
    const size = map.getSize();
    const zoom = map.getZoom();
    const projected = [];
    for (const c of candidates) {
      if (c.path) {
        // the positions along the line become offsets from the first one, each with the label's own offsets
        const points = alongInView(c.path, size);
        if (!points.length) continue;
        const [first] = points;
        const own = c.offsets || [[0, 0]];
        const offsets = points.flatMap((p) => own.map(([dx, dy]) => [p.x - first.x + dx, p.y - first.y + dy]));
        projected.push({ ...c, x: first.x, y: first.y, offsets });
      } else {
        const pt = map.latLngToContainerPoint(c.latlng);
        projected.push({ ...c, x: pt.x, y: pt.y });
      }
    }
    placed = layoutLabels(projected, { zoom, width: size.x, height: size.y, obstacles: obstacles() });
    root.replaceChildren(...placed.map((c) => {
      const outer = L.DomUtil.create('div', `pm-label pm-label--${c.kind || 'place'}`);
      const inner = L.DomUtil.create('span', '', outer);
      inner.textContent = c.text;
      outer.style.fontSize = `${c.size}px`;
      outer.dataset.labelId = c.id;
      L.DomUtil.setPosition(outer, map.containerPointToLayerPoint([c.x, c.y]));
      return outer;
    }));
    root.classList.remove('pm-labels--zooming');
  }

  const hide = () => root.classList.add('pm-labels--zooming');
  // after the frame in which the other layers (site badges) have been redrawn for the new view
  const later = () => requestAnimationFrame(redraw);
  map.on('zoomstart', hide);
  map.on('moveend zoomend resize viewreset', later);
  return {
    set(next) { candidates = next; redraw(); },
    redraw,
    shown: () => placed.map((c) => c.id),
    remove() {
      map.off('zoomstart', hide);
      map.off('moveend zoomend resize viewreset', later);
      root.remove();
    },
  };
}
