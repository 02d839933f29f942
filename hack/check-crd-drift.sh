#!/usr/bin/env bash
# Fails when the committed CRD (crds/) differs from the one generated from the Java model.
# Assumes a prior `./mvnw -B -DskipTests package` (or any build that ran the package phase).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CRD=servicebusgeopairings.servicebus.geodr.dev-v1.yml
GENERATED=target/kubernetes/$CRD
COMMITTED=crds/$CRD
FIX="./mvnw -B -DskipTests package && hack/update-crds.sh, then commit $COMMITTED"

if [[ ! -f $GENERATED ]]; then
  echo "error: $GENERATED does not exist: run ./mvnw -B -DskipTests package before this check" >&2
  exit 2
fi
if [[ ! -f $COMMITTED ]]; then
  echo "error: $COMMITTED is missing. Fix: $FIX" >&2
  exit 1
fi
if ! diff -u --label "$COMMITTED (committed)" --label "$GENERATED (generated)" "$COMMITTED" "$GENERATED"; then
  echo >&2
  echo "error: $COMMITTED differs from the CRD generated from src/main/java/dev/geodr/servicebus/api/v1alpha1." >&2
  echo "Fix: $FIX" >&2
  exit 1
fi
echo "ok: $COMMITTED matches the generated CRD"
