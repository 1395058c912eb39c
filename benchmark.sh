#!/usr/bin/env bash
# The benchmark, in one command: builds what it needs, starts the local stack with fresh data, measures
# intake, a year of Kent's referrals end to end, latency, footprint, the broker's and the store's own
# limits, stops it, then rebuilds commissioning's projections from a million events on a scratch stack.
# Prints the Markdown table; writes benchmark/results/<time>/{report.json,report.md,latency.png} and
# benchmark/latest.md. The default ports (8081-8085, 9092, 9093, 27017) must be free.
#
#   ./benchmark.sh             the full run (20-30 minutes on 2 cores: the stack works off its backlog)
#   ./benchmark.sh --quick     a smoke run (5-10 minutes)
#   ./benchmark.sh --help      all options (phases, durations, --full-year, --use-running, --port-offset)
#   ./benchmark.sh --preload-years 0,1,7
#                              intake, writes per referral, latency at 20/s and the store's insert limits with 0, 1
#                              and 7 years of Kent-shaped history stored (preloaded straight into the stores and
#                              topics between the points); about 1.5 hours on 2 cores (seven years: preload ~6-18 min, indexes ~5.5 min; README performance section)
#   BENCHMARK_JFR=1 ./benchmark.sh ...   the launcher also records a flight recording (benchmark/work/logs/*.jfr)
#   BENCHMARK_C2=1 ./benchmark.sh ...    the launcher compiles hot code with C2 too (run-local.sh stops at C1: quicker start)
#   BENCHMARK_LAUNCHER_OPTS='-D...' ./benchmark.sh ...   JVM options added to every launcher the benchmark starts
#                              (a store setting to compare, e.g. -Dsaferkent.store.compress=false)
#   ./benchmark.sh --chaos     crash consistency instead: 10,000 referrals with case work, kill -9 of the
#                              launcher and the broker in turn every 500 acknowledged (20 kills), then
#                              acknowledged / lost / doubled (the simulator's --kill-every; its options follow,
#                              e.g. ./benchmark.sh --chaos --count 2000 --kill-every 200)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    *) args+=("$arg") ;;
  esac
done

if $build; then
  echo "Building (./mvnw -q -DskipTests package -pl dev-stack,tools/benchmark -am)..."
  ./mvnw -B -q -DskipTests package -pl dev-stack,tools/benchmark -am
fi

java_bin=java
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi
if [[ "${args[0]:-}" == "--chaos" ]]; then
  # later options win: the user's follow these defaults
  exec "$java_bin" -Xmx512m -cp "$PWD/tools/benchmark/target/classes:$(cat tools/benchmark/target/benchmark.classpath)" \
    org.saferkent.simulator.SimulatorMain --count 10000 --rate 10 --case-work --kill-every 500 "${args[@]:1}"
fi
exec "$java_bin" -Xmx768m -Djava.awt.headless=true -Dsaferkent.repo="$PWD" \
  -cp "$PWD/tools/benchmark/target/classes:$(cat tools/benchmark/target/benchmark.classpath)" \
  org.saferkent.benchmark.BenchmarkMain ${args[@]+"${args[@]}"}
