# Helpers shared by the bench scripts (source it: . bench/lib.sh).

# Stops the script when something already answers on port $1 (another session's app, say).
require_free_port() {
  if curl -s -o /dev/null "http://127.0.0.1:$1/"; then echo "port $1 is taken: choose another one"; exit 1; fi
}

# Waits until $1 (a URL) answers 2xx; stops the script with the log $3 when the app (pid $2) exits or 180 s pass.
wait_for_app() {
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || { echo "app failed to start, see $3"; tail -20 "$3"; exit 1; }
    sleep 1
  done
  echo "app did not answer $1 within 180 s, see $3"; exit 1
}
