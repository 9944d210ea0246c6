#!/usr/bin/env bash
# OGC API speed under load (issue #14 "Speed under load"): in ONE run, on the same rows of one PostGIS database,
#   app uncached  — wrk against the app with its response cache off (every request queries and encodes),
#   floor         — pgbench running the SQL the app runs for that request, same number of connections,
#   app cached    — wrk against a second instance with the response cache on (the figure the cache must keep),
# for four cases: items?limit=100 on project sites, one item, the zones (large polygons), a bbox query; and a fifth,
# for reference: the conformance document (no data at all: what the app's HTTP stack costs) against `SELECT 1`.
# Ratio = app req/s ÷ floor tx/s (1.0 = the app serves as many requests as PostgreSQL alone runs their SQL).
# The app answers the four from its in-memory data snapshot (no SQL per request); the floor is the SQL a
# database-backed server runs for them (page and count in one statement, the lookup by id).
#
#   bench/ogc-speed.sh                       # 3 rounds of 5 s per case and side, 8 connections
#   ROUNDS=5 DURATION=5 CONNECTIONS=8 bench/ogc-speed.sh
#   JAR=/tmp/other.jar bench/ogc-speed.sh    # measure another build (default: target/, rebuilt when sources changed)
#   WARMUP=10 bench/ogc-speed.sh             # seconds of warm-up per case on the uncached instance (default 6)
#   ACCEPT_ENCODING=gzip bench/ogc-speed.sh  # as a compressing client asks (default: no Accept-Encoding, identity bodies)
#
# Needs: a local PostgreSQL 15+ with PostGIS where user postgres may connect on 127.0.0.1 (to create the database
# and a role of its own with a fresh random password), wrk, pgbench, curl, java, mvn. Traffic stays on loopback;
# every wrk/pgbench run is bounded by DURATION. Results: bench/results/ogc-speed-<timestamp>/ (git-ignored),
# summary table on stdout and in summary.md there.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-8}
PORT_UNCACHED=${PORT_UNCACHED:-18701}
PORT_CACHED=${PORT_CACHED:-18702}
DB=${PLANMAP_BENCH_DB:-planmap_ogc_speed}
ROLE=planmap_bench
export PGHOST=127.0.0.1 PGUSER=postgres
OUT=bench/results/ogc-speed-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
require_free_port "$PORT_UNCACHED"
require_free_port "$PORT_CACHED"

# 1. database and a role with a password of this run (the app refuses PostgreSQL without one)
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
if psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'" postgres | grep -q 1; then
  psql -qc "ALTER ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" postgres
else
  psql -qc "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" postgres
fi
# a fresh database each run: the builds compared may have different migrations
psql -qc "DROP DATABASE IF EXISTS $DB" postgres
psql -qc "CREATE DATABASE $DB OWNER $ROLE" postgres
psql -qc "CREATE EXTENSION IF NOT EXISTS postgis" "$DB"   # template1 may carry it already

# 2. the jar, built when the sources are newer
JAR=${JAR:-target/planmap-0.1.0-SNAPSHOT.jar}
if [ "$JAR" = target/planmap-0.1.0-SNAPSHOT.jar ] && { [ ! -f "$JAR" ] || [ -n "$(find src geodata -newer "$JAR" -type f | head -1)" ]; }; then
  mvn -q -o package -Dmaven.test.skip=true
fi

start_app() { # $1 = port, $2 = log, rest = extra arguments; prints the pid
  PLANMAP_DB_HOST=$PGHOST PLANMAP_DB_NAME=$DB PLANMAP_DB_USER=$ROLE PLANMAP_DB_PASSWORD=$PASSWORD \
    java -Xmx512m -jar "$JAR" --spring.profiles.active=postgis --server.port="$1" \
    --planmap.data.poll-interval=0 "${@:3}" > "$2" 2>&1 &
  echo $!
}
# the first instance loads the geodata into the database; the second starts once that is done
UNCACHED=$(start_app "$PORT_UNCACHED" "$OUT/app-uncached.log" \
  --planmap.ogcapi.response-cache-entries=0 --planmap.ogcapi.response-cache-size=0)
trap 'kill $UNCACHED ${CACHED:-} 2>/dev/null || true; wait 2>/dev/null || true' EXIT
wait_for_app "http://127.0.0.1:$PORT_UNCACHED/ogcapi/collections" "$UNCACHED" "$OUT/app-uncached.log"
CACHED=$(start_app "$PORT_CACHED" "$OUT/app-cached.log")
wait_for_app "http://127.0.0.1:$PORT_CACHED/ogcapi/collections" "$CACHED" "$OUT/app-cached.log"

# 3. cases: name | path | the SQL a database-backed server runs for it (page and count in one statement; the lookup by
#    id). The app answers all four from its data snapshot (features.FeatureSelection, no SQL per request).
BBOX="106.40,29.54,106.48,29.62"
read -r MINX MINY MAXX MAXY <<<"${BBOX//,/ }"
COLUMNS="id, collection, name, name_en, accuracy, zone, column_no, properties, ST_AsBinary(geom) AS wkb"
ENV="geom && ST_MakeEnvelope($MINX, $MINY, $MAXX, $MAXY, 4326) AND ST_Intersects(geom, ST_MakeEnvelope($MINX, $MINY, $MAXX, $MAXY, 4326))"
ONE=$(psql -tAc "SELECT id FROM feature WHERE collection = 'project-sites' ORDER BY seq LIMIT 1" "$DB")
page_sql() { # $1 = collection, $2 = extra condition (or empty)
  printf "SELECT %s, COUNT(*) OVER () AS matched FROM feature WHERE collection = '%s'%s ORDER BY seq LIMIT 100 OFFSET 0;\n" \
    "$COLUMNS" "$1" "${2:+ AND $2}"
}
NAMES=("items limit=100 (project sites)" "one item" "zones (large polygons)" "bbox query (project sites)"
       "reference: conformance vs SELECT 1")
