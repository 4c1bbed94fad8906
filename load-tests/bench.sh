#!/usr/bin/env bash
# The hit-path benchmark: Roster (the built jar, demo simulators) against two bare Vert.x servers
# serving the very same bytes from memory, measured IN THE SAME RUN with the same wrk settings,
# interleaved case by case, several rounds:
#   plain   - the same body with only Content-Type and Content-Length;
#   headers - the same body with every header Roster sent (its 304 headers on a match).
# Cases: a user hit, a 100-member page, the 1,235-member list without and with
# `Accept-Encoding: br, gzip`, and a 304. Reports requests/s, the server process's CPU per
# request (from /proc/<pid>/stat), p99, bytes per answer; then the miss overhead over the
# simulator's own latency (p50), the time from start to the first 200, and RSS with 100,000
# cached users against the cache's own byte count. Prints tables and writes docs/benchmarks.md.
#
# Usage: load-tests/bench.sh [--duration S] [--warmup S] [--rounds N] [--threads N]
#                            [--connections N] [--users N] [--jfr] [--profile] [--no-extras]
#                            [--no-write]
#   --jfr        record Roster with Java Flight Recorder and print its hottest frames
#   --profile    after the rounds, profile a user hit on Roster and on the plain server with
#                async-profiler (CPU, every thread, kernel included; fetched from Maven Central)
#                and print the CPU per request by thread and by Roster frame
#   --no-extras  skip the miss, start-up and memory measurements
# Loopback only; its own ports (28480-29680). Every wait is bounded; everything started here is
# stopped on exit, by PID.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
DURATION=10 WARMUP=5 ROUNDS=3 THREADS=2 CONNECTIONS=64 JFR=0 PROFILE=0 WRITE=1 EXTRAS=1 USERS=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --rounds) ROUNDS="$2"; shift ;;
    --threads) THREADS="$2"; shift ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --users) USERS="$2"; shift ;;
    --jfr) JFR=1 ;;
    --profile) PROFILE=1 ;;
    --no-extras) EXTRAS=0 ;;
    --no-write) WRITE=0 ;;
    *) echo "bench: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

PORT=28480 ADMIN=29480 SIM=28481
PLAIN_BASE=28490 HEADERS_BASE=28590 MANY_PORT=28680 MANY_ADMIN=29680 MANY_SIM=28681
PORTS=($PORT $ADMIN $SIM 28482 28483 $MANY_PORT $MANY_ADMIN $MANY_SIM)
for i in 0 1 2 3; do PORTS+=($((PLAIN_BASE + i)) $((HEADERS_BASE + i))); done
RUN="$(mktemp -d /tmp/roster-bench.XXXXXX)"
PIDS=()
CLK_TCK=$(getconf CLK_TCK)
SECRET="roster-bench-hmac-secret-0123456789abcdef"
ADMIN_TOKEN="demo-admin-token"
BIG_ORG="org_2demoBigCo00000000000001"
CALLER="user_2demoAlice0000000000001"     # the big organisation's admin
COLLEAGUE="user_2bigco00000000000000005"  # one of its members

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
await_port() {
  local deadline=$((SECONDS + $2))
  until listening "$1"; do
    [ $SECONDS -ge $deadline ] && { log "port $1 did not open within $2 s"; return 1; }
    sleep 0.1
  done
}

# --- tools and builds -------------------------------------------------------------------------
command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
for port in "${PORTS[@]}"; do
  if listening "$port"; then log "port $port is already in use: stop what holds it"; exit 1; fi
done
JAR="$ROOT/target/roster.jar"
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$ROOT" && mvn -q -B -ntp -DskipTests package)
fi
CLASSES="$RUN/classes"
mkdir -p "$CLASSES"
javac -nowarn -cp "$JAR" -d "$CLASSES" "$HERE/src/main/java/dev/roster/load/BareServer.java" \
  "$HERE/bench-src/dev/roster/load/ManyUsers.java" 2> >(grep -v '^Note:' >&2)

# An HS256 token, so that the benchmark can name any caller and organisation.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
mint() { # $1 subject, $2 org id (may be empty)
  local now header payload org=""
  now=$(date +%s)
  [ -n "$2" ] && org=",\"org_id\":\"$2\",\"org_role\":\"org:admin\""
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"sub":"%s","iss":"bench","iat":%d,"exp":%d%s}' "$1" "$now" $((now + 86400)) \
    "$org" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" \
    | openssl dgst -sha256 -mac HMAC -macopt "key:$SECRET" -binary | b64url)"
}
TOKEN="$(mint "$CALLER" "$BIG_ORG")"
AUTH="Authorization: Bearer $TOKEN"

# --- Roster: the shipped demo config on this benchmark's ports, plus an app `bench` -----------
sed -e "s/18081/$SIM/g; s/18082/28482/g; s/18083/28483/g" \
    -e "s/^  port: 8080/  port: $PORT/; s/^  port: 9090/  port: $ADMIN/" \
    "$ROOT/conf/roster.yaml" > "$RUN/bench.yaml"
cat >> "$RUN/bench.yaml" <<EOF

  bench:
    visibility: org
    auth: { hmacSecret: $SECRET, issuer: bench }
    upstreams:
      clerk:
        baseUrl: http://127.0.0.1:$SIM
        secretKey: sk_test_rosterdemo0000000000000000
        requestsPerSecond: 100000
    cache: { ttl: 1h, staleWhileRevalidate: 1h }
EOF
JAVA_FLAGS=()
[ "$JFR" = 1 ] && JAVA_FLAGS+=("-XX:StartFlightRecording=name=bench,settings=profile")
USER_URL="http://127.0.0.1:$PORT/bench/v1/users/$COLLEAGUE"
STARTED_NS=$(date +%s%N)
(cd "$ROOT" && exec java "${JAVA_FLAGS[@]}" -jar "$JAR" --config "$RUN/bench.yaml" \
  > /dev/null 2> "$RUN/roster.err") &
ROSTER_PID=$!
PIDS+=("$ROSTER_PID")
# Time from start to the first 200 of a user read (a miss: the organisation's 1,235 members and
# the user are fetched), polled every 10 ms.
deadline=$((SECONDS + 90))
READY_MS="" FIRST_MS=""
while :; do
  [ $SECONDS -ge $deadline ] && { log "Roster gave no 200 within 90 s"; cat "$RUN/roster.err" >&2; exit 1; }
  if [ -z "$READY_MS" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
      "http://127.0.0.1:$ADMIN/health/ready" 2>/dev/null)" = 200 ]; then
    READY_MS=$((($(date +%s%N) - STARTED_NS) / 1000000))
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "$AUTH" "$USER_URL" 2>/dev/null)" = 200 ]; then
    FIRST_MS=$((($(date +%s%N) - STARTED_NS) / 1000000))
    break
  fi
  sleep 0.01
done
[ -z "$READY_MS" ] && READY_MS=$FIRST_MS
log "first 200 after ${FIRST_MS} ms (ready after ${READY_MS} ms)"

# --- the cases: capture Roster's answers (body and headers) for the bare servers --------------
# name|url|extra header (besides Authorization)|capture directory index
CASES=(
  "user|$USER_URL||0"
  "list100|http://127.0.0.1:$PORT/bench/v1/users?limit=100||1"
  "list1235|http://127.0.0.1:$PORT/bench/v1/users||2"
  "list1235-br|http://127.0.0.1:$PORT/bench/v1/users|Accept-Encoding: br, gzip|3"
  "304|http://127.0.0.1:$PORT/bench/v1/users?limit=100|If-None-Match: @ETAG1@|1"
)
capture() { # $1 index, $2 url, $3 extra header
  local dir="$RUN/answer$1" args=(-s --max-time 20 -H "$AUTH")
  mkdir -p "$dir"
  [ -n "$3" ] && args+=(-H "$3")
  curl "${args[@]}" -o /dev/null "$2"   # fill (and make the compressed form once)
  curl "${args[@]}" -o "$dir/body" -D "$dir/headers.raw" "$2"
  tr -d '\r' < "$dir/headers.raw" > "$dir/headers"
  grep -qi '^cache-status: roster; hit' "$dir/headers" || { log "case $1 is not a cache hit"; exit 1; }
}
for c in "${CASES[@]}"; do
  IFS='|' read -r name url extra idx <<< "$c"
  [ "$name" = 304 ] && continue
  capture "$idx" "$url" "$extra"
