#!/bin/sh
# Search A/B with wrk: two running servers (e.g. the jar of main and of this branch, each on its own port and
# H2 file), alternating rounds so both see the same machine load. Per query: requests/s and latency p50/p90
# with one connection (no queueing: close to server time + loopback), then the median and p90 of the
# server's own Server-Timing search;dur over 200 requests (servers that send it).
#   bench/search.sh http://localhost:18731 http://localhost:18732 [rounds]
set -eu
A=$1; B=$2; ROUNDS=${3:-2}
QUERIES="%E7%A3%81%E5%99%A8%E5%8F%A3 science%20city %E7%A7%91%E5%AD%A6%E5%9F%8E forest%20cover university%20town %E5%9C%B0%E9%93%81"
for base in "$A" "$B"; do for q in $QUERIES; do wrk -t1 -c1 -d5s "$base/api/search?q=$q" > /dev/null; done; done   # warm-up
r=1
while [ "$r" -le "$ROUNDS" ]; do
  for base in "$A" "$B"; do
    for q in $QUERIES; do
      out=$(wrk -t1 -c1 -d8s --latency "$base/api/search?q=$q" 2>&1)
      bytes=$(curl -s -o /dev/null -w '%{size_download}' "$base/api/search?q=$q")
      echo "round=$r server=$base q=$q rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}') p50=$(echo "$out" | awk '$1=="50%" {print $2}') p90=$(echo "$out" | awk '$1=="90%" {print $2}') bytes=$bytes"
    done
  done
  r=$((r + 1))
done
for base in "$A" "$B"; do
  for q in $QUERIES; do
    durs=$(i=0; while [ $i -lt 200 ]; do curl -s -D - -o /dev/null "$base/api/search?q=$q" | awk -F'dur=' '/^Server-Timing/ {print $2+0}'; i=$((i + 1)); done | sort -n)
    [ -n "$durs" ] && echo "server-timing server=$base q=$q median=$(echo "$durs" | sed -n 100p)ms p90=$(echo "$durs" | sed -n 180p)ms"
  done
done
