#!/usr/bin/env bash
# Fails when the committed CRDs (crds/) differ from the ones generated from the Java model: a changed
# CRD, a generated one that is not committed, a committed one that is no longer generated, or
# crds/kustomization.yaml not listing exactly the CRD files.
# Assumes a prior `./mvnw -B -DskipTests package` (or any build that ran the package phase).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=lib/crds.sh
source hack/lib/crds.sh

GENERATED_DIR=target/kubernetes
FIX="./mvnw -B -DskipTests package && hack/update-crds.sh, then commit crds/"

mapfile -t generated < <(crd_files "$GENERATED_DIR")
mapfile -t committed < <(crd_files crds)
if [[ ${#generated[@]} -eq 0 ]]; then
  echo "error: no CRD in $GENERATED_DIR: run ./mvnw -B -DskipTests package before this check" >&2
  exit 2
fi

status=0
for crd in "${generated[@]}"; do
  if [[ ! -f crds/$crd ]]; then
    echo "error: crds/$crd is missing. Fix: $FIX" >&2
    status=1
  elif ! diff -u --label "crds/$crd (committed)" --label "$GENERATED_DIR/$crd (generated)" \
      "crds/$crd" "$GENERATED_DIR/$crd"; then
    echo >&2
    echo "error: crds/$crd differs from the CRD generated from src/main/java/dev/geodr/servicebus/api/v1alpha1." >&2
    echo "Fix: $FIX" >&2
    status=1
  fi
done
for crd in "${committed[@]}"; do
  if [[ ! -f $GENERATED_DIR/$crd ]]; then
    echo "error: crds/$crd is no longer generated (a kind removed or renamed?). Fix: $FIX" >&2
    status=1
  fi
done

listed="$(sed -n 's/^- *//p' crds/kustomization.yaml | LC_ALL=C sort)"
if [[ "$listed" != "$(printf '%s\n' "${generated[@]}")" ]]; then
  echo "error: crds/kustomization.yaml resources ($(echo "$listed" | paste -sd' ')) are not the generated CRDs (${generated[*]}). Fix: $FIX" >&2
  status=1
fi

[[ $status -eq 0 ]] && echo "ok: crds/ matches the ${#generated[@]} generated CRDs (${generated[*]})"
exit "$status"
