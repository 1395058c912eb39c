#!/usr/bin/env bash
# Starts the whole SaferKent system on this machine, without Docker:
#   a real Apache Kafka broker (KRaft, its own child JVM), a MongoDB wire-protocol server (H2 file store)
#   and every service, each in its own Spring context inside one launcher JVM.
# Data and logs live under ./data (see --data-dir) and survive restarts. Ctrl-C stops everything.
#
#   ./run-local.sh                 build what is needed, then start
#   ./run-local.sh --no-build      start from the last build
#   ./run-local.sh --infra-only    only Kafka and MongoDB (run a service from the IDE against them)
#   ./run-local.sh --help          all options
#
# LOCAL_STACK_JAVA_OPTS replaces the launcher JVM's options (heap etc.); the broker's heap is --kafka-heap.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

build=true
launcher_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h|--help) [[ -f dev-stack/target/local-stack.classpath ]] && build=false; launcher_args+=("$arg") ;;
    *) launcher_args+=("$arg") ;;
  esac
done

classpath_file=dev-stack/target/local-stack.classpath
if $build; then
  echo "Building (./mvnw -q -DskipTests install -pl dev-stack -am)..."
  ./mvnw -B -q -DskipTests install -pl dev-stack -am
elif [[ ! -f "$classpath_file" ]]; then
  echo "No build found ($classpath_file): run without --no-build first." >&2
  exit 1
fi

java_bin=java
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi

# Six Spring contexts share one heap (about 50 MB live after start-up; the rest is headroom). A small
# initial heap keeps the resident size down (about 250 MB instead of 330 MB: the default initial heap is
# 1/64 of RAM); SerialGC and C1 only suit a 2-core, small-memory machine and start fastest.
# shellcheck disable=SC2206  # word splitting of the options is intended
java_opts=(${LOCAL_STACK_JAVA_OPTS:--Xms64m -Xmx640m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError})

# exec: the JVM replaces this shell, so Ctrl-C and SIGTERM reach the launcher's shutdown hook directly.
exec "$java_bin" "${java_opts[@]}" \
  -cp "$PWD/dev-stack/target/classes:$(cat "$classpath_file")" \
  org.saferkent.devstack.LocalStackMain ${launcher_args[@]+"${launcher_args[@]}"}
