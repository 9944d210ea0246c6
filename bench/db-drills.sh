#!/usr/bin/env bash
# Database fault drills of issue #14, against a PostgreSQL of their own (never the shared one on 5432) and the
# packaged jar. Writes the figures between the db-drills markers of bench/README.md.
#   bench/db-drills.sh            # all drills (about 10 minutes)
#   DRILLS="restart stop" bench/db-drills.sh
# Drills:
#   restart  PostGIS restarted (pg_ctl restart -m fast) under 20 saves/s + reads
#   stop     PostGIS stopped 60 s under the same load, then started again
#   reads    200 concurrent GET /api/overlays/{id} of saved overlays (PostGIS)
#   kill     H2GIS (the default): kill -9 of the app under 20 saves/s, five times; every acknowledged save must
#            be there after each restart, and the database must open
# Needs: PostgreSQL 15 + PostGIS binaries (Debian postgresql-15-postgis-3), a JDK 17, run as root or as postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DRILLS=${DRILLS:-"restart stop reads kill"}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=${PGPORT:-55432}
APPPORT=${APPPORT:-18180}
RATE=${RATE:-20}
WORK=$(mktemp -d /tmp/planmap-drills.XXXXXX)
chmod 755 "$WORK"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$WORK"
PGDATA=$WORK/pgdata
PW=drill-$(date +%s)-$RANDOM
BUILT=$(ls "$ROOT"/target/planmap-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$BUILT" ] || { mvn -B -q -o -DskipTests package; BUILT=$(ls "$ROOT"/target/planmap-*.jar | head -1); }
JAR=$WORK/planmap.jar
cp "$BUILT" "$JAR"                      # a rebuild of target/ during the drills changes nothing here
javac -d "$WORK/classes" "$ROOT/bench/DrillLoad.java"
LOAD="java -cp $WORK/classes DrillLoad"
RESULTS=$WORK/results.md
APP_PID=
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
log() { echo "[$(date +%T)] $*"; }

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

pg_start() { as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -o "-p $PGPORT -k $WORK" -l "$WORK/pg.log" -w start >/dev/null; }
pg_stop() { as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null; }
psql_su() { as_pg psql -h "$WORK" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

start_app() { # $1 = log file, rest = app arguments
  local logf=$1; shift
  java -Xmx512m -jar "$JAR" --server.port=$APPPORT "$@" >"$logf" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$APPPORT/actuator/health/readiness" >/dev/null && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$logf"; return 1; }
    sleep 0.5
  done
  return 1
}
stop_app() { [ -n "$APP_PID" ] && kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
field() { grep -o "$1=[^ ]*" "$2" | head -1 | cut -d= -f2; }

setup_postgis() {
  log "PostgreSQL of the drills in $PGDATA, port $PGPORT"
  mkdir -p "$PGDATA"; chown postgres:postgres "$PGDATA" 2>/dev/null || true
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust >/dev/null
  echo "host all all 127.0.0.1/32 scram-sha-256" > "$WORK/hba"; cat "$PGDATA/pg_hba.conf" >> "$WORK/hba"
  as_pg cp "$WORK/hba" "$PGDATA/pg_hba.conf"
  pg_start
  # the README's PostGIS set-up, as a new user would run it
  psql_su -c "CREATE ROLE planmap LOGIN PASSWORD '$PW'"
  psql_su -c "CREATE DATABASE planmap OWNER planmap"
  psql_su -d planmap -c "CREATE EXTENSION postgis"
}

postgis_app() {
  SPRING_PROFILES_ACTIVE=postgis PLANMAP_DB_HOST=127.0.0.1 PLANMAP_DB_PORT=$PGPORT PLANMAP_DB_PASSWORD=$PW \
    start_app "$WORK/app-postgis.log"
}

duplicates_postgis() {
  psql_su -d planmap -c "SELECT COUNT(*) FROM (SELECT name FROM overlay WHERE name LIKE '$1-%' GROUP BY name HAVING COUNT(*) > 1) d"
}

outage_drill() { # $1 = tag, $2 = seconds of load, $3 = action at 10 s ("restart" | "stop N")
  local tag=$1 seconds=$2 out=$WORK/$1
  $LOAD save "http://127.0.0.1:$APPPORT" "$seconds" "$RATE" "$tag" "$out.tsv" >"$out.load" 2>&1 &
  local load=$!
  sleep 10
  local t_down t_up
  t_down=$(date +%s.%N)
  if [ "$3" = restart ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w restart -o "-p $PGPORT -k $WORK" -l "$WORK/pg.log" >/dev/null
  else
    pg_stop; sleep "${3#stop }"; pg_start
  fi
  t_up=$(date +%s.%N)
  # recovery: from "PostGIS answers again" to the app saying it is no longer degraded
  local recovery=""
  while [ -z "$recovery" ]; do
    if curl -s --max-time 1 "http://127.0.0.1:$APPPORT/api/status" | grep -q '"degraded":false'; then
      recovery=$(echo "$(date +%s.%N) - $t_up" | bc)
    fi
    sleep 0.2
  done
  wait $load
  $LOAD check "http://127.0.0.1:$APPPORT" "$out.tsv" >"$out.check"
  local dup; dup=$(duplicates_postgis "$tag")
  local down; down=$(echo "$t_up - $t_down" | bc)
  echo "| PostGIS $3 | $(field sent "$out.load") | $(field acknowledged "$out.load") | $(field stored "$out.check") | $(field lost "$out.check") | $dup | $(field slowest_failed_ms "$out.load") | $(field slowest_plan_ms "$out.load") | $(printf %.1f "$down") | $(printf %.1f "$recovery") |" >>"$RESULTS"
  log "$tag: $(head -1 "$out.load"); $(head -1 "$out.check"); duplicates=$dup; down ${down}s; serving again after ${recovery}s"
  sed -n '2,$p' "$out.load"
}

reads_drill() {
  $LOAD read "http://127.0.0.1:$APPPORT" "$WORK/restart.tsv" 200 >"$WORK/reads.out"
  log "200 concurrent reads: $(head -1 "$WORK/reads.out")"; sed -n '2,$p' "$WORK/reads.out"
  echo "" >>"$RESULTS"
  echo "200 concurrent \`GET /api/overlays/{id}\` (PostGIS, pool of 10): $(head -1 "$WORK/reads.out"); $(sed -n '2,$p' "$WORK/reads.out" | tr -s ' ' | tr '\n' ';')" >>"$RESULTS"
}

kill_drill() {
  local db=$WORK/h2/planmap total_sent=0 total_acked=0 total_lost=0
  echo "" >>"$RESULTS"
  echo "| H2GIS kill -9 | saves sent | acknowledged | stored after restart | lost | database opens |" >>"$RESULTS"
  echo "|---|---|---|---|---|---|" >>"$RESULTS"
  for i in 1 2 3 4 5; do
    start_app "$WORK/app-h2-$i.log" "--spring.datasource.url=jdbc:h2:file:$db;WRITE_DELAY=0" || { echo "| run $i | | | | | no |" >>"$RESULTS"; return 1; }
    DRILL_RETRY_SECONDS=${KILL_RETRY_SECONDS:-600} $LOAD save "http://127.0.0.1:$APPPORT" 12 "$RATE" "kill$i" "$WORK/kill$i.tsv" \
      >"$WORK/kill$i.load" 2>&1 &
    local load=$!
    # kill -9 once saves are being acknowledged (at least 40), in the middle of the load
    for _ in $(seq 1 600); do [ "$({ wc -l <"$WORK/kill$i.tsv"; } 2>/dev/null || echo 0)" -ge 40 ] && break; sleep 0.2; done
    kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
    log "kill -9 #$i"
    # restart at once: saves in flight retry with their keys until the app answers again
    start_app "$WORK/app-h2-$i-after.log" "--spring.datasource.url=jdbc:h2:file:$db;WRITE_DELAY=0" && opens=yes || opens=no
    wait $load
    $LOAD check "http://127.0.0.1:$APPPORT" "$WORK/kill$i.tsv" >"$WORK/kill$i.check"
    stop_app
    echo "| run $i | $(field sent "$WORK/kill$i.load") | $(field acknowledged "$WORK/kill$i.load") | $(field stored "$WORK/kill$i.check") | $(field lost "$WORK/kill$i.check") | $opens |" >>"$RESULTS"
    log "kill run $i: $(head -1 "$WORK/kill$i.load"); $(head -1 "$WORK/kill$i.check")"
  done
  local dups
  dups=$(java -cp "$JAR" -Dloader.main=org.h2.tools.Shell org.springframework.boot.loader.launch.PropertiesLauncher \
    -url "jdbc:h2:file:$db" -user sa -sql "SELECT COUNT(*) FROM (SELECT name FROM overlay WHERE name LIKE 'kill%' GROUP BY name HAVING COUNT(*) > 1) d" \
    | grep -E '^[0-9]+$' | head -1)
  echo "" >>"$RESULTS"
  echo "Duplicates over the five kill runs (names stored twice): ${dups:-?}" >>"$RESULTS"
}

{
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $RATE saves/s."
  echo ""
  echo "| drill | saves sent | acknowledged | stored | lost | duplicates | slowest 503/error (ms) | slowest /api/plan (ms) | PostGIS down (s) | serving again after (s) |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} >"$RESULTS"

if echo "$DRILLS" | grep -qE "restart|stop|reads"; then
  setup_postgis
  postgis_app
  for d in $DRILLS; do
    case $d in
      restart) log "drill: restart"; outage_drill restart 30 restart ;;
      stop) log "drill: stop 60 s"; outage_drill stop 90 "stop 60" ;;
      reads) log "drill: 200 concurrent reads"; reads_drill ;;
    esac
  done
  stop_app
fi
if echo "$DRILLS" | grep -q kill; then
  log "drill: kill -9 on H2GIS x5"
  kill_drill
fi

cat "$RESULTS"
python3 - "$ROOT/bench/README.md" "$RESULTS" <<'PY'
import sys
readme, results = sys.argv[1], open(sys.argv[2]).read()
text = open(readme).read()
start, end = "<!-- db-drills:start -->", "<!-- db-drills:end -->"
block = start + "\n" + results.strip() + "\n" + end
if start in text:
    text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
else:
    text += "\n" + block + "\n"
open(readme, "w").write(text)
PY
log "figures written to bench/README.md"
