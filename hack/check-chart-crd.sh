#!/usr/bin/env bash
# Fails when the chart's copy of the CRD (charts/servicebus-geodr-operator/crds/) is not byte-identical
# to the repository's crds/ (which itself is checked against the Java model by check-crd-drift.sh).
# Needs no build. Helm only installs CRDs from a chart's own crds/ directory, hence a copy.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CRD=servicebusgeopairings.servicebus.geodr.dev-v1.yml
REPO_CRD=crds/$CRD
CHART_CRD=charts/servicebus-geodr-operator/crds/$CRD
FIX="cp $REPO_CRD $CHART_CRD, then commit it"

[[ -f $REPO_CRD ]] || { echo "error: $REPO_CRD is missing" >&2; exit 2; }
[[ -f $CHART_CRD ]] || { echo "error: $CHART_CRD is missing. Fix: $FIX" >&2; exit 1; }
if ! cmp -s "$REPO_CRD" "$CHART_CRD"; then
  diff -u --label "$REPO_CRD" --label "$CHART_CRD" "$REPO_CRD" "$CHART_CRD" >&2 || true
  echo "error: $CHART_CRD differs from $REPO_CRD. Fix: $FIX" >&2
  exit 1
fi
# Nothing else may sit next to it: Helm would install any other file there as a CRD too.
extra="$(find "$(dirname "$CHART_CRD")" -type f ! -name "$CRD")"
if [[ -n $extra ]]; then
  echo "error: unexpected files in the chart's crds/: $extra" >&2
  exit 1
fi
echo "ok: $CHART_CRD is identical to $REPO_CRD"
