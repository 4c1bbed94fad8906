#!/usr/bin/env bash
# The hit-path benchmark: Roster (demo mode) against a bare Vert.x server returning the same
# number of bytes from memory, measured IN THE SAME RUN with the same wrk settings, alternating
# baseline and Roster each round. Prints a table and writes docs/benchmarks.md.
#
# Usage: load-tests/bench.sh [--duration S] [--warmup S] [--rounds N] [--threads N]
#                            [--connections N] [--pin] [--jfr] [--rate-limit] [--no-write]
#   --rate-limit  give acme a never-refusing per-caller rate limit, to measure its cost
#   --pin    servers on CPUs 1..n-1, wrk on CPU 0 (taskset); default: no pinning
#   --jfr    record Roster with Java Flight Recorder and print its hottest frames
# Loopback only. Every wait is bounded; everything started here is stopped on exit.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
DURATION=20 WARMUP=10 ROUNDS=2 THREADS=2 CONNECTIONS=64 PIN=0 JFR=0 WRITE=1 RATE_LIMIT=0
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --rounds) ROUNDS="$2"; shift ;;
    --threads) THREADS="$2"; shift ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --pin) PIN=1 ;;
    --jfr) JFR=1 ;;
    --rate-limit) RATE_LIMIT=1 ;;
    --no-write) WRITE=0 ;;
    *) echo "bench: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

ROSTER_PORT=8080 BARE_USER_PORT=18090 BARE_LIST_PORT=18091
PORTS=(8080 9090 18081 18082 18083 $BARE_USER_PORT $BARE_LIST_PORT)
RUN="$(mktemp -d /tmp/roster-bench.XXXXXX)"
PIDS=()

log() { echo "bench: $*" >&2; }

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits at most $2 seconds for port $1 to accept connections.
await_port() {
  local deadline=$((SECONDS + $2))
  until listening "$1"; do
    [ $SECONDS -ge $deadline ] && { log "port $1 did not open within $2 s"; return 1; }
    sleep 0.2
  done
}

# --- tools and builds -------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
fi
for port in "${PORTS[@]}"; do
  if listening "$port"; then log "port $port is already in use: stop what holds it"; exit 1; fi
done
JAR="$ROOT/target/roster.jar"
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$ROOT" && mvn -q -B -DskipTests package)
fi
(cd "$HERE" && { mvn -q -B -o -DskipTests compile 2>/dev/null || mvn -q -B -DskipTests compile; })

if [ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ]; then
  SERVER_CPUS="1-$(($(nproc) - 1))" WRK_CPUS=0
  SERVER=(taskset -c "$SERVER_CPUS") LOADGEN=(taskset -c "$WRK_CPUS")
  PINNING="servers on CPUs $SERVER_CPUS, wrk on CPU $WRK_CPUS (taskset)"
else
  SERVER=() LOADGEN=()
  PINNING="none: servers and wrk share all $(nproc) CPUs"
fi

# --- Roster in demo mode ------------------------------------------------------------------------
# The shipped demo config (no per-caller rate limit, the default). With --rate-limit, acme gets
# a limit so high it never refuses, so the limiter's cost is on the path and measured.
if [ "$RATE_LIMIT" = 1 ]; then
  awk '{ print } /^  acme:$/ { print "    rateLimit: { perCallerPerSecond: 1000000, burst: 1000000 }" }' \
    "$ROOT/conf/roster.yaml" > "$RUN/bench.yaml"
  CONFIG_NOTE="demo config with acme's per-caller rate limit on (1,000,000/s, never refusing)"
else
  cp "$ROOT/conf/roster.yaml" "$RUN/bench.yaml"
  CONFIG_NOTE="the shipped demo config (no per-caller rate limit, the default)"
fi
JAVA_FLAGS=()
[ "$JFR" = 1 ] && JAVA_FLAGS+=("-XX:StartFlightRecording=name=bench,settings=profile")
# stdout carries the welcome text, then one access-log line per request: keep the welcome, then
# drain the rest cheaply (as a log collector would) instead of filling the disk.
mkfifo "$RUN/roster.stdout"
(cd "$ROOT" && exec "${SERVER[@]}" java "${JAVA_FLAGS[@]}" -jar "$JAR" --config "$RUN/bench.yaml" \
  > "$RUN/roster.stdout" 2> "$RUN/roster.err") &
ROSTER_PID=$!
PIDS+=("$ROSTER_PID")
("${SERVER[@]}" sh -c 'sed -u "/^{/q" > "$1"; exec cat > /dev/null' sh "$RUN/welcome.txt" \
  < "$RUN/roster.stdout") &
