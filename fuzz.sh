#!/usr/bin/env bash
# Sends hostile requests (malformed, oversized, wrongly typed, injection-looking) to every operation of the committed
# OpenAPI documents of a running stack (./run-local.sh), with tokens that get them past the access rules, then tells
# the answers by status, any 5xx, the slowest requests, and whether any service database holds a document more.
# ./fuzz.sh --help for options.
#   ./fuzz.sh --requests 10000 --seed 1
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
classpath_file=tools/simulator/target/simulator.classpath
if [[ ! -f "$classpath_file" || "${1:-}" != "--no-build" ]]; then
  ./mvnw -B -q -DskipTests package -pl tools/simulator -am
fi
[[ "${1:-}" == "--no-build" ]] && shift
exec java -cp "$PWD/tools/simulator/target/classes:$(cat "$classpath_file")" org.saferkent.simulator.fuzz.FuzzMain "$@"
