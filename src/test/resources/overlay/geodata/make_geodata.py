#!/usr/bin/env python3
"""Writes the small stand-in geodata the overlay/export tests load (planmap.geodata.dir points here).
Shapes are rough rectangles, not the real plan geometry; counts and names are what the tests assert."""
import json, os
here = os.path.dirname(os.path.abspath(__file__))

def rect(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}

def f(id, name, accuracy, geom, **props):
    p = {"name": name, "nameEn": name, "aliases": [], "accuracy": accuracy, "accuracyNote": "test fixture", "planRefs": [], "source": "test"}
    p.update(props)
    return {"type": "Feature", "id": id, "properties": p, "geometry": geom}

layers = {  # project-sites: the tests use the real geodata/project-sites.geojson (symlink), the catalogue checks it
  "district": [f("district", "沙坪坝区", "surveyed", rect(106.25, 29.48, 106.52, 29.78))],
  "zones": [
    f("zone-barrier-jinyun", "两山生态屏障·缙云山", "schematic", rect(106.25, 29.48, 106.29, 29.78)),
    f("zone-west", "西部现代新城", "schematic", rect(106.29, 29.48, 106.36, 29.78)),
    f("zone-barrier-zhongliang", "两山生态屏障·中梁山", "schematic", rect(106.36, 29.48, 106.41, 29.78)),
    f("zone-east", "东部人文母城", "schematic", rect(106.41, 29.48, 106.52, 29.78))],
  "showcase-areas": [f("showcase-ciqikou", "磁器口—歌乐山风貌展示区", "schematic", rect(106.44, 29.565, 106.47, 29.60))],
  "demonstration-zones": [
    f("demo-university-town", "大学城产学研示范区", "schematic", rect(106.28, 29.58, 106.33, 29.63)),
    f("demo-science-avenue", "科学大道示范走廊", "approximate", {"type": "LineString", "coordinates": [[106.295, 29.50], [106.295, 29.75]]})],
  "science-city": [f("axis-1", "科学大道发展轴", "schematic", {"type": "LineString", "coordinates": [[106.30, 29.50], [106.30, 29.75]]}, kind="axis")],
  "project-sites": [
    f("site-ciqikou", "磁器口古镇提档升级", "approximate", {"type": "Point", "coordinates": [106.452, 29.582]}, column=8, columnGroup="文旅", catalogueId="col-8-item-1"),
    f("site-shapingba-station", "沙坪坝站综合枢纽", "surveyed", {"type": "Point", "coordinates": [106.456, 29.561]}, column=5, columnGroup="交通", catalogueId="col-5-item-2"),
    f("site-university", "大学城科教园", "approximate", {"type": "Point", "coordinates": [106.305, 29.605]}, column=2, columnGroup="科创", catalogueId="col-2-item-3"),
    f("site-far", "北部物流园", "schematic", {"type": "Point", "coordinates": [106.40, 29.72]}, column=6, columnGroup="物流", catalogueId="col-6-item-1")],
  "context-water": [f("water-1", "水体", "surveyed", rect(106.50, 29.60, 106.51, 29.61))],
  "context-rivers": [f("river-jialing", "嘉陵江", "schematic", {"type": "LineString", "coordinates": [[106.51, 29.50], [106.51, 29.77]]})],
  "context-stations": [f("station-1", "沙坪坝站", "surveyed", {"type": "Point", "coordinates": [106.456, 29.560]})],
  "context-landmarks": [f("landmark-1", "三峡广场", "surveyed", {"type": "Point", "coordinates": [106.457, 29.558]})],
}
for name, features in layers.items():
    with open(os.path.join(here, name + ".geojson"), "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
