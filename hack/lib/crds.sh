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