done
ETAG1=$(awk -F': ' 'tolower($1) == "etag" {print $2}' "$RUN/answer1/headers")
curl -s --max-time 10 -H "$AUTH" -H "If-None-Match: $ETAG1" -D - -o /dev/null \
  "http://127.0.0.1:$PORT/bench/v1/users?limit=100" | tr -d '\r' > "$RUN/answer1/headers304"
head -1 "$RUN/answer1/headers304" | grep -q ' 304' || { log "If-None-Match gave no 304"; exit 1; }
grep -qi '^content-encoding: br' "$RUN/answer3/headers" || { log "no br answer"; exit 1; }

# --- the two bare servers, on Roster's own jar: the very same Vert.x and Netty ------------------
start_bare() { # $1 mode, $2 base port; sets BARE_PID
  local args=() i
  for i in 0 1 2 3; do args+=("$(($2 + i))=$RUN/answer$i"); done
  java -cp "$JAR:$CLASSES" dev.roster.load.BareServer --mode "$1" "${args[@]}" \
    > "$RUN/bare-$1.out" 2>&1 &
  BARE_PID=$!
  PIDS+=($BARE_PID)
}
start_bare plain $PLAIN_BASE; PLAIN_PID=$BARE_PID
start_bare headers $HEADERS_BASE; HEADERS_PID=$BARE_PID
for i in 0 1 2 3; do await_port $((PLAIN_BASE + i)) 30; await_port $((HEADERS_BASE + i)) 30; done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Runs wrk once: $1 case, $2 server (plain|headers|roster), $3 seconds, $4 output prefix.
run_wrk() {
  local c name url extra idx pid port target
  for c in "${CASES[@]}"; do
    IFS='|' read -r name url extra idx <<< "$c"
    [ "$name" = "$1" ] || continue
    extra="${extra//@ETAG1@/$ETAG1}"
    case $2 in
      plain) pid=$PLAIN_PID port=$((PLAIN_BASE + idx)) ;;
      headers) pid=$HEADERS_PID port=$((HEADERS_BASE + idx)) ;;
      roster) pid=$ROSTER_PID port=$PORT ;;
    esac
    target="${url/:$PORT\//:$port/}"
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"${3}s" --timeout 5s --latency -H "$AUTH")
    [ -n "$extra" ] && args+=(-H "$extra")
    local before after
    before=$(ticks "$pid")
    timeout $(($3 + 30)) wrk "${args[@]}" "$target" > "$4.txt"
    after=$(ticks "$pid")
    echo $((after - before)) > "$4.ticks"
  done
}

SERVERS=(plain headers roster)
NAMES=()
for c in "${CASES[@]}"; do NAMES+=("${c%%|*}"); done
log "run directory $RUN"
for name in "${NAMES[@]}"; do
  for server in "${SERVERS[@]}"; do
    log "warming $name on $server for ${WARMUP}s"
    run_wrk "$name" "$server" "$WARMUP" "$RUN/warm-$name-$server"
  done
done
for round in $(seq 1 "$ROUNDS"); do
  for name in "${NAMES[@]}"; do
    for server in "${SERVERS[@]}"; do
      log "round $round: $name on $server for ${DURATION}s"
      run_wrk "$name" "$server" "$DURATION" "$RUN/$name-$server-$round"
    done
  done
done

