#!/usr/bin/env bash
# Plays Kent's partner agencies against a running stack (./run-local.sh): Kent-shaped referrals, then
# (--case-work) victims' and RJ case work and the partner teams' answers in their inboxes, over the real
# HTTP APIs. ./simulator.sh --help for options.
#   ./simulator.sh --count 500 --rate 20 --seed 7 --case-work
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
classpath_file=tools/simulator/target/simulator.classpath
if [[ ! -f "$classpath_file" || "${1:-}" != "--no-build" ]]; then
  ./mvnw -B -q -DskipTests package -pl tools/simulator -am
fi
[[ "${1:-}" == "--no-build" ]] && shift
exec java -cp "$PWD/tools/simulator/target/classes:$(cat "$classpath_file")" org.saferkent.simulator.SimulatorMain "$@"
