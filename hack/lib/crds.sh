# shellcheck shell=bash
# The CRD files of the operator, one per kind, as the quarkus-operator-sdk build names them
# (<plural>.<group>-v1.yml). Sourced by update-crds.sh, check-crd-drift.sh and check-chart-crd.sh so
# that a new kind is picked up by all three without editing them.
#
# crd_files DIR: prints the CRD file names (base names, sorted) found in DIR, one a line.
crd_files() {
  local f
  for f in "$1"/*.servicebus.geodr.dev-v1.yml; do
    [[ -f $f ]] && basename "$f"
  done | LC_ALL=C sort
}

# crd_resources DIR: "crd/<name>" for every CRD file in DIR (<name>-v1.yml), one a line, for
# kubectl get/wait/delete, e.g. kubectl wait --for=condition=Established $(crd_resources crds).
crd_resources() {
  crd_files "$1" | sed 's/-v1\.yml$//; s|^|crd/|'
}
