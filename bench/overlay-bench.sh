#!/bin/sh
# Overlay timings against a running app (default http://localhost:8183): N runs each, prints the median of
# curl's time_total. 1) analysis of a 10,000-vertex polygon (JSON body) against all layers; 2) upload-to-report
# of a ~5 MB zipped Shapefile (made here with ogr2ogr). Usage: bench/overlay-bench.sh [base-url] [runs]
set -e
BASE=${1:-http://localhost:8183}; N=${2:-15}; T=$(mktemp -d)
python3 - "$T" <<'PY'
import json, math, sys
t = sys.argv[1]
ring = [[106.40 + 0.05 * math.cos(2 * math.pi * i / 10000), 29.58 + 0.04 * math.sin(2 * math.pi * i / 10000)] for i in range(10000)]
ring.append(ring[0])
json.dump({"geometry": {"type": "Polygon", "coordinates": [ring]}}, open(t + "/poly.json", "w"))
feats = []
for k in range(900):
    cx, cy = 106.30 + (k % 30) * 0.007, 29.50 + (k // 30) * 0.008
    r = [[cx + 0.003 * math.cos(2 * math.pi * i / 150), cy + 0.003 * math.sin(2 * math.pi * i / 150)] for i in range(150)]
    r.append(r[0])
    feats.append({"type": "Feature", "properties": {"名称": "地块%d" % k}, "geometry": {"type": "Polygon", "coordinates": [r]}})
json.dump({"type": "FeatureCollection", "features": feats}, open(t + "/big.geojson", "w"), ensure_ascii=False)
PY
ogr2ogr -f "ESRI Shapefile" "$T/big.shp" "$T/big.geojson" -lco ENCODING=UTF-8 2>/dev/null
(cd "$T" && zip -q big.zip big.shp big.shx big.dbf big.prj big.cpg)
echo "shapefile zip: $(stat -c %s "$T/big.zip") bytes, shp $(stat -c %s "$T/big.shp") bytes"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for i in $(seq $N); do curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' --data-binary @"$T/poly.json" "$BASE/api/overlays/analyze"; done | median | xargs echo "10,000-vertex polygon analysis, median s:"
for i in $(seq $N); do curl -s -o /dev/null -w '%{time_total}\n' -F "file=@$T/big.zip" "$BASE/api/overlays/analyze"; done | median | xargs echo "5 MB shapefile upload-to-report, median s:"
rm -rf "$T"