PIDS+=($!)
await_port $ROSTER_PORT 90
deadline=$((SECONDS + 30))
until grep -q "^# app 'globex'" "$RUN/welcome.txt" 2>/dev/null; do
  [ $SECONDS -ge $deadline ] && { log "no demo welcome text from Roster"; exit 1; }
  sleep 0.2
done
# The acme block: a member's token, the list URL, then a colleague's URL.
TOKEN="$(awk "/^# app 'acme'/{a=1} a && /^curl/{print; exit}" "$RUN/welcome.txt" \
  | sed -E "s/.*Bearer ([^']+)'.*/\1/")"
USER_URL="$(awk "/^# app 'acme'/{a=1} a && /^curl/{n++} a && n==2 {print; exit}" "$RUN/welcome.txt" \
  | sed -E "s/.* '([^']+)'$/\1/")"
LIST_URL="http://127.0.0.1:$ROSTER_PORT/acme/v1/users"
AUTH="Authorization: Bearer $TOKEN"

# Fill the cache, learn the sizes and the list's ETag.
probe() { curl -s -o "$RUN/probe.body" -D "$RUN/probe.headers" --max-time 10 -H "$AUTH" "$@"; }
probe "$USER_URL"; probe "$USER_URL"
USER_BYTES=$(stat -c %s "$RUN/probe.body")
grep -qi '^cache-status: roster; hit' "$RUN/probe.headers" || { log "user read is not a hit"; exit 1; }
probe "$LIST_URL"; probe "$LIST_URL"
LIST_BYTES=$(stat -c %s "$RUN/probe.body")
LIST_ETAG=$(grep -i '^etag:' "$RUN/probe.headers" | sed -E 's/^[^:]+: *//' | tr -d '\r')
probe -H "If-None-Match: $LIST_ETAG" "$LIST_URL"
head -1 "$RUN/probe.headers" | grep -q ' 304' || { log "If-None-Match did not give a 304"; exit 1; }

# --- the bare baseline, on Roster's own jar: the very same Vert.x and Netty ------------------
"${SERVER[@]}" java -cp "$JAR:$HERE/target/classes" dev.roster.load.BareServer \
  "$BARE_USER_PORT=$USER_BYTES" "$BARE_LIST_PORT=$LIST_BYTES" > "$RUN/bare.out" 2>&1 &
PIDS+=($!)
await_port $BARE_USER_PORT 30
await_port $BARE_LIST_PORT 30
BARE_USER_URL="http://127.0.0.1:$BARE_USER_PORT/acme/v1/users/x"
BARE_LIST_URL="http://127.0.0.1:$BARE_LIST_PORT/acme/v1/users"
BARE_ETAG=$(curl -s -o /dev/null -D - --max-time 10 "$BARE_LIST_URL" | grep -i '^etag:' \
  | sed -E 's/^[^:]+: *//' | tr -d '\r')

# name|url|extra header
CASES=(
  "bare-user|$BARE_USER_URL|"
  "roster-user|$USER_URL|"
  "bare-list|$BARE_LIST_URL|"
  "roster-list|$LIST_URL|"
  "bare-304|$BARE_LIST_URL|If-None-Match: $BARE_ETAG"
  "roster-304|$LIST_URL|If-None-Match: $LIST_ETAG"
)

# Runs wrk once: $1 name, $2 seconds, $3 output file. The same Authorization header everywhere,
# so both servers read requests of the same size.
run_wrk() {
  local name="$1" secs="$2" out="$3" case url extra
  for case in "${CASES[@]}"; do
    [ "${case%%|*}" = "$name" ] || continue
    url="$(echo "$case" | cut -d'|' -f2)" extra="$(echo "$case" | cut -d'|' -f3-)"
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 5s --latency -H "$AUTH")
    [ -n "$extra" ] && args+=(-H "$extra")
    timeout $((secs + 30)) "${LOADGEN[@]}" wrk "${args[@]}" "$url" > "$out"
  done
}

log "run directory $RUN; pinning: $PINNING"
for case in "${CASES[@]}"; do
  name="${case%%|*}"
  log "warming $name for ${WARMUP}s"
  run_wrk "$name" "$WARMUP" "$RUN/warm-$name.txt"
done
for round in $(seq 1 "$ROUNDS"); do
  for case in "${CASES[@]}"; do
    name="${case%%|*}"
    log "round $round: $name for ${DURATION}s"
    run_wrk "$name" "$DURATION" "$RUN/$name-$round.txt"
  done
done

