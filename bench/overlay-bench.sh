#!/bin/sh
# Overlay timings against a running app (default http://localhost:8183), N runs per case (default 15), after
# 2 warm-up runs each. For every run the HTTP status must be 200 (the script stops otherwise); it records curl's
# time_total (client) and the app's Server-Timing header (read, prepare, analysis, total; ms). Prints median and
# p90 per case. Cases, all against the real geodata:
#   baseline-feature  GET /api/features/zone-east (the cheapest JSON answer with a geometry)
#   poly-100          analysis of a 100-vertex polygon (JSON body) against all layers
#   poly-10k          the same polygon with 10,000 vertices: the issue #5 target is < 200 ms server time
#   shp-5mb           upload-to-report of a ~5 MB zipped Shapefile made here with ogr2ogr
#                     (1,000 valid polygons × 480 vertices in and around the district, UTF-8 attributes)
# Usage: bench/overlay-bench.sh [base-url] [runs]
set -eu
BASE=${1:-http://localhost:8183}; N=${2:-15}; T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 - "$T" <<'PY'
import json, math, random, sys
t = sys.argv[1]
def ring(cx, cy, rx, ry, n, jitter=0.0):
    r = [[round(cx + rx * (1 + jitter * random.uniform(-1, 1)) * math.cos(2 * math.pi * i / n), 7),
          round(cy + ry * (1 + jitter * random.uniform(-1, 1)) * math.sin(2 * math.pi * i / n), 7)] for i in range(n)]
    return r + [r[0]]
for n in (100, 10000):
    json.dump({"geometry": {"type": "Polygon", "coordinates": [ring(106.40, 29.58, 0.05, 0.04, n)]}}, open("%s/poly-%d.json" % (t, n), "w"))
random.seed(5)
feats = []
for k in range(1000):
    cx, cy = 106.33 + (k % 40) * 0.0035, 29.52 + (k // 40) * 0.0065
    feats.append({"type": "Feature", "properties": {"名称": "地块%d" % k, "用途": "居住"},
                  "geometry": {"type": "Polygon", "coordinates": [ring(cx, cy, 0.0015, 0.0025, 480, 0.002)]}})
json.dump({"type": "FeatureCollection", "features": feats}, open(t + "/big.geojson", "w"), ensure_ascii=False)
PY
ogr2ogr -f "ESRI Shapefile" "$T/big.shp" "$T/big.geojson" -lco ENCODING=UTF-8
(cd "$T" && zip -q big.zip big.shp big.shx big.dbf big.prj big.cpg)
echo "# $(date -u +%FT%TZ) $BASE, $N runs per case; shapefile zip $(stat -c %s "$T/big.zip") bytes (.shp $(stat -c %s "$T/big.shp") bytes)"

# one run: prints "client_ms server_total_ms server_analysis_ms"; exits if the status is not 200
run() {
  code=$(curl -s -o "$T/body" -D "$T/headers" -w '%{http_code} %{time_total}' "$@")
  status=${code% *}; secs=${code#* }
  if [ "$status" != 200 ]; then echo "HTTP $status for $*:" >&2; head -c 400 "$T/body" >&2; echo >&2; exit 1; fi
  timing=$(tr -d '\r' < "$T/headers" | sed -n 's/^[Ss]erver-[Tt]iming: //p')
  total=$(echo "$timing" | sed -n 's/.*total;dur=\([0-9.]*\).*/\1/p'); analysis=$(echo "$timing" | sed -n 's/.*analysis;dur=\([0-9.]*\).*/\1/p')
  echo "$secs ${total:--} ${analysis:--}" | awk '{printf "%.1f %s %s\n", $1 * 1000, $2, $3}'
}
# median and p90 (nearest rank) of column $1 of stdin
stats() { awk -v c="$1" '$c != "-" {print $c}' | sort -n | awk '{a[NR]=$1} END {if (!NR) {print "- -"; exit}
  m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; p = int(0.9 * NR + 0.999); printf "%.1f %.1f\n", m, a[p]}'; }
bench() {
  name=$1; shift
  run "$@" > /dev/null; run "$@" > /dev/null
  : > "$T/$name.txt"
  i=0; while [ $i -lt "$N" ]; do run "$@" >> "$T/$name.txt"; i=$((i + 1)); done
  printf '%-17s client median/p90 %s ms · server total %s ms · analysis %s ms\n' "$name" \
    "$(stats 1 < "$T/$name.txt" | tr ' ' /)" "$(stats 2 < "$T/$name.txt" | tr ' ' /)" "$(stats 3 < "$T/$name.txt" | tr ' ' /)"
}
JSON='Content-Type: application/json'
bench baseline-feature "$BASE/api/features/zone-east"
bench poly-100 -H "$JSON" --data-binary @"$T/poly-100.json" "$BASE/api/overlays/analyze"
bench poly-10k -H "$JSON" --data-binary @"$T/poly-10000.json" "$BASE/api/overlays/analyze"
bench shp-5mb -F "file=@$T/big.zip" "$BASE/api/overlays/analyze"
