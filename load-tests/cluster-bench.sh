#!/usr/bin/env bash
# The cluster benchmark (docs/benchmarks.md, "Cluster"): one redis-server, 3 Roster JVMs and the
# Clerk simulator, as in the cluster tests; prints a Markdown block to paste into the docs.
# Usage: load-tests/cluster-bench.sh [EVENTS (200)] [WRK_SECONDS (10)]
# Needs redis-server and wrk. Loopback only; everything started is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CPFILE="$(mktemp /tmp/roster-cluster-cp.XXXXXX)"
trap 'rm -f "$CPFILE"' EXIT
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CPFILE"
java -cp "target/test-classes:target/classes:$(cat "$CPFILE")" dev.roster.cluster.ClusterBench "$@"
