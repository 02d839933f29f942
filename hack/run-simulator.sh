#!/usr/bin/env bash
# Runs the ARM geo-DR simulator standalone in the foreground (no Quarkus); Ctrl-C stops it.
# Configuration comes from the environment: SIMULATOR_PORT (8443), SIMULATOR_CLOCK=manual,
# SIMULATOR_TIME_SCALE, SIMULATOR_SEED, SIMULATOR_STRICT_AUTH, SIMULATOR_CERT_DIR (docs/simulator.md).
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ ! -d target/classes/dev/geodr/servicebus/simulator || ! -f target/runtime-classpath.txt ]]; then
  echo "building (target/classes is missing) ..." >&2
  ./mvnw -B -q -DskipTests package >&2
fi

exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/classes:$(cat target/runtime-classpath.txt)" \
  dev.geodr.servicebus.simulator.SimulatorMain "$@"
