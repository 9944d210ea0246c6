#!/usr/bin/env bash
# A consultation evening on this machine (issue #11): 300 residents submitting within 10 minutes while 50 clients
# follow the live view and 10 others browse the map; a moderator approves the queue every second. Runs the packaged
# jar on H2GIS (the default) in a work folder of its own and prints the figures for bench/README.md.
#   bench/consultation-evening.sh                       # 300 submitters, 600 s, 50 followers, 10 browsers
#   SUBMITTERS=100 SECONDS_=120 bench/consultation-evening.sh
# The app runs with server.forward-headers-strategy=native, as behind a reverse proxy, so each simulated resident
# has its own address (X-Forwarded-For) and the per-client rate limit applies as it would in the room.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. bench/lib.sh
PORT=${PORT:-18501}
SUBMITTERS=${SUBMITTERS:-300}
SECONDS_=${SECONDS_:-600}
FOLLOWERS=${FOLLOWERS:-50}
BROWSERS=${BROWSERS:-10}
require_free_port "$PORT"
WORK=$(mktemp -d /tmp/planmap-evening.XXXXXX)
BUILT=$(ls "$ROOT"/target/planmap-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$BUILT" ] || { mvn -B -q -o -DskipTests package; BUILT=$(ls "$ROOT"/target/planmap-*.jar | grep -v original | head -1); }
cp "$BUILT" "$WORK/planmap.jar"
ADMIN=bench-admin
PASSWORD="evening-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"   # generated per run, never stored
(cd "$WORK" && PLANMAP_ADMIN_USER=$ADMIN PLANMAP_ADMIN_PASSWORD=$PASSWORD exec java -Xmx512m -jar planmap.jar \
   --server.port="$PORT" --planmap.geodata.dir="$ROOT/geodata" --planmap.tours.dir="$ROOT/geodata/tours" \
   --server.forward-headers-strategy=native >app.log 2>&1) &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
wait_for_app "http://127.0.0.1:$PORT/actuator/health/readiness" "$APP" "$WORK/app.log"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
java bench/ConsultationEvening.java "http://127.0.0.1:$PORT" "$ADMIN" "$PASSWORD" "$SUBMITTERS" "$SECONDS_" "$FOLLOWERS" "$BROWSERS"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; app log: $WORK/app.log"
