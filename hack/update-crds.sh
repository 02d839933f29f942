#!/usr/bin/env bash
# Copies the CRD that `./mvnw package` generated from the annotated Java model
# (dev.geodr.servicebus.api.v1alpha1) into crds/, where it is committed and read by deploy/.
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
