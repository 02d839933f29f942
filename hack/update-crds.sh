#!/usr/bin/env bash
# Copies the CRD that `./mvnw package` generated from the annotated Java model
# (dev.geodr.servicebus.api.v1alpha1) into crds/, where it is committed and read by deploy/, and into the
# Helm chart's crds/ (Helm installs CRDs only from the chart itself; hack/check-chart-crd.sh checks the copy).
#
#   hack/update-crds.sh           # after ./mvnw -B -DskipTests package
#   hack/update-crds.sh --build   # runs that package first
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CRD=servicebusgeopairings.servicebus.geodr.dev-v1.yml
GENERATED=target/kubernetes/$CRD

if [[ "${1:-}" == "--build" ]]; then
  ./mvnw -B -q -DskipTests package
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--build]" >&2
  exit 2
fi

if [[ ! -f $GENERATED ]]; then
  echo "error: $GENERATED does not exist; run ./mvnw -B -DskipTests package first (or $0 --build)" >&2
  exit 1
fi

mkdir -p crds
if cmp -s "$GENERATED" "crds/$CRD"; then
  echo "crds/$CRD is up to date"
else
  cp "$GENERATED" "crds/$CRD"
  echo "updated crds/$CRD from $GENERATED; commit it"
fi

CHART_CRD=charts/servicebus-geodr-operator/crds/$CRD
if cmp -s "crds/$CRD" "$CHART_CRD"; then
  echo "$CHART_CRD is up to date"
else
  cp "crds/$CRD" "$CHART_CRD"
  echo "updated $CHART_CRD from crds/$CRD; commit it"
fi
