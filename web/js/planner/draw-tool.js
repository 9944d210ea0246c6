// Draw a point, line or polygon with leaflet-draw on the shared map; calls onDrawn(geojsonGeometry).
// Touches Leaflet only through planmap.map.leafletMap (the adapter's handle); setup/teardown are symmetric.
export function mountDrawTool({ map, onDrawn }) {
  const L = window.L;
  if (!L || !L.Draw || !map || !map.leafletMap) return { start() {}, teardown() {} };
  const lmap = map.leafletMap;
  let handler = null;
  const created = (e) => { onDrawn(e.layer.toGeoJSON().geometry); stop(); };
  lmap.on(L.Draw.Event.CREATED, created);
  function stop() { if (handler) { handler.disable(); handler = null; } }
  function start(kind) {
    stop();
    const Cls = { point: L.Draw.Marker, line: L.Draw.Polyline, polygon: L.Draw.Polygon }[kind];
    handler = new Cls(lmap, {});
    handler.enable();
  }
  return { start, teardown() { stop(); lmap.off(L.Draw.Event.CREATED, created); } };
}

// Shows the planner's features on the map as one GeoJSON layer (replaced on each report).
export function showOverlay(map, featureCollection) {
  const L = window.L;
  if (!L || !map || !map.leafletMap) return;
  if (showOverlay.layer) map.leafletMap.removeLayer(showOverlay.layer);
  showOverlay.layer = L.geoJSON(featureCollection, { style: { color: '#d9480f', weight: 3, fillOpacity: 0.15, dashArray: '6 4' } })
    .addTo(map.leafletMap);
  const b = showOverlay.layer.getBounds();
  if (b.isValid()) map.leafletMap.fitBounds(b, { maxZoom: 16 });
}
