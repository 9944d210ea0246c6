#!/usr/bin/env bash
# Read-API latency, before/after in one run: two builds of the app side by side on one machine (H2GIS in memory,
# the real geodata), the same requests to each, one at a time, in rounds that alternate between the builds so that
# both see the same machine load. Reports p50/p90 per build (curl's time_total) and the ratio of the medians.
#
#   bench/read-api.sh                      # before = 87bc80e (the baseline of issue #15), after = the working tree
#   BEFORE=<commit> bench/read-api.sh      # another baseline
#   ROUNDS=3 REQUESTS=10 bench/read-api.sh
#
# Needs: java, mvn (offline is fine), git, curl. The baseline is built from `git archive` into
# bench/results/build-<commit>/ (kept, git-ignored); the working tree is packaged with -Dmaven.test.skip=true.
# Results: bench/results/read-api-<timestamp>/ (every request's status and time, app logs) and a summary table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

BEFORE=${BEFORE:-87bc80e}
ROUNDS=${ROUNDS:-3}
REQUESTS=${REQUESTS:-10}
PORT_BEFORE=${PORT_BEFORE:-8391}
PORT_AFTER=${PORT_AFTER:-8392}
OUT=bench/results/read-api-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
ROOT=$(pwd)

# 1. the two jars
BUILD=bench/results/build-$BEFORE
if [ ! -f "$BUILD/target/planmap-0.1.0-SNAPSHOT.jar" ]; then
  rm -rf "$BUILD" && mkdir -p "$BUILD"
  git archive "$BEFORE" | tar -x -C "$BUILD"
  (cd "$BUILD" && mvn -q -o package -Dmaven.test.skip=true)
fi
if [ ! -f target/planmap-0.1.0-SNAPSHOT.jar ] || [ -n "$(find src pom.xml -newer target/planmap-0.1.0-SNAPSHOT.jar -type f | head -1)" ]; then
  mvn -q -o package -Dmaven.test.skip=true
fi
cp "$BUILD/target/planmap-0.1.0-SNAPSHOT.jar" "$OUT/before.jar"
cp target/planmap-0.1.0-SNAPSHOT.jar "$OUT/after.jar"

# 2. both apps, same geodata, each its own in-memory database
require_free_port "$PORT_BEFORE"
require_free_port "$PORT_AFTER"
start() { # $1 = name, $2 = port
  java -Xmx512m -jar "$OUT/$1.jar" --server.port="$2" \
    --spring.datasource.url="jdbc:h2:mem:bench-$1;DB_CLOSE_DELAY=-1" \
    --planmap.geodata.dir="$ROOT/geodata" --planmap.tours.dir="$ROOT/geodata/tours" \
    > "$OUT/$1.log" 2>&1 &
  echo $!
}
APP_BEFORE=$(start before "$PORT_BEFORE")
APP_AFTER=$(start after "$PORT_AFTER")
trap 'kill $APP_BEFORE $APP_AFTER 2>/dev/null || true; wait 2>/dev/null || true' EXIT
wait_for_app "http://127.0.0.1:$PORT_BEFORE/api/layers" "$APP_BEFORE" "$OUT/before.log"
wait_for_app "http://127.0.0.1:$PORT_AFTER/api/layers" "$APP_AFTER" "$OUT/after.log"

# 3. cases (path); the same URL on both builds
SEARCH_Q=$(printf '发展环境' | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
CASES=(
  "/api/tours"
  "/api/tours/default"
  "/api/features/zone-east"
  "/api/plan/p6-c16"
  "/api/search?q=$SEARCH_Q"
)

# warm-up: JIT and the views each build makes on first use
for c in "${CASES[@]}"; do
  for port in "$PORT_BEFORE" "$PORT_AFTER"; do
    for i in 1 2 3 4 5; do curl -s -o /dev/null "http://127.0.0.1:$port$c"; done
  done
done

# one request at a time (latency, not throughput): REQUESTS per case and build in each round, rounds alternating
for r in $(seq 1 "$ROUNDS"); do
  for i in "${!CASES[@]}"; do
    for build in before after; do
      port=$PORT_BEFORE; [ "$build" = after ] && port=$PORT_AFTER
      for k in $(seq 1 "$REQUESTS"); do
        curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port${CASES[$i]}"
      done >> "$OUT/case$i-$build.txt"
    done
  done
done

pick() { # $1 = file of "status seconds" lines, $2 = fraction; prints ms
  awk '{print $2 * 1000}' "$1" | sort -n | awk -v q="$2" '{a[NR]=$1} END {i=int(NR*q+0.999); if (i<1) i=1; printf "%.1f", a[i]}'
}
printf '| case | before p50 ms | before p90 ms | after p50 ms | after p90 ms | before/after (p50) | non-200 |\n' | tee "$OUT/summary.md"
printf '|---|---|---|---|---|---|---|\n' | tee -a "$OUT/summary.md"
for i in "${!CASES[@]}"; do
  b50=$(pick "$OUT/case$i-before.txt" 0.5); b90=$(pick "$OUT/case$i-before.txt" 0.9)
  a50=$(pick "$OUT/case$i-after.txt" 0.5); a90=$(pick "$OUT/case$i-after.txt" 0.9)
  bad=$(cat "$OUT/case$i-before.txt" "$OUT/case$i-after.txt" | awk '$1 != 200' | wc -l)
  ratio=$(awk -v a="$b50" -v b="$a50" 'BEGIN {printf "%.0f×", a / (b > 0 ? b : 0.1)}')
  printf '| `%s` | %s | %s | %s | %s | %s | %s |\n' "${CASES[$i]}" "$b50" "$b90" "$a50" "$a90" "$ratio" "$bad" | tee -a "$OUT/summary.md"
done
echo "$ROUNDS rounds × $REQUESTS sequential requests per case and build (curl time_total), before = $BEFORE; load average: $(cut -d' ' -f1-3 /proc/loadavg); raw output: $OUT"
