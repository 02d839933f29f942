#!/usr/bin/env bash
# make bench: the operator's scale benchmark (docs/benchmarks.md). Packages the operator if needed,
# starts the local control plane (hack/cluster-up.sh; reuses a running one), installs the CRDs, then
# runs OperatorBenchmark: the operator as its own JVM (the chart's memory limit and heap setting)
# against an in-process ARM simulator with ARM's throttling. Not part of make test.
# Usage: hack/bench.sh [pairings=1000] [subscriptions=10] [timeScale=1] [steadySeconds=300]
#                      [bumps=50] [massFailover=100] [jvm="-XX:..."]
# Output: BENCH lines on stdout and in target/bench/report.txt; the operator's log in
# target/bench/operator.log.
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ ! -f target/quarkus-app/quarkus-run.jar || ! -f target/runtime-classpath.txt \
  || ! -f target/test-classes/dev/geodr/servicebus/bench/OperatorBenchmark.class ]]; then
  echo "[bench] building the operator and the test classes ..." >&2
  ./mvnw -B -q -DskipTests package >&2
  ./mvnw -B -q -DskipTests test-compile >&2
fi

eval "$(hack/cluster-up.sh)"
kubectl_bin="$(dirname "$KUBECONFIG")/bin/kubectl"
# Every kind's CRD: the operator starts an informer per kind and is not ready without all of them.
# shellcheck source=lib/crds.sh
source hack/lib/crds.sh
mapfile -t crds < <(crd_resources crds)
"$kubectl_bin" apply --server-side -k crds/ >/dev/null
wait_established "$kubectl_bin" "${crds[@]}" >/dev/null

mkdir -p target/bench
exec java -Xmx1g \
  -cp "target/test-classes:target/classes:$(cat target/runtime-classpath.txt)" \
  dev.geodr.servicebus.bench.OperatorBenchmark "$@"
