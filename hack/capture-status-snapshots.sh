#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions called indirectly (trap)
# Regenerates src/test/resources/status-snapshots/: `kubectl get sbgp <name> -o json` from a real
# kube-apiserver in each phase a ServiceBusGeoPairing goes through, written by the real operator
# against the ARM simulator, plus expected.json, which says what Argo CD's health check
# (deploy/argocd/health.lua) and kstatus (sigs.k8s.io/cli-utils) should make of each one.
# hack/test-argocd-health.sh and hack/test-kstatus.sh check those expectations.
#
# How each phase is reached (one control plane in target/status-capture/cluster; the simulator runs
# standalone so the operator can be stopped and started while "Azure" keeps its state):
#   no-status                 orders applied before any operator runs (status defaulted to {observedGeneration: 0})
#   pairing-accepted          operator started; ARM shows the alias Accepted (Reconciling/Pairing)
#   ready                     both sides Succeeded (Ready/Paired)
#   failing-over              failoverRequested 0 -> 1, failover POSTed, ARM still Accepted (Reconciling/FailingOver)
#   failed-over               the alias lives on orders-neu alone (Stalled/FailedOver)
#   invalid-spec              a pairing whose primary namespace does not exist (Stalled/InvalidSpec)
#   generation-ahead          operator stopped, orders-fail-forward.yaml applied: generation 3, observedGeneration 2
#   ready-after-fail-forward  operator started again; re-paired orders-neu -> orders-frc (Ready/Paired)
#   deleting                  inventory (deletionPolicy Delete) deleted; finalizer held while ARM breaks the pairing
#
# Needs: jq, curl, java; the control-plane binaries (hack/kube-binaries.sh builds them).
# Environment: CAPTURE_TIME_SCALE (simulator seconds per real second, default 0.2, slow enough to
# catch the transient phases with 1 s operator polls), CAPTURE_TIMEOUT (per phase, default 180 s).
# Takes about two minutes. Stops everything it started on exit.
set -euo pipefail

LO_TAG=capture
LO_T0=$SECONDS
LO_RUN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/status-capture"
# shellcheck source=hack/lib/local-operator.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/local-operator.sh"
OUT="$REPO_ROOT/src/test/resources/status-snapshots"
TIMEOUT="${CAPTURE_TIMEOUT:-180}"
SCALE="${CAPTURE_TIME_SCALE:-0.2}"
OP_LOG="$LO_RUN_DIR/operator.log"
SIM_LOG="$LO_RUN_DIR/simulator.log"
NS_PREFIX=/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/geodr-demo/providers/Microsoft.ServiceBus/namespaces

for tool in jq curl java setsid; do command -v "$tool" >/dev/null || die "'$tool' is required"; done
mkdir -p "$LO_RUN_DIR" "$OUT"
exec 7>"$LO_RUN_DIR/.lock"
if command -v flock >/dev/null && ! flock -n 7; then die "another capture is running ($LO_RUN_DIR/.lock)"; fi

