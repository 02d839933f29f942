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

# wait_established KUBECTL CRD...: kubectl wait until every CRD is Established, at most 60 s.
# Retried while a CRD applied a moment ago has no status yet: kubectl wait then fails at once
# (".status.conditions accessor error") instead of waiting.
wait_established() {
  local client="$1" out deadline=$((SECONDS + 60))
  shift
  until out="$("$client" wait --for=condition=Established --timeout=60s "$@" 2>&1)"; do
    if [[ $out != *"accessor error"* ]] || (( SECONDS >= deadline )); then
      printf '%s\n' "$out" >&2
      return 1
    fi
    sleep 0.5
  done
  printf '%s\n' "$out"
}
