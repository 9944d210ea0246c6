#!/usr/bin/env bash
# Two app instances on one PostGIS (issue #9, "Several instances, one database"; docs/editing.md): a staff member
# signed in on instance A is signed in on instance B (sessions in the database), and a map edit saved on A shows on
# B's public API and OGC API within 5 s (B's snapshot poll of data_version). Restores the edit afterwards.
#   PLANMAP_TEST_POSTGIS_URL=jdbc:postgresql://127.0.0.1:5432/planmap_test PLANMAP_TEST_POSTGIS_USER=… \
#   PLANMAP_TEST_POSTGIS_PASSWORD=… bench/two-instances.sh
# The database needs PostGIS; the script makes a schema of its own and drops it at the end (psql). The first admin's
# password is generated here and never printed. Ports: PORT_A (18301), PORT_B (18302). Needs curl, jq, a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. bench/lib.sh
PORT_A=${PORT_A:-18301}
PORT_B=${PORT_B:-18302}
URL=${PLANMAP_TEST_POSTGIS_URL:-jdbc:postgresql://127.0.0.1:5432/planmap_test}
DBUSER=${PLANMAP_TEST_POSTGIS_USER:-postgres}
DBPASS=${PLANMAP_TEST_POSTGIS_PASSWORD:-}
SCHEMA=two_$(date +%s)_$RANDOM
WORK=$(mktemp -d /tmp/planmap-two.XXXXXX)
ADMIN=bench-admin
ADMIN_PW="Bx$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
A=http://127.0.0.1:$PORT_A
B=http://127.0.0.1:$PORT_B
JAR=$(ls "$ROOT"/target/planmap-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$JAR" ] || { mvn -B -q -o -DskipTests package; JAR=$(ls "$ROOT"/target/planmap-*.jar | grep -v original | head -1); }
cp "$JAR" "$WORK/planmap.jar"
PIDS=()
log() { echo "[$(date +%T)] $*"; }

cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  # jdbc:postgresql://host:port/db → psql
  local hostport=${URL#jdbc:postgresql://}; hostport=${hostport%%/*}; local db=${URL##*/}; db=${db%%\?*}
  PGPASSWORD=$DBPASS psql -h "${hostport%%:*}" -p "${hostport##*:}" -U "$DBUSER" -d "$db" -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" \
    >/dev/null 2>&1 || echo "could not drop schema $SCHEMA: drop it by hand"
}
trap cleanup EXIT

start() { # $1 port, $2 log
  local sep='?'; [[ $URL == *\?* ]] && sep='&'
  SPRING_DATASOURCE_URL="$URL${sep}currentSchema=$SCHEMA,public" SPRING_DATASOURCE_USERNAME=$DBUSER SPRING_DATASOURCE_PASSWORD=$DBPASS \
  SPRING_FLYWAY_SCHEMAS=$SCHEMA SPRING_FLYWAY_DEFAULT_SCHEMA=$SCHEMA \
  PLANMAP_ADMIN_USER=$ADMIN PLANMAP_ADMIN_PASSWORD=$ADMIN_PW \
    java -Xmx400m -jar "$WORK/planmap.jar" --server.port="$1" >"$2" 2>&1 &
  PIDS+=($!)
  wait_for_app "http://127.0.0.1:$1/actuator/health/readiness" "$!" "$2"
}

require_free_port "$PORT_A"; require_free_port "$PORT_B"
log "schema $SCHEMA; starting A on $PORT_A (migrates, loads the seed, creates the first admin), then B on $PORT_B"
start "$PORT_A" "$WORK/a.log"
start "$PORT_B" "$WORK/b.log"

JARF=$WORK/cookies
curl -sf -c "$JARF" -o /dev/null "$A/api/account/me"
xsrf() { awk '$6 == "XSRF-TOKEN" {print $7}' "$JARF" | tail -1; }
jq -n --arg u "$ADMIN" --arg p "$ADMIN_PW" '{username: $u, password: $p}' \
  | curl -sf -b "$JARF" -c "$JARF" -H "X-XSRF-TOKEN: $(xsrf)" -H 'Content-Type: application/json' --data @- -o /dev/null "$A/api/account/sign-in"
[ "$(curl -sf -b "$JARF" "$B/api/account/me" | jq -r .signedIn)" = true ] || { echo "FAIL: the session made on A is not signed in on B"; exit 1; }
log "signed in on A; B knows the session: ok"

ID=$(curl -sf "$A/api/layers/project-sites" | jq -r '[.features[] | select(.geometry.type == "Point")][0].id')
read -r X Y < <(curl -sf "$A/api/features/$ID" | jq -r '.geometry.coordinates | "\(.[0]) \(.[1])"')
NX=$(echo "$X + 0.001" | bc -l)
ETAG_B=$(curl -sfI "$B/ogcapi/collections/project-sites/items/$ID" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
seen_on_b() { # $1 = expected longitude; prints the ms until B's public API shows it
  local start=$(date +%s%3N)
  while :; do
    local lon=$(curl -sf "$B/api/features/$ID" | jq -r '.geometry.coordinates[0]')
    if [ "$(echo "($lon - $1) < 0.0000005 && ($1 - $lon) < 0.0000005" | bc -l)" = 1 ]; then echo $(( $(date +%s%3N) - start )); return 0; fi
    [ $(( $(date +%s%3N) - start )) -gt 5000 ] && { echo "FAIL"; return 1; }
    sleep 0.05
  done
}

jq -n --argjson x "$NX" --argjson y "$Y" '{reason: "bench: two instances", geometry: {type: "Point", coordinates: [$x, $y]}}' \
  | curl -sf -b "$JARF" -X PUT -H "X-XSRF-TOKEN: $(xsrf)" -H 'If-Match: "v1"' -H 'Content-Type: application/json' --data @- -o /dev/null \
    "$A/api/staff/editing/features/$ID"
MS=$(seen_on_b "$NX") || { echo "FAIL: B did not show the edit of $ID within 5 s"; exit 1; }
log "edit of $ID saved on A, shown by B after $MS ms (limit 5000)"
ETAG_B2=$(curl -sfI "$B/ogcapi/collections/project-sites/items/$ID" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
[ "$ETAG_B" != "$ETAG_B2" ] || { echo "FAIL: B's OGC API ETag did not change"; exit 1; }
log "B's OGC API item has a new ETag: ok"

jq -n '{reason: "bench: put the seed back"}' \
  | curl -sf -b "$JARF" -X POST -H "X-XSRF-TOKEN: $(xsrf)" -H 'If-Match: "v2"' -H 'Content-Type: application/json' --data @- -o /dev/null \
    "$A/api/staff/editing/features/$ID/versions/1/restore"
MS2=$(seen_on_b "$X") || { echo "FAIL: B did not show the restore within 5 s"; exit 1; }
log "restore of version 1 on A, shown by B after $MS2 ms"
echo "two-instances: OK (edit visible on B after $MS ms, restore after $MS2 ms; sessions shared)"
