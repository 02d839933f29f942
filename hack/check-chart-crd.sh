#!/usr/bin/env bash
# Fails when the chart's copies of the CRDs (charts/servicebus-geodr-operator/crds/) are not
# byte-identical to the repository's crds/ (which itself is checked against the Java model by
# check-crd-drift.sh), one file per kind. Needs no build. Helm only installs CRDs from a chart's own
# crds/ directory, hence copies.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=lib/crds.sh
source hack/lib/crds.sh

CHART_DIR=charts/servicebus-geodr-operator/crds
FIX="hack/update-crds.sh (or cp crds/*-v1.yml $CHART_DIR/), then commit it"

mapfile -t repo_crds < <(crd_files crds)
[[ ${#repo_crds[@]} -gt 0 ]] || { echo "error: no CRD in crds/" >&2; exit 2; }

status=0
for crd in "${repo_crds[@]}"; do
  if [[ ! -f $CHART_DIR/$crd ]]; then
    echo "error: $CHART_DIR/$crd is missing. Fix: $FIX" >&2
    status=1
  elif ! cmp -s "crds/$crd" "$CHART_DIR/$crd"; then
    diff -u --label "crds/$crd" --label "$CHART_DIR/$crd" "crds/$crd" "$CHART_DIR/$crd" >&2 || true
    echo "error: $CHART_DIR/$crd differs from crds/$crd. Fix: $FIX" >&2
    status=1
  fi
done
# Nothing else may sit next to them: Helm would install any other file there as a CRD too.
while IFS= read -r -d '' f; do
  name="$(basename "$f")"
  if [[ " ${repo_crds[*]} " != *" $name "* ]]; then
    echo "error: unexpected file in the chart's crds/: $f" >&2
    status=1
  fi
done < <(find "$CHART_DIR" -type f -print0)

[[ $status -eq 0 ]] && echo "ok: $CHART_DIR holds exactly crds/'s ${#repo_crds[@]} CRDs (${repo_crds[*]})"
exit "$status"