PATHS=("/ogcapi/collections/project-sites/items?limit=100" "/ogcapi/collections/project-sites/items/$ONE"
       "/ogcapi/collections/zones/items" "/ogcapi/collections/project-sites/items?limit=100&bbox=$BBOX"
       "/ogcapi/conformance")
SQLS=("$(page_sql project-sites)" "SELECT $COLUMNS FROM feature WHERE id = '$ONE';" "$(page_sql zones)" "$(page_sql project-sites "$ENV")"
      "SELECT 1;")

for p in "${PATHS[@]}"; do   # every case answers 200 on both instances, and they agree (but for the port in links)
  a=$(curl -sf "http://127.0.0.1:$PORT_UNCACHED$p" | sed "s/:$PORT_UNCACHED/:PORT/g" | sha256sum)
  b=$(curl -sf "http://127.0.0.1:$PORT_CACHED$p" | sed "s/:$PORT_CACHED/:PORT/g" | sha256sum)
  [ "$a" = "$b" ] || { echo "the instances answer $p differently"; exit 1; }
done

# warm-up: JIT of both instances (C2 needs several seconds of each path), the pools, PostgreSQL's caches
for p in "${PATHS[@]}"; do
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-6}s" "http://127.0.0.1:$PORT_UNCACHED$p" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$PORT_CACHED$p" >/dev/null
done

ms() { # wrk latency text (1.23ms, 850.00us, 1.02s) → ms
  awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f", v}' <<<"$1"
}
run_wrk() { # $1 = port, $2 = path, $3 = output file; prints "req/s p50 errors"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency ${ACCEPT_ENCODING:+-H "Accept-Encoding: $ACCEPT_ENCODING"} \
    "http://127.0.0.1:$1$2" > "$3"
  local rps p50 non2xx sock
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$3")
  p50=$(ms "$(awk '$1=="50%" {print $2}' "$3")")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$3"); sock=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' "$3")
  echo "$rps $p50 $(( ${non2xx:-0} + ${sock:-0} ))"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
range() { tr ' ' '\n' | grep -v '^$' | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%.2f–%.2f", lo, hi}'; }
{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M') UTC, $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'), jar $JAR;" \
       "$CONNECTIONS connections, $ROUNDS rounds of ${DURATION} s per side (app, floor, cached app in turn; medians);" \
       "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| case | app uncached req/s (p50 ms) | floor: pgbench tx/s (avg ms) | **uncached ÷ floor** (rounds' range) | app cached req/s (p50 ms) | cached ÷ floor | errors |"
  echo "|---|---|---|---|---|---|---|"
} | tee "$OUT/summary.md"
for i in "${!NAMES[@]}"; do
  printf '%s\n' "${SQLS[$i]}" > "$OUT/case$i.sql"
  U="" UP="" F="" FP="" C="" CP="" R="" RC="" errors=0
  # the three sides in turn, ROUNDS times: a change in the machine's speed during the case (a shared host) falls on
  # all three alike instead of on whichever side ran then; each round gives one ratio, the table their median
  for r in $(seq 1 "$ROUNDS"); do
    read -r urps up50 uerr <<<"$(run_wrk "$PORT_UNCACHED" "${PATHS[$i]}" "$OUT/case$i.r$r.uncached.wrk.txt")"
    (cd "$OUT" && pgbench -n -c"$CONNECTIONS" -j2 -T"$DURATION" -f "case$i.sql" "$DB" > "case$i.r$r.pgbench.txt" 2>&1)
    ftps=$(awk '/^tps/ {printf "%.0f", $3}' "$OUT/case$i.r$r.pgbench.txt")
    fp50=$(awk '/latency average/ {printf "%.2f", $4}' "$OUT/case$i.r$r.pgbench.txt")   # pgbench: average, not p50
    read -r crps cp50 cerr <<<"$(run_wrk "$PORT_CACHED" "${PATHS[$i]}" "$OUT/case$i.r$r.cached.wrk.txt")"
    U="$U $urps" UP="$UP $up50" F="$F $ftps" FP="$FP $fp50" C="$C $crps" CP="$CP $cp50"
    R="$R $(awk -v a="$urps" -v b="$ftps" 'BEGIN {printf "%.4f", a/b}')" RC="$RC $(awk -v a="$crps" -v b="$ftps" 'BEGIN {printf "%.4f", a/b}')"
    errors=$((errors + uerr + cerr))
  done
  printf '| %s | %.0f (%.2f) | %.0f (%.2f avg) | **%.2f** (%s) | %.0f (%.2f) | %.1f | %s |\n' "${NAMES[$i]}" \
    "$(median <<<"$U")" "$(median <<<"$UP")" "$(median <<<"$F")" "$(median <<<"$FP")" "$(median <<<"$R")" "$(range <<<"$R")" \
    "$(median <<<"$C")" "$(median <<<"$CP")" "$(median <<<"$RC")" "$errors" | tee -a "$OUT/summary.md"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); raw output: $OUT" | tee -a "$OUT/summary.md"
