#!/usr/bin/env bash
# The batching benchmark (issue 10): a cold storm of distinct users against the Clerk
# simulator, batching on and off in the same run and the same JVM, then lone misses.
# Everything runs in one JVM on loopback ports chosen by the OS; nothing is left running.
#
# Usage: load-tests/batching.sh [users] [seconds] [latencyMs] [rounds] [loneMisses]
#   defaults: 2000 users over 2 s, 50 ms Clerk latency, 2 rounds, 300 lone misses per app
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
JAR="$ROOT/target/roster.jar"
OUT="$HERE/target/batching"
if [ ! -f "$JAR" ]; then
  echo "batching: building $JAR" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package)
fi
mkdir -p "$OUT"
javac -d "$OUT" -cp "$JAR" "$HERE/batching/BatchStorm.java"
exec java -Xms512m -Xmx1g -cp "$JAR:$OUT" BatchStorm "$@"
