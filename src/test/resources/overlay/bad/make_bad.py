#!/usr/bin/env python3
"""Writes the malformed and hostile upload corpus and cases.csv (file, status, words that must appear in the
problem detail). Run from this folder after ../good/make_fixtures.sh. See README.md for what each file is."""
import csv, io, json, os, random, zipfile

good = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "good")
cases = []

def write(name, data, status, words):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(name, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as out:
        out.write(data)
    cases.append((name, status, words))

def fc(*geoms, crs=None):
    d = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "f%d" % i}, "geometry": g} for i, g in enumerate(geoms)]}
    if crs:
        d["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(d)

def poly(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}

def zipped(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in entries:
            z.writestr(n, b)
    return buf.getvalue()

def shp_parts(zipname):
    with zipfile.ZipFile(os.path.join(good, zipname)) as z:
        return {n: z.read(n) for n in z.namelist()}

random.seed(5)
good_geojson = open(os.path.join(good, "good.geojson"), encoding="utf-8").read()
utf8 = shp_parts("good-utf8.zip")
m4544 = shp_parts("good-4544.zip")

write("empty.geojson", b"", 400, "empty")
write("whitespace.geojson", "   \n\t\n", 400, "empty")
write("garbage.geojson", bytes(random.getrandbits(8) for _ in range(4096)), 400, "binary")
write("truncated.geojson", good_geojson[: len(good_geojson) // 2], 400, "not valid JSON")
write("not-geojson.json", '{"hello": "world"}', 400, "not GeoJSON")
write("no-features.geojson", '{"type":"FeatureCollection","features":[]}', 400, "no features")
write("null-geometry.geojson", '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}', 400, "no geometry")
write("string-coordinates.geojson", '{"type":"Point","coordinates":["106.45","abc"]}', 400, "cannot be read")
write("deep-nesting.json", '{"type":"Polygon","coordinates":' + "[" * 300 + "]" * 300 + "}", 422, "max-nesting-depth")
write("infinite.geojson", '{"type":"Point","coordinates":[1e400, 29.58]}', 400, "cannot be read")
write("nan.wkt", "POINT (NaN 29.58)", 400, "NaN")
write("swapped-axes.geojson", fc(poly(29.57, 106.44, 29.59, 106.46)), 400, "swapped")
write("metres-no-crs.geojson", fc(poly(640000, 3272000, 642000, 3274000)), 400, "metres")
write("gk-prefix-missing.geojson", fc(poly(644000, 3273000, 646000, 3275000), crs="urn:ogc:def:crs:EPSG::4523"), 400, "zone number prefix")
write("far-away.geojson", fc(poly(116.38, 39.90, 116.40, 39.92)), 400, "km from Shapingba")
write("mixed-units.geojson", fc(poly(106.44, 29.57, 106.46, 29.59), poly(640000, 3272000, 642000, 3274000)), 400, "mix")
write("unknown-crs.geojson", fc(poly(106.44, 29.57, 106.46, 29.59), crs="urn:ogc:def:crs:EPSG::2000"), 400, "does not support")
write("linestring-one-point.geojson", '{"type":"LineString","coordinates":[[106.45,29.58]]}', 400, "cannot be read")
write("unclosed-ring.geojson", '{"type":"Polygon","coordinates":[[[106.44,29.57],[106.46,29.57],[106.46,29.59]]]}', 400, "cannot be read")
write("too-many-features.geojson", fc(*[{"type": "Point", "coordinates": [106.45, 29.58]}] * 501), 422, "max-features")
ring = [[106.44 + 0.02 * (i / 20000), 29.57 + 0.0001 * (i % 2)] for i in range(20001)] + [[106.44, 29.59], [106.44 + 0.0, 29.57]]
write("too-many-vertices.geojson", fc({"type": "Polygon", "coordinates": [ring]}), 422, "max-vertices")
write("bowtie.geojson", fc({"type": "Polygon", "coordinates": [[[106.44, 29.57], [106.46, 29.59], [106.46, 29.57], [106.44, 29.59], [106.44, 29.57]]]}), 200, "repaired")
write("mixed-crs.zip", zipped([("a." + e, b) for n, b in utf8.items() for e in [n.split(".")[-1]]]
                              + [("b." + n.split(".")[-1], b) for n, b in m4544.items()]), 400, "mixes coordinate systems")
write("unknown-prj.zip", zipped([(n, b) for n, b in utf8.items() if not n.endswith(".prj")]
                               + [("projects.prj", b'PROJCS["Asia_Lambert_Conformal_Conic",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["Central_Meridian",105.0],UNIT["Meter",1.0]]')]),
      400, "does not support")
write("shp-without-dbf.zip", zipped([(n, b) for n, b in utf8.items() if not n.endswith(".dbf")]), 400, "no .dbf")
write("shp-without-shx.zip", zipped([(n, b) for n, b in utf8.items() if not n.endswith(".shx")]), 400, "no .shx")
write("dbf-only.zip", zipped([(n, b) for n, b in utf8.items() if n.endswith(".dbf")]), 400, "no .shp")
write("bare.shp", utf8["projects.shp"], 400, "zip the .shp")
full = zipped(list(utf8.items()))
write("truncated.zip", full[: len(full) // 2], 400, "damaged or truncated")
write("empty.zip", b"PK\x05\x06" + b"\x00" * 18, 400, "empty")
write("not-a-zip.zip", "this is plain text, not a zip", 400, "not a zip")
bomb = io.BytesIO()
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("bomb.geojson", "w") as e:
        chunk = b" " * (1 << 20)
        for _ in range(60):
            e.write(chunk)
write("zip-bomb.zip", bomb.getvalue(), 413, "max-compression-ratio")
write("too-many-entries.zip", zipped([("f%03d.txt" % i, b"x") for i in range(100)]), 422, "max-zip-entries")
write("zip-slip.zip", zipped([("../../../../tmp/planmap-evil.txt", b"owned")]), 400, "no file planmap can read")
write("corrupt-shp.zip", zipped([(n, (b if not n.endswith(".shp") else b[:100] + bytes(random.getrandbits(8) for _ in range(200)))) for n, b in utf8.items()]),
      400, "damaged")
write("xxe.kml", '<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&xxe;</name><Point><coordinates>106.45,29.58</coordinates></Point></Placemark></kml>', 400, "DOCTYPE")
write("billion-laughs.gpx", '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<gpx version="1.1" creator="x"><wpt lat="29.58" lon="106.45"><name>&lol2;</name></wpt></gpx>', 400, "DOCTYPE")
kml = open(os.path.join(good, "good.kml"), encoding="utf-8").read()
write("truncated.kml", kml[: len(kml) // 2], 400, "not well-formed")
write("not-kml.kml", "<html><body>hello</body></html>", 400, "not KML")
write("no-placemark.kml", '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>x</name></Document></kml>', 400, "no Placemark")
write("empty.gpx", '<?xml version="1.0"?><gpx version="1.1" creator="x"></gpx>', 400, "no waypoint")
write("not-a-gpkg.gpkg", "just text pretending to be a GeoPackage", 400, "not a GeoPackage")
gpkg = open(os.path.join(good, "good.gpkg"), "rb").read()
write("truncated.gpkg", gpkg[:3000], 400, "GeoPackage")
write("no-geometry-column.csv", "name,address\n磁器口,沙坪坝区\n", 400, "no geometry column")
write("bad-number.csv", "name,lon,lat\nA,106.45,north\n", 400, "is not a number")
write("nan.csv", "name,lon,lat\nA,NaN,29.58\n", 400, "NaN")
write("unterminated-quote.csv", 'name,wkt\nA,"POINT (106.45 29.58)\n', 400, "closing")
write("bad.wkt", "POLYGON ((106.44 29.57, 106.46", 400, "cannot be read")
write("report.docx", b"PK\x03\x04 not really a docx", 400, "cannot read '.docx'")
write("gcj02-offset.geojson", fc(poly(106.4565, 29.600, 106.4585, 29.603)), 200, "GCJ-02")  # ~250 m east of the real 嘉陵江 boundary

with open("cases.csv", "w", newline="", encoding="utf-8") as out:
    w = csv.writer(out)
    w.writerow(["file", "status", "words"])
    w.writerows(cases)
print(len(cases), "cases")
