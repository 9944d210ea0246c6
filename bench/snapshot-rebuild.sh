#!/usr/bin/env bash
# How long a data snapshot rebuild takes, the cost every data write pays (issue #15: < 300 ms for the whole data
# set). The app runs on PostGIS (profile postgis); this script plays "another app instance" that writes: it moves
# data_version N times, a little more than one poll interval apart, and reads the app's own log line
# "Data snapshot <v> built in <ms> ms" for each. Reported: min / median / p90 / max of the N rebuilds, and the
# first (cold) build at start-up for comparison.
#
#   bench/snapshot-rebuild.sh            # 30 rebuilds
#   N=60 bench/snapshot-rebuild.sh
#
# Needs: a local PostgreSQL with PostGIS (user postgres, trust on 127.0.0.1), psql, curl, java, mvn.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

N=${N:-30}
PORT=${PORT:-8393}
DB=${PLANMAP_BENCH_DB:-planmap_bench_snapshot}
export PGHOST=127.0.0.1 PGUSER=postgres
OUT=bench/results/snapshot-rebuild-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"

require_free_port "$PORT"
psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" postgres | grep -q 1 || psql -qc "CREATE DATABASE $DB" postgres
psql -qc "CREATE EXTENSION IF NOT EXISTS postgis" "$DB"

if [ ! -f target/planmap-0.1.0-SNAPSHOT.jar ] || [ -n "$(find src pom.xml -newer target/planmap-0.1.0-SNAPSHOT.jar -type f | head -1)" ]; then
  mvn -q -o package -Dmaven.test.skip=true
fi
PLANMAP_DB_HOST=$PGHOST PLANMAP_DB_NAME=$DB PLANMAP_DB_USER=$PGUSER PLANMAP_DB_PASSWORD= \
  java -Xmx512m -jar target/planmap-0.1.0-SNAPSHOT.jar --spring.profiles.active=postgis --server.port="$PORT" \
  --planmap.data.poll-interval=200ms > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
wait_for_app "http://127.0.0.1:$PORT/api/layers" "$APP" "$OUT/app.log"

for i in $(seq 1 "$N"); do
  psql -qc "UPDATE data_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP WHERE id = 1" "$DB"
  sleep 0.6
done
sleep 1

grep -o 'Data snapshot [0-9]* built in [0-9]* ms' "$OUT/app.log" | awk '{print $6}' > "$OUT/ms.txt"
first=$(head -1 "$OUT/ms.txt")
tail -n +2 "$OUT/ms.txt" | sort -n > "$OUT/rebuilds.txt"
count=$(wc -l < "$OUT/rebuilds.txt")
pick() { awk -v q="$1" '{a[NR]=$1} END {i=int(NR*q+0.999); if (i<1) i=1; print a[i]}' "$OUT/rebuilds.txt"; }
echo "| rebuilds | min ms | median ms | p90 ms | max ms | first build at start-up ms |" | tee "$OUT/summary.md"
echo "|---|---|---|---|---|---|" | tee -a "$OUT/summary.md"
echo "| $count | $(pick 0) | $(pick 0.5) | $(pick 0.9) | $(tail -1 "$OUT/rebuilds.txt") | $first |" | tee -a "$OUT/summary.md"
echo "raw output: $OUT"
