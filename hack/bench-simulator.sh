#!/usr/bin/env bash
# Benchmark of the ARM simulator: loads N aliases (2N paired namespaces) and measures alias GETs per
# second over HTTPS on loopback, bounded by a request count and a time limit.
# Usage: hack/bench-simulator.sh [aliases=1000] [connections=4] [requests=30000] [seconds=30]
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ ! -f target/test-classes/dev/geodr/servicebus/simulator/SimulatorBenchmark.class || ! -f target/runtime-classpath.txt ]]; then
  echo "building test classes ..." >&2
  ./mvnw -B -q -DskipTests test-compile >&2
fi

exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Xmx512m \
  -cp "target/test-classes:target/classes:$(cat target/runtime-classpath.txt)" \
  dev.geodr.servicebus.simulator.SimulatorBenchmark "$@"