# --- results -----------------------------------------------------------------------------------
rps() { awk '/^Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
bad() { awk '/Non-2xx or 3xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10}
  END {print n + 0}' "$1"; }

TABLE="$RUN/table.md"
{
  echo "| round | case | body bytes | requests/s | p99 latency | errors or non-2xx/3xx | Roster / bare |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
  for round in $(seq 1 "$ROUNDS"); do
    for pair in user list 304; do
      b="$RUN/bare-$pair-$round.txt" r="$RUN/roster-$pair-$round.txt"
      case $pair in user) bytes=$USER_BYTES ;; list) bytes=$LIST_BYTES ;; 304) bytes=0 ;; esac
      ratio=$(awk -v r="$(rps "$r")" -v b="$(rps "$b")" 'BEGIN {printf "%.2f", r / b}')
      echo "| $round | bare-$pair | $bytes | $(rps "$b") | $(p99 "$b") | $(bad "$b") | |"
      echo "| $round | roster-$pair | $bytes | $(rps "$r") | $(p99 "$r") | $(bad "$r") | $ratio |"
    done
  done
} > "$TABLE"
SUMMARY="$RUN/summary.md"
{
  echo "| path | bare requests/s (mean) | Roster requests/s (mean) | Roster / bare |"
  echo "| --- | ---: | ---: | ---: |"
  for pair in user list 304; do
    b=0 r=0
    for round in $(seq 1 "$ROUNDS"); do
      b=$(awk -v s="$b" -v x="$(rps "$RUN/bare-$pair-$round.txt")" 'BEGIN {print s + x}')
      r=$(awk -v s="$r" -v x="$(rps "$RUN/roster-$pair-$round.txt")" 'BEGIN {print s + x}')
    done
    awk -v p="$pair" -v b="$b" -v r="$r" -v n="$ROUNDS" \
      'BEGIN {printf "| %s | %.0f | %.0f | %.2f |\n", p, b / n, r / n, r / b}'
  done
} > "$SUMMARY"
echo
cat "$SUMMARY"
echo
cat "$TABLE"

if [ "$JFR" = 1 ]; then
  jcmd "$ROSTER_PID" JFR.dump name=bench filename="$RUN/roster.jfr" >/dev/null 2>&1 \
    || { ROSTER_JAVA=$(pgrep -P "$ROSTER_PID" java || true)
         [ -n "$ROSTER_JAVA" ] && jcmd "$ROSTER_JAVA" JFR.dump name=bench filename="$RUN/roster.jfr" >/dev/null; }
  if [ -f "$RUN/roster.jfr" ]; then
    jfr print --events jdk.ExecutionSample "$RUN/roster.jfr" > "$RUN/samples.txt"
    echo; echo "JFR: hottest top frames (of $(grep -c 'jdk.ExecutionSample' "$RUN/samples.txt") samples)"
    awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/line:.*/, ""); print}' "$RUN/samples.txt" \
      | sort | uniq -c | sort -rn | head -25
    echo "recording: $RUN/roster.jfr"
  fi
fi

# --- docs/benchmarks.md: the generated part sits between two markers; the rest is kept ------------
write_doc() {
  local doc="$ROOT/docs/benchmarks.md" part="$RUN/generated.md"
  {
    echo "<!-- bench:begin (written by load-tests/bench.sh; edits inside are overwritten) -->"
    echo "### Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"
    echo "  $(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -sr); $(java -version 2>&1 | head -1)"
    echo "- Roster: commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown),"
    echo "  $CONFIG_NOTE"
    echo "- Tool: wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), closed loop, $THREADS threads,"
    echo "  $CONNECTIONS connections, ${DURATION} s per measurement after ${WARMUP} s of warm-up per"
    echo "  case, $ROUNDS rounds, each round alternating baseline and Roster"
    echo "- Pinning: $PINNING"
    echo "- Bodies: user $USER_BYTES B, member list (acme, 6 members) $LIST_BYTES B; the bare"
    echo "  server answers with exactly as many bytes per path, and every request carries the"
    echo "  same ${#TOKEN}-character bearer token"
    echo
    echo "Means over the rounds:"
    echo
    cat "$SUMMARY"
    echo
    echo "Every measurement:"
    echo
    cat "$TABLE"
    echo "<!-- bench:end -->"
  } > "$part"
  mkdir -p "$(dirname "$doc")"
  if [ -f "$doc" ] && grep -q '^<!-- bench:begin' "$doc"; then
    awk -v part="$part" '
      /^<!-- bench:begin/ { while ((getline line < part) > 0) print line; skip = 1; next }
      /^<!-- bench:end/ { skip = 0; next }
      !skip { print }' "$doc" > "$RUN/doc.md"
    cp "$RUN/doc.md" "$doc"
  else
    { [ -f "$doc" ] && cat "$doc" && echo; cat "$part"; } > "$RUN/doc.md"
    cp "$RUN/doc.md" "$doc"
  fi
  log "wrote $doc"
}
[ "$WRITE" = 1 ] && write_doc
exit 0
