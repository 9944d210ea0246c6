#!/usr/bin/env bash
# OGC API speed check: the app (profile postgis) under wrk, against the floor of the same SQL run by pgbench.
#   bench/ogcapi.sh            # 10 s per case, 32 connections / clients
#   DURATION=5 bench/ogcapi.sh
#   CACHE_ENTRIES=0 bench/ogcapi.sh   # without the in-memory response cache (every request queries and encodes)
# Needs: a local PostgreSQL with PostGIS (user postgres, trust on 127.0.0.1), wrk, pgbench, curl, java, mvn.
# Everything runs on loopback. Results: bench/results/<timestamp>/ (git-ignored) and a summary table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-8182}
DB=${PLANMAP_BENCH_DB:-planmap_bench}
PGHOST=127.0.0.1
PGUSER=postgres
export PGHOST PGUSER
OUT=bench/results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
BASE=http://127.0.0.1:$PORT

# 1. database
psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" postgres | grep -q 1 || psql -qc "CREATE DATABASE $DB" postgres
psql -qc "CREATE EXTENSION IF NOT EXISTS postgis" "$DB"

# 2. app (postgis profile), built once, stopped on exit
if [ ! -f target/planmap-0.1.0-SNAPSHOT.jar ] || [ -n "$(find src geodata -newer target/planmap-0.1.0-SNAPSHOT.jar -type f | head -1)" ]; then
  mvn -q -o package -Dmaven.test.skip=true
fi
PLANMAP_DB_HOST=$PGHOST PLANMAP_DB_NAME=$DB PLANMAP_DB_USER=$PGUSER PLANMAP_DB_PASSWORD= \
  java -Xmx512m -jar target/planmap-0.1.0-SNAPSHOT.jar --spring.profiles.active=postgis --server.port=$PORT \
  --planmap.ogcapi.response-cache-entries=${CACHE_ENTRIES:-256} \
  > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
wait_for_app "$BASE/ogcapi/collections" "$APP" "$OUT/app.log"

# 3. cases: name | URL path | SQL the app runs for it (the floor)
BBOX="106.40,29.54,106.48,29.62"
read -r MINX MINY MAXX MAXY <<<"${BBOX//,/ }"
SELECT="SELECT id, collection, name, name_en, accuracy, zone, column_no, properties, ST_AsBinary(geom) AS wkb FROM feature"
ENV="geom && ST_MakeEnvelope($MINX, $MINY, $MAXX, $MAXY, 4326) AND ST_Intersects(geom, ST_MakeEnvelope($MINX, $MINY, $MAXX, $MAXY, 4326))"
ONE=$(psql -tAc "SELECT id FROM feature WHERE collection = 'project-sites' ORDER BY seq LIMIT 1" "$DB")
SEARCH_Q=$(printf '磁器口' | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')

declare -a NAMES PATHS SQLS
NAMES+=("items limit=100");        PATHS+=("/ogcapi/collections/project-sites/items?limit=100")
SQLS+=("SELECT COUNT(*) FROM feature WHERE collection = 'project-sites';
$SELECT WHERE collection = 'project-sites' ORDER BY seq LIMIT 100 OFFSET 0;")
NAMES+=("items limit=100 + bbox"); PATHS+=("/ogcapi/collections/project-sites/items?limit=100&bbox=$BBOX")
SQLS+=("SELECT COUNT(*) FROM feature WHERE collection = 'project-sites' AND $ENV;
$SELECT WHERE collection = 'project-sites' AND $ENV ORDER BY seq LIMIT 100 OFFSET 0;")
NAMES+=("one feature");            PATHS+=("/ogcapi/collections/project-sites/items/$ONE")
SQLS+=("$SELECT WHERE id = '$ONE';")
if curl -sf -o /dev/null "$BASE/api/search?q=$SEARCH_Q"; then
  NAMES+=("search 磁器口");         PATHS+=("/api/search?q=$SEARCH_Q")
  SQLS+=("")   # the search index is in memory: no SQL floor
fi

# warm-up: JIT, connection pool, PostgreSQL caches
for p in "${PATHS[@]}"; do wrk -t2 -c8 -d3s "$BASE$p" >/dev/null; done

percentile() { # $1 = file with one latency (µs) a line, $2 = fraction; prints ms
  sort -n "$1" | awk -v q="$2" '{a[NR]=$1} END {i=int(NR*q+0.999); if (i<1) i=1; printf "%.2f", a[i]/1000}'
}
ms() { # wrk latency text (e.g. 1.23ms, 850.00us, 1.02s) to ms
  awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f", v}' <<<"$1"
}

printf '| case | app req/s | app p50 ms | app p99 ms | app errors | SQL tx/s | SQL p50 ms | SQL p99 ms | p50 ratio app/SQL |\n' | tee "$OUT/summary.md"
printf '|---|---|---|---|---|---|---|---|---|\n' | tee -a "$OUT/summary.md"
for i in "${!NAMES[@]}"; do
  name=${NAMES[$i]}; path=${PATHS[$i]}; sql=${SQLS[$i]}; tag=case$i
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE$path" > "$OUT/$tag.wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$tag.wrk.txt")
  p50=$(ms "$(awk '$1=="50%" {print $2}' "$OUT/$tag.wrk.txt")")
  p99=$(ms "$(awk '$1=="99%" {print $2}' "$OUT/$tag.wrk.txt")")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/$tag.wrk.txt"); non2xx=${non2xx:-0}
  sock=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' "$OUT/$tag.wrk.txt"); sock=${sock:-0}
  errors=$((non2xx + sock))
  if [ -n "$sql" ]; then
    printf '%s\n' "$sql" > "$OUT/$tag.sql"
    (cd "$OUT" && pgbench -n -c"$CONNECTIONS" -j2 -T"$DURATION" -f "$tag.sql" -l --log-prefix="$tag.pgbench" "$DB" > "$tag.pgbench.txt" 2>&1)
    cat "$OUT"/$tag.pgbench.[0-9]* | awk '{print $3}' > "$OUT/$tag.pgbench.us"
    tps=$(awk '/^tps/ {printf "%.0f", $3}' "$OUT/$tag.pgbench.txt")
    q50=$(percentile "$OUT/$tag.pgbench.us" 0.50)
    q99=$(percentile "$OUT/$tag.pgbench.us" 0.99)
    ratio=$(awk -v a="$p50" -v b="$q50" 'BEGIN {printf "%.2f", a/b}')
  else
    tps="–"; q50="–"; q99="–"; ratio="–"
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$errors" "$tps" "$q50" "$q99" "$ratio" \
    | tee -a "$OUT/summary.md"
done
echo "raw output: $OUT"