cleanup() {
  set +e
  trap '' PIPE INT TERM
  stop_operator "$OP_LOG"
  stop_simulator
  stop_cluster
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wait_for <object> <jq predicate> <what>: poll until the object satisfies the predicate (jq -e on
# `kubectl get -o json`); leaves that output in $JSON.
wait_for() {
  local obj="$1" pred="$2" what="$3" deadline=$(( SECONDS + TIMEOUT ))
  while :; do
    if JSON="$(kc get sbgp "$obj" -o json 2>/dev/null)" && jq -e "$pred" >/dev/null 2>&1 <<<"$JSON"; then
      return 0
    fi
    (( SECONDS < deadline )) || die "timed out after ${TIMEOUT}s waiting for $what of $obj; last: $(describe "$(summaries "$obj")")"
    sleep 0.25
  done
}

# capture <object> <snapshot name> <jq predicate>: wait_for, then save exactly that output.
capture() {
  wait_for "$1" "$3" "phase $2"
  printf '%s\n' "$JSON" >"$OUT/$2.json"
  say "captured $2.json: $(describe "$(summaries "$1")")"
}

# jq predicates: observed at the current generation and a condition True with a reason
cond() { # cond <type> <reason>
  printf '(.status.observedGeneration == .metadata.generation) and any(.status.conditions[]?; .type == "%s" and .status == "True" and .reason == "%s")' "$1" "$2"
}

start_sim_operator() {
  start_operator "$OP_LOG"
  wait_operator_ready "$HTTP_PORT" "$OP_LOG" 120
}

step "control plane, CRDs, operator build"
stop_stale_operator
rm -f "$OUT"/*.json
start_cluster
install_crd
ensure_operator_built

step "ARM simulator (standalone, time scale $SCALE)"
SIM_PORT="$(pick_port SIMULATOR_PORT "" 28443)"
SIMULATOR_PORT="$SIM_PORT" SIMULATOR_TIME_SCALE="$SCALE" SIMULATOR_SEED="$REPO_ROOT/examples/simulator/seed.yaml" \
  start_simulator
say "$(grep -m1 'ARM simulator listening on' "$SIM_LOG")"

HTTP_PORT="$(pick_port QUARKUS_HTTP_PORT "" 28080)"
export QUARKUS_HTTP_PORT="$HTTP_PORT" QUARKUS_HTTP_HOST=127.0.0.1
export SIMULATOR_URL="$SIM_URL" SIMULATOR_CERT="$SIM_CERT"
# The first poll after a pairing PUT waits 70 s by default: longer than the whole Accepted phase at
# this time scale, so pairing-accepted could never be captured.
export GEODR_POLL_FAST=1s GEODR_POLL_PENDING=2s GEODR_POLL_FIRST_AFTER_PAIRING=2s
unset SIMULATOR_ENABLED AZURE_CLIENT_ID AZURE_TENANT_ID GEODR_ARM_ENDPOINT

step "no operator yet: a fresh object"
kc apply -f "$REPO_ROOT/examples/pairing.yaml" -f "$REPO_ROOT/examples/pairing-delete-policy.yaml" | indent
capture orders no-status '((.status.observedGeneration // 0) == 0) and (.status.conditions == null) and .metadata.generation == 1'

step "operator started: pairing"
start_sim_operator
capture orders pairing-accepted "$(cond Reconciling Pairing) and .status.provisioningState == \"Accepted\""
capture orders ready "$(cond Ready Paired)"

step "another cluster's copy: the same pairing with a writer that is not this operator"
# This operator has no geodr.cluster-name, so it observes every pairing that names a writer.
kc apply -f - <<EOF | indent
apiVersion: servicebus.geodr.dev/v1alpha1
kind: ServiceBusGeoPairing
metadata:
  name: orders-observed
spec:
  alias: orders
  primaryNamespace: $NS_PREFIX/orders-weu
  partnerNamespace: $NS_PREFIX/orders-neu
  writerCluster: west
EOF
capture orders-observed observer-ready "$(cond Ready Paired) and .status.mode == \"Observer\""
kc delete sbgp orders-observed --wait=true | indent

step "failover"
kc apply -f "$REPO_ROOT/examples/failover/orders-failover.yaml" | indent
capture orders failing-over "$(cond Reconciling FailingOver) and .status.failover.inFlight.phase == \"Issued\""
capture orders failed-over "$(cond Stalled FailedOver)"

step "a spec only the operator can refuse: a primary namespace that does not exist"
kc apply -f - <<EOF | indent
apiVersion: servicebus.geodr.dev/v1alpha1
kind: ServiceBusGeoPairing
metadata:
  name: missing-namespace
spec:
  alias: missing
  primaryNamespace: $NS_PREFIX/orders-gone
  partnerNamespace: $NS_PREFIX/orders-frc
EOF
capture missing-namespace invalid-spec "$(cond Stalled InvalidSpec)"

step "operator stopped; spec changed: generation ahead of observedGeneration"
stop_operator "$OP_LOG"
say "operator stopped"
kc apply -f "$REPO_ROOT/examples/failover/orders-fail-forward.yaml" | indent
capture orders generation-ahead '.metadata.generation == 3 and .status.observedGeneration == 2'

step "operator started again: it follows the new spec"
start_sim_operator
capture orders ready-after-fail-forward "$(cond Ready Paired) and .metadata.generation == 3"

step "deleting a pairing with deletionPolicy Delete"
wait_for inventory "$(cond Ready Paired)" "Ready"   # it must be paired before it is deleted
kc delete sbgp inventory --wait=false | indent
capture inventory deleting '(.metadata.deletionTimestamp != null) and any(.status.conditions[]?; .type == "Reconciling" and .status == "True" and .reason == "Deleting")'

# --- expected.json ---------------------------------------------------------------------------------
# What we intend each snapshot to mean. The Argo CD message is taken from the condition the health
# check must quote (or is the fixed "waiting for the operator" text); kstatus is the library's
# verdict we expect. Where kstatus does not do what we would want, "kstatusIntended" says so.
step "expected.json"
entry() { # entry <name> <phase> <argocd status> <message source: Ready|Reconciling|Stalled|generation> <kstatus> [kstatusIntended note]
  local f="$OUT/$1.json"
  jq -c --arg file "$1.json" --arg phase "$2" --arg argo "$3" --arg src "$4" --arg ks "$5" \
     --arg intended "${6:-}" --arg note "${7:-}" '
    { file: $file, phase: $phase,
      argocd: { status: $argo,
                message: (if $src == "generation"
                          then "waiting for the operator to observe generation \(.metadata.generation)"
                          else (.status.conditions[] | select(.type == $src) | .message) end) },
      kstatus: $ks }
    + (if $intended != "" then { kstatusIntended: $intended, note: $note } else {} end)' "$f"
}
{
  entry no-status "created, no operator has seen it yet (the CRD defaults status to observedGeneration 0)" Progressing generation InProgress
  entry pairing-accepted "pairing requested; ARM shows the alias Accepted" Progressing Reconciling InProgress
  entry ready "paired: Primary/Succeeded with the partner as Secondary" Healthy Ready Current
  entry observer-ready "the same pairing seen by an observer (spec.writerCluster names another cluster): Ready, mode Observer, never a write" Healthy Ready Current
  entry failing-over "failoverRequested bumped; failover POSTed on the partner; ARM still Accepted" Progressing Reconciling InProgress
  entry failed-over "failover done: the alias lives on the partner alone; a person must update the spec" Degraded Stalled Failed
  entry invalid-spec "primaryNamespace names a namespace that does not exist (InvalidSpec)" Degraded Stalled Failed
  entry generation-ahead "spec changed while the operator was stopped: generation 3, observedGeneration 2" Progressing generation InProgress
  entry ready-after-fail-forward "operator restarted, re-paired orders-neu -> orders-frc" Healthy Ready Current
  entry deleting "deleted with deletionPolicy Delete; the finalizer holds it while ARM breaks the pairing" Progressing Reconciling Terminating
} | jq -s '{
  description: "Status snapshots of ServiceBusGeoPairing objects, each `kubectl get sbgp <name> -o json` from kube-apiserver with the operator running against the ARM simulator. Regenerate with hack/capture-status-snapshots.sh. argocd: what deploy/argocd/health.lua must return (hack/test-argocd-health.sh); kstatus: what sigs.k8s.io/cli-utils status.Compute must return (hack/test-kstatus.sh).",
  snapshots: . }' >"$OUT/expected.json"
jq -r '.snapshots[] | "    \(.file): argocd \(.argocd.status), kstatus \(.kstatus)"' "$OUT/expected.json"
say "wrote $(find "$OUT" -name '*.json' ! -name expected.json | wc -l) snapshots and expected.json to ${OUT#"$REPO_ROOT"/}/ in $(( SECONDS - LO_T0 )) s"
