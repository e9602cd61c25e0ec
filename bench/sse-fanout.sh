#!/usr/bin/env bash
# SSE fan-out benchmark (docs/benchmarks.md, "SSE fan-out"). Starts the server in its own JVM with the shipped
# config/application.yaml and a bench pipeline, opens N subscribers to one job from a second JVM on the same
# machine, drives events, and prints the figures as Markdown. All traffic goes to 127.0.0.1; every step is
# bounded (each run gives up after 6 minutes, and `timeout` backs that up).
#
#   SIZES="2000 10000"   subscriber counts          RUNS=3        runs per size (medians are quoted)
#   WARM=10              warm publishes per run      SPACING_MS=500 pause between publishes
#   SERVER_JAVA_OPTS=""  extra server JVM flags (default none: as `make run`)
#   SSE_HEARTBEAT        server heartbeat override (default: the shipped PT15S)
# Needs target/reelflow.jar and target/test-classes: run `make package` (mvn package -DskipTests) first.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk* 2>/dev/null | head -1)}
JAVA="$JAVA_HOME/bin/java"
[ -x "$JAVA" ] || { echo "bench: no JDK 25 at JAVA_HOME=$JAVA_HOME" >&2; exit 2; }
[ -f target/reelflow.jar ] && [ -f target/test-classes/org/reelflow/bench/SseFanoutBench.class ] \
  || { echo "bench: build first (make package)" >&2; exit 2; }

SIZES=${SIZES:-"2000 10000"}
RUNS=${RUNS:-3}
WARM=${WARM:-10}
SPACING_MS=${SPACING_MS:-500}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
LABEL=${LABEL:-$([ -z "$SERVER_JAVA_OPTS" ] && echo shipped || echo "shipped+flags")}

# Each JVM needs one descriptor per subscriber plus slack; raise the limit as far as this machine allows.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
for n in $SIZES; do
  if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((n + 1000)) ]; then
    echo "bench: open-files limit $(ulimit -n) is too low for $n subscribers" >&2; exit 2
  fi
done

mkdir -p bench-results
: > target/bench-sse-server.log   # the runs append their server output (and any thread dump) here
results="bench-results/sse-$(date +%Y%m%d-%H%M%S).tsv"
status=0
for n in $SIZES; do
  for run in $(seq "$RUNS"); do
    echo "--- $n subscribers, run $run of $RUNS ($LABEL) ---"
    timeout 420 "$JAVA" -Xmx1g -cp target/test-classes org.reelflow.bench.SseFanoutBench \
        --subscribers "$n" --warm "$WARM" --spacing-ms "$SPACING_MS" --label "$LABEL" \
        --server-opts "$SERVER_JAVA_OPTS" --results "$results" --java "$JAVA" || status=1
    sleep 2   # let the last server's sockets and memory go before the next one starts
  done
done
echo
echo "=== summary ($results) ==="
"$JAVA" -cp target/test-classes org.reelflow.bench.BenchSummary "$results" \
  "SIZES=\"$SIZES\" RUNS=$RUNS SERVER_JAVA_OPTS=\"$SERVER_JAVA_OPTS\" bench/sse-fanout.sh"
exit $status
