#!/usr/bin/env bash
# One command for a Gatling run against the demo: builds Roster if needed, starts it in demo mode
# (conf/roster.yaml, loopback simulators), waits until ready, runs one simulation with the demo's
# tokens, and stops Roster again. Reports land in load-tests/target/gatling/.
#
# Usage: load-tests/gatling-demo.sh [Simulation] [extra -D settings for Gatling]
#   load-tests/gatling-demo.sh                                   # HitPathSimulation, 500/s, 20 s
#   load-tests/gatling-demo.sh WidgetPollingSimulation -Dload.widgets=500 -Dload.seconds=30
#   LOAD_RATE=2000 LOAD_SECONDS=60 load-tests/gatling-demo.sh
# Loopback only; needs ports 8080, 9090 and 18081-18083 free. Every wait is bounded.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
SIMULATION="${1:-HitPathSimulation}"
[ $# -gt 0 ] && shift

for port in 8080 9090 18081 18082 18083; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "gatling-demo: port $port is taken; stop what listens there first" >&2
    exit 2
  fi
done

[ -f "$ROOT/target/roster.jar" ] || (cd "$ROOT" && mvn -q -B -ntp package -DskipTests)

RUN="$(mktemp -d /tmp/roster-gatling.XXXXXX)"
java -jar "$ROOT/target/roster.jar" --config "$ROOT/conf/roster.yaml" \
  >"$RUN/roster.out" 2>"$RUN/roster.err" &
ROSTER_PID=$!
cleanup() {
  kill -TERM "$ROSTER_PID" 2>/dev/null || true
  wait "$ROSTER_PID" 2>/dev/null || true
  echo "gatling-demo: Roster's output is in $RUN" >&2
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -sf -o /dev/null http://127.0.0.1:9090/health/ready; then break; fi
  if ! kill -0 "$ROSTER_PID" 2>/dev/null; then
    echo "gatling-demo: Roster exited; its log:" >&2; cat "$RUN/roster.err" >&2; exit 1
  fi
  sleep 0.5
done
curl -sf -o /dev/null http://127.0.0.1:9090/health/ready \
  || { echo "gatling-demo: Roster not ready after 60 s" >&2; exit 1; }

cd "$HERE"
mvn -B -ntp gatling:test \
  -Dgatling.simulationClass="dev.roster.load.$SIMULATION" \
  -Droster.welcome="$RUN/roster.out" \
  -Dload.rate="${LOAD_RATE:-500}" \
  -Dload.seconds="${LOAD_SECONDS:-20}" \
  -Dload.warmupSeconds="${LOAD_WARMUP_SECONDS:-5}" \
  "$@"