# --- results -----------------------------------------------------------------------------------
rps() { awk '/^Requests\/sec/ {print $2}' "$1.txt"; }
requests() { awk '/requests in/ {print $1}' "$1.txt"; }
p99() { awk '$1 == "99%" {print $2}' "$1.txt"; }
bad() { awk '/Non-2xx or 3xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10}
  END {print n + 0}' "$1.txt"; }
# Bytes read per answer on the wire (status line, headers and body), from wrk's total.
wire() {
  awk -v n="$(requests "$1")" '/requests in/ {
      v = $5; sub(/,$/, "", v); u = v; gsub(/[0-9.]/, "", u); gsub(/[A-Za-z]/, "", v)
      m = (u == "KB") ? 1024 : (u == "MB") ? 1048576 : (u == "GB") ? 1073741824 : 1
      printf "%.0f", v * m / n }' "$1.txt"
}
cpu_us() { awk -v t="$(cat "$1.ticks")" -v n="$(requests "$1")" -v hz="$CLK_TCK" \
  'BEGIN {printf "%.1f", t * 1000000 / hz / n}'; }
body_bytes() { case $1 in 304) echo 0 ;; *) stat -c %s "$RUN/answer$2/body" ;; esac; }

TABLE="$RUN/table.md"
{
  echo "| round | case | server | requests/s | CPU µs/request | p99 | body B | wire B/answer | errors, non-2xx/3xx |"
  echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for round in $(seq 1 "$ROUNDS"); do
    for c in "${CASES[@]}"; do
      IFS='|' read -r name url extra idx <<< "$c"
      for server in "${SERVERS[@]}"; do
        f="$RUN/$name-$server-$round"
        echo "| $round | $name | $server | $(rps "$f") | $(cpu_us "$f") | $(p99 "$f") | $(body_bytes "$name" "$idx") | $(wire "$f") | $(bad "$f") |"
      done
    done
  done
} > "$TABLE"
mean() { # $1 case, $2 server, $3 function
  local sum=0 round
  for round in $(seq 1 "$ROUNDS"); do
    sum=$(awk -v s="$sum" -v x="$($3 "$RUN/$1-$2-$round")" 'BEGIN {print s + x}')
  done
  awk -v s="$sum" -v n="$ROUNDS" 'BEGIN {printf "%.1f", s / n}'
}
SUMMARY="$RUN/summary.md"
{
  echo "| case | requests/s plain / headers / Roster | Roster ÷ plain | Roster ÷ headers | CPU µs/request plain / headers / Roster | CPU Roster ÷ plain | CPU Roster ÷ headers |"
  echo "| --- | --- | ---: | ---: | --- | ---: | ---: |"
  for name in "${NAMES[@]}"; do
    rp=$(mean "$name" plain rps) rh=$(mean "$name" headers rps) rr=$(mean "$name" roster rps)
    cp=$(mean "$name" plain cpu_us) ch=$(mean "$name" headers cpu_us) cr=$(mean "$name" roster cpu_us)
    awk -v n="$name" -v rp="$rp" -v rh="$rh" -v rr="$rr" -v cp="$cp" -v ch="$ch" -v cr="$cr" \
      'BEGIN {printf "| %s | %.0f / %.0f / %.0f | %.2f | %.2f | %.1f / %.1f / %.1f | %.2f | %.2f |\n",
        n, rp, rh, rr, rr / rp, rr / rh, cp, ch, cr, cr / cp, cr / ch}'
  done
} > "$SUMMARY"
echo; cat "$SUMMARY"; echo; cat "$TABLE"

if [ "$JFR" = 1 ]; then
  jcmd "$ROSTER_PID" JFR.dump name=bench filename="$RUN/roster.jfr" >/dev/null 2>&1 || true
  if [ -f "$RUN/roster.jfr" ]; then
    jfr print --events jdk.ExecutionSample "$RUN/roster.jfr" > "$RUN/samples.txt"
    echo; echo "JFR: hottest top frames (of $(grep -c 'jdk.ExecutionSample' "$RUN/samples.txt") samples)"
    awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/line:.*/, ""); print}' "$RUN/samples.txt" \
      | sort | uniq -c | sort -rn | head -30
    echo "recording: $RUN/roster.jfr"
  fi
