#!/usr/bin/env bash
# `make run`: the operator against the current kubeconfig's cluster.
#  - no Azure settings: the ARM simulator runs embedded (seeded from examples/simulator/seed.yaml, time
#    scale 0.05 so a 90 s pairing takes 4.5 s), honouring SIMULATOR_PORT, SIMULATOR_TIME_SCALE, SIMULATOR_SEED;
#  - SIMULATOR_URL=https://127.0.0.1:<port>/ (+ SIMULATOR_CERT=<pem>): use an already running `make simulator`;
#  - AZURE_CLIENT_ID / AZURE_TENANT_ID / GEODR_ARM_ENDPOINT set: talk to Azure through DefaultAzureCredential.
set -euo pipefail
cd "$(dirname "$0")/.."
source hack/lib/loopback-direct.sh

if [[ ! -f target/quarkus-app/quarkus-run.jar ]]; then
  ./mvnw -B -q -DskipTests package
fi
# Every kind's CRD (crds/kustomization.yaml lists them): the operator watches each kind and is not
# ready until all of them are served.
source hack/lib/crds.sh
kubectl apply -k crds/
mapfile -t crds < <(crd_resources crds)
wait_established kubectl "${crds[@]}"

if [[ -n "${SIMULATOR_URL:-}" ]]; then
  if [[ -z "${SIMULATOR_CERT:-}" ]]; then
    echo "SIMULATOR_URL is set: also set SIMULATOR_CERT to the certificate path 'make simulator' printed" >&2
    exit 2
  fi
  echo "operator → running simulator at ${SIMULATOR_URL}"
elif [[ -n "${AZURE_CLIENT_ID:-}${AZURE_TENANT_ID:-}${GEODR_ARM_ENDPOINT:-}" ]]; then
  echo "operator → Azure (DefaultAzureCredential)"
else
  export SIMULATOR_ENABLED=true
  export SIMULATOR_SEED="${SIMULATOR_SEED:-examples/simulator/seed.yaml}"
  export SIMULATOR_TIME_SCALE="${SIMULATOR_TIME_SCALE:-0.05}"
  echo "operator → embedded ARM simulator (seed ${SIMULATOR_SEED}, time scale ${SIMULATOR_TIME_SCALE})"
fi
# JAVA_OPTS holds several JVM options in one string (the usual convention): split it into words on purpose.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar
