#!/usr/bin/env bash
# Copies the CRDs that `./mvnw package` generated from the annotated Java model
# (dev.geodr.servicebus.api.v1alpha1), one per kind, into crds/, where they are committed and read by
# deploy/ (crds/kustomization.yaml lists them), and into the Helm chart's crds/ (Helm installs CRDs
# only from the chart itself; hack/check-chart-crd.sh checks the copies). A CRD that is no longer
# generated (a kind removed) is deleted from both.
#
#   hack/update-crds.sh           # after ./mvnw -B -DskipTests package
#   hack/update-crds.sh --build   # runs that package first
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=lib/crds.sh
source hack/lib/crds.sh

GENERATED_DIR=target/kubernetes
CHART_DIR=charts/servicebus-geodr-operator/crds

if [[ "${1:-}" == "--build" ]]; then
  ./mvnw -B -q -DskipTests package
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--build]" >&2
  exit 2
fi

mapfile -t generated < <(crd_files "$GENERATED_DIR")
if [[ ${#generated[@]} -eq 0 ]]; then
  echo "error: no CRD in $GENERATED_DIR; run ./mvnw -B -DskipTests package first (or $0 --build)" >&2
  exit 1
fi

mkdir -p crds "$CHART_DIR"
for crd in "${generated[@]}"; do
  for dest in "crds/$crd" "$CHART_DIR/$crd"; do
    if cmp -s "$GENERATED_DIR/$crd" "$dest"; then
      echo "$dest is up to date"
    else
      cp "$GENERATED_DIR/$crd" "$dest"
      echo "updated $dest from $GENERATED_DIR/$crd; commit it"
    fi
  done
done

# Kinds that are no longer generated.
for dir in crds "$CHART_DIR"; do
  while read -r crd; do
    [[ " ${generated[*]} " == *" $crd "* ]] && continue
    rm -- "$dir/$crd"
    echo "removed $dir/$crd (not generated any more); commit it"
  done < <(crd_files "$dir")
done

# crds/kustomization.yaml: its resources are exactly the CRD files.
{
  sed '/^resources:/,$d' crds/kustomization.yaml
  echo "resources:"
  printf -- '- %s\n' "${generated[@]}"
} > crds/kustomization.yaml.new
if cmp -s crds/kustomization.yaml.new crds/kustomization.yaml; then
  rm crds/kustomization.yaml.new
  echo "crds/kustomization.yaml is up to date"
else
  mv crds/kustomization.yaml.new crds/kustomization.yaml
  echo "updated crds/kustomization.yaml; commit it"
fi