fi

# --- --profile: where the CPU of a user hit goes, Roster against the plain server --------------
if [ "$PROFILE" = 1 ]; then
  AP_VERSION=3.0
  AP_JAR="$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar"
  [ -f "$AP_JAR" ] || mvn -q -B -ntp dependency:get -Dartifact="tools.profiler:async-profiler:$AP_VERSION" >&2
  case "$(uname -m)" in aarch64|arm64) AP_ARCH=linux-arm64 ;; *) AP_ARCH=linux-x64 ;; esac
  (cd "$RUN" && unzip -o -q "$AP_JAR" "$AP_ARCH/libasyncProfiler.so")
  AP_LIB="$RUN/$AP_ARCH/libasyncProfiler.so"
  for server in plain roster; do
    case $server in plain) pid=$PLAIN_PID port=$PLAIN_BASE ;; roster) pid=$ROSTER_PID port=$PORT ;; esac
    target="${USER_URL/:$PORT\//:$port/}"
    # async-profiler's options go through jcmd quoted, or jcmd reads "event=cpu" as its own.
    jcmd "$pid" JVMTI.agent_load "$AP_LIB" "\"start,event=cpu,interval=500us,threads\"" >/dev/null
    requests=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -H "$AUTH" "$target" \
      | awk '/requests in/ {print $1}')
    jcmd "$pid" JVMTI.agent_load "$AP_LIB" \
      "\"stop,collapsed,file=$RUN/profile-$server.collapsed\"" >/dev/null
    echo; echo "profile of the user hit on $server: $requests requests, CPU µs per request (sampled every 500 µs of CPU)"
    awk -v n="$requests" -v frames="$RUN/profile-$server.frames" '{
        c = $NF; t = $0; sub(/;.*/, "", t); gsub(/[0-9]+|\[|\]| tid=.*/, "", t); sub(/[-#_ ]+$/, "", t)
        thread[t] += c; total += c
        line = $0; sub(/ [0-9]+$/, "", line); k = split(line, fr, ";"); delete seen
        for (i = 2; i <= k; i++) if (fr[i] ~ /^dev\/roster\// && !(fr[i] in seen)) { seen[fr[i]] = 1; own[fr[i]] += c }
      } END {
        printf "  %7.2f  all threads\n", total * 500 / n
        for (t in thread) if (thread[t] * 500 / n >= 0.05) printf "  %7.2f  thread %s\n", thread[t] * 500 / n, t
        for (f in own) if (own[f] * 500 / n >= 0.05) printf "  %7.2f  %s\n", own[f] * 500 / n, f > frames
      }' "$RUN/profile-$server.collapsed"
    [ -f "$RUN/profile-$server.frames" ] && { echo "  Roster frames (inclusive):"; sort -rn "$RUN/profile-$server.frames" | head -30; }
  done
  echo "collapsed stacks (for flame graphs): $RUN/profile-plain.collapsed, $RUN/profile-roster.collapsed"
fi

# --- extras: miss overhead, memory ------------------------------------------------------------
EXTRA="$RUN/extras.md"
: > "$EXTRA"
if [ "$EXTRAS" = 1 ]; then
  # The miss overhead: a user read whose user entry was just purged (one upstream call; the
  # organisation is cached) against the same read straight from the simulator, each a new curl
  # connection, 200 times each, alternating.
  : > "$RUN/miss.txt"; : > "$RUN/direct.txt"
  # The miss path warmed first, as the hit path is: 300 misses, not measured, so that what is
  # measured is compiled code and not the interpreter.
  for i in $(seq 1 300); do
    curl -s -o /dev/null --max-time 5 -X DELETE -H "Authorization: Bearer $ADMIN_TOKEN" \
      "http://127.0.0.1:$ADMIN/cache/bench/users/$COLLEAGUE"
    curl -s -o /dev/null --max-time 5 -H "$AUTH" "$USER_URL"
  done
  for i in $(seq 1 200); do
    curl -s -o /dev/null --max-time 5 -X DELETE -H "Authorization: Bearer $ADMIN_TOKEN" \
      "http://127.0.0.1:$ADMIN/cache/bench/users/$COLLEAGUE"
    curl -s -o /dev/null --max-time 5 -w '%{time_total}\n' -H "$AUTH" "$USER_URL" >> "$RUN/miss.txt"
    curl -s -o /dev/null --max-time 5 -w '%{time_total}\n' \
      -H "Authorization: Bearer sk_test_rosterdemo0000000000000000" \
      -H "Clerk-API-Version: 2026-05-12" "http://127.0.0.1:$SIM/v1/users/$COLLEAGUE" >> "$RUN/direct.txt"
  done
  p50ms() { sort -n "$1" | awk '{a[NR] = $1} END {printf "%.2f", a[int((NR + 1) / 2)] * 1000}'; }
  MISS_P50=$(p50ms "$RUN/miss.txt") DIRECT_P50=$(p50ms "$RUN/direct.txt")
  MISS_OVERHEAD=$(awk -v a="$MISS_P50" -v b="$DIRECT_P50" 'BEGIN {printf "%.2f", a - b}')

  # Memory: a second Roster caching $USERS users read one by one from a simulator holding them.
  cat > "$RUN/many.yaml" <<EOF
server: { host: 127.0.0.1, port: $MANY_PORT }
admin: { host: 127.0.0.1, port: $MANY_ADMIN, token: $ADMIN_TOKEN }
apps:
  many:
    visibility: authenticated
    auth: { hmacSecret: $SECRET, issuer: bench }
    upstreams:
      clerk:
        baseUrl: http://127.0.0.1:$MANY_SIM
        secretKey: sk_test_rosterdemo0000000000000000
        requestsPerSecond: 100000
        timeout: 10s
    cache: { ttl: 1h, staleWhileRevalidate: 1h, maxBytes: 4GB }
EOF
  mkfifo "$RUN/many.in"
  java -Xmx1g -cp "$JAR:$CLASSES" dev.roster.load.ManyUsers $MANY_SIM $MANY_PORT many \
    "$(mint "$CALLER" "")" "$USERS" < "$RUN/many.in" > "$RUN/many.out" 2>&1 &
  PIDS+=($!)
  exec 7> "$RUN/many.in"
  deadline=$((SECONDS + 120))
  until grep -q 'sim: ready' "$RUN/many.out"; do
    [ $SECONDS -ge $deadline ] && { log "the many-users simulator did not start"; exit 1; }
    sleep 0.2
  done
  MANY_STARTED_NS=$(date +%s%N)
  java -jar "$JAR" --config "$RUN/many.yaml" > /dev/null 2> "$RUN/many-roster.err" &
  MANY_PID=$!
  PIDS+=($MANY_PID)
  # The time from launch to the first 200 without demo mode (a configured HS256 app, the
  # simulator already up): what a production start costs, the JVM included.
  deadline=$((SECONDS + 90))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Authorization: Bearer $(mint "$CALLER" "")" \
      "http://127.0.0.1:$MANY_PORT/many/v1/users/$(printf "user_2many%018d" $((USERS - 1)))" 2>/dev/null)" = 200 ]; do
    [ $SECONDS -ge $deadline ] && { log "the second Roster gave no 200 within 90 s"; exit 1; }
    sleep 0.01
  done
  MANY_FIRST_MS=$((($(date +%s%N) - MANY_STARTED_NS) / 1000000))
  rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
  RSS_BEFORE=$(rss_kb $MANY_PID)
  echo go >&7
  deadline=$((SECONDS + 600))
  until grep -q '^filled:' "$RUN/many.out"; do
    [ $SECONDS -ge $deadline ] && { log "filling $USERS users took over 600 s"; exit 1; }
    sleep 0.5
  done
  FILLED=$(grep '^filled:' "$RUN/many.out")
  RSS_FILLED=$(rss_kb $MANY_PID)
  jcmd $MANY_PID GC.run > /dev/null 2>&1 || true
  sleep 2
  RSS_AFTER_GC=$(rss_kb $MANY_PID)
  HEAP_USED=$(jcmd $MANY_PID GC.heap_info 2>/dev/null | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {print $(i + 1); exit}}' | tr -d 'K,')
  CACHE_BYTES=$(curl -s --max-time 10 "http://127.0.0.1:$MANY_ADMIN/metrics" \
    | awk '/^roster_cache_bytes\{app="many"/ {printf "%.0f", $2}')
  {
    echo "| measurement | value |"
    echo "| --- | ---: |"
    echo "| time from start to the first 200 (a miss: 1,235 members and the user fetched) | ${FIRST_MS} ms |"
    echo "| time from start to ready (\`/health/ready\` 200) | ${READY_MS} ms |"
    echo "| time from start to the first 200 without demo mode (HS256 app, simulator already up) | ${MANY_FIRST_MS} ms |"
    echo "| user read from the simulator directly, p50 (new connection each) | ${DIRECT_P50} ms |"
    echo "| user read through Roster, a miss (one upstream call), p50 | ${MISS_P50} ms |"
    echo "| miss overhead over the simulator's latency, p50 | ${MISS_OVERHEAD} ms |"
    echo "| users cached ($FILLED) | $USERS |"
    echo "| cache's own byte count (\`roster_cache_bytes\`) | $((CACHE_BYTES / 1048576)) MiB |"
    echo "| Roster RSS before filling / after / after a full GC | $((RSS_BEFORE / 1024)) / $((RSS_FILLED / 1024)) / $((RSS_AFTER_GC / 1024)) MiB |"
    echo "| Java heap used after a full GC | $((${HEAP_USED:-0} / 1024)) MiB |"
  } > "$EXTRA"
  echo; cat "$EXTRA"
fi

# --- docs/benchmarks.md: the generated part sits between two markers; the rest is kept ------------
write_doc() {
  local doc="$ROOT/docs/benchmarks.md" part="$RUN/generated.md"
  {
    echo "<!-- bench:begin (written by load-tests/bench.sh; edits inside are overwritten) -->"
    echo "### Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"
    echo "  $(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -sr); $(java -version 2>&1 | head -1);"
    echo "  load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine makes"
    echo "  absolute numbers noisy: compare within a round)"
    echo "- Roster: commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown),"
    echo "  the shipped demo config plus an app \`bench\` (HS256, visibility org, cache ttl 1h)"
    echo "- Tool: wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), closed loop, $THREADS threads,"
    echo "  $CONNECTIONS connections, ${DURATION} s per measurement after ${WARMUP} s of warm-up,"
    echo "  $ROUNDS rounds; in each round every case runs on plain, headers, Roster in turn"
    echo "- Every request carries the same ${#TOKEN}-character bearer token; CPU is the server"
    echo "  process's user+system time over the measurement (/proc/<pid>/stat) divided by requests"
    echo
    echo "Means over the rounds:"
    echo
    cat "$SUMMARY"
    echo
    [ -s "$EXTRA" ] && { cat "$EXTRA"; echo; }
    echo "Every measurement:"
    echo
    cat "$TABLE"
    echo "<!-- bench:end -->"
  } > "$part"
  if [ -f "$doc" ] && grep -q '^<!-- bench:begin' "$doc"; then
    awk -v part="$part" '
      /^<!-- bench:begin/ { while ((getline line < part) > 0) print line; skip = 1; next }
      /^<!-- bench:end/ { skip = 0; next }
      !skip { print }' "$doc" > "$RUN/doc.md"
  else
    { [ -f "$doc" ] && cat "$doc" && echo; cat "$part"; } > "$RUN/doc.md"
  fi
  cp "$RUN/doc.md" "$doc"
  log "wrote $doc"
}
[ "$WRITE" = 1 ] && write_doc
exit 0
