#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions called indirectly (trap, wait_for predicates)
# `make demo SCENARIO=outage` (or `make demo-outage`): one writer per pairing across two clusters, and
# the outage of the writer's region. No Docker, no Azure account.
#
#  1. one standalone ARM simulator (hack/run-simulator.sh) on a fast clock, with two Premium
#     namespaces: orders-weu (westeurope) and orders-neu (northeurope)
#  2. two local control planes, `west` and `east` (hack/cluster-up.sh in target/demo-outage/west and
#     target/demo-outage/east), the CRDs in both
#  3. an operator in each (GEODR_CLUSTER_NAME=west / east), both against the one simulator
#  4. the SAME manifest applied to both clusters, as one Git repo feeding both would: a
#     ServiceBusGeoPairing with writerCluster: west. West writes and turns Ready, east observes
#  5. the outage: westeurope unreachable in the simulator, west's operator stopped and west's control
#     plane frozen (SIGSTOP): west can no longer act
#  6. the handover commit, applied to east only: writerCluster east, failoverMode Forced,
#     failoverRequested 0 -> 1. East fails over; exactly one failover POST since the handover
#  7. the region returns: westeurope reachable, west's control plane thawed with the stale spec still
#     stored, a fresh operator in west. It writes nothing (ARM shows the failover); then the current
#     manifest is applied to west too, and west turns Observer
#  8. a summary (failover POSTs, mutating calls after west's return, calls per cluster by User-Agent)
# Ctrl-C (or any exit) stops both operators, both control planes and the simulator.
#
# Usage: hack/demo-outage.sh [--once]
#   --once, DEMO_NONINTERACTIVE=1 or CI=true: exit after the summary; the exit code says whether every
#   step did what it should.
# Environment (all optional): SIMULATOR_TIME_SCALE (default 0.05), DEMO_TIMEOUT (seconds per step,
# default 180), DEMO_MVN_FLAGS (extra Maven flags if a build is needed), GEODR_POLL_* (demo defaults
# fast 1s, pending 2s, first after pairing 3s, steady 3s).
# Needs: curl, java, jq, setsid, git; the control-plane binaries (hack/kube-binaries.sh builds them).
set -euo pipefail

LO_TAG=outage
LO_T0=$SECONDS
LO_RUN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/demo-outage"
# shellcheck source=hack/lib/local-operator.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/local-operator.sh"
demo_args "$@"
RUN_ROOT="$LO_RUN_DIR"
REL_RUN_DIR="${RUN_ROOT#"$REPO_ROOT"/}"
STEP_TIMEOUT="${DEMO_TIMEOUT:-180}"
CLUSTERS=(west east)
SUB=00000000-0000-0000-0000-000000000000
RG=geodr-outage
NS_PREFIX="/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.ServiceBus/namespaces"

for tool in curl java jq setsid git; do command -v "$tool" >/dev/null || die "'$tool' is required"; done
mkdir -p "$RUN_ROOT"
exec 7>"$RUN_ROOT/.demo.lock"
if command -v flock >/dev/null && ! flock -n 7; then
  die "another hack/demo-outage.sh is running in this work tree (lock $RUN_ROOT/.demo.lock)"
fi

# --- two clusters through one library --------------------------------------------------------------
# The library keeps one control plane and one operator in LO_RUN_DIR, OP_PID and CLUSTER_STARTED;
# `on <cluster> <command...>` points those (and KUBECONFIG, KUBECTL) at one cluster's directory for
# one command and keeps that cluster's operator pid and started flag between calls.
declare -A OP_PIDS=() STARTED=() HTTP_PORTS=()
on() {
  local c="$1" rc=0
  shift
  LO_RUN_DIR="$RUN_ROOT/$c"
  CLUSTER_DIR="$LO_RUN_DIR/cluster"
  export KUBECONFIG="$CLUSTER_DIR/kubeconfig" KUBECTL="$CLUSTER_DIR/bin/kubectl"
  OP_PID="${OP_PIDS[$c]:-}"
  CLUSTER_STARTED="${STARTED[$c]:-0}"
  "$@" || rc=$?
  OP_PIDS[$c]="$OP_PID"
  STARTED[$c]="$CLUSTER_STARTED"
  LO_RUN_DIR="$RUN_ROOT"
  return "$rc"
}

# freeze <cluster> STOP|CONT: signal that cluster's etcd and kube-apiserver (the pids cluster-up.sh
# recorded, only when their command line names that cluster's directory, as cluster-down.sh checks).
FROZEN=""
freeze() {
  local dir="$RUN_ROOT/$1/cluster" name pid
  for name in kube-apiserver etcd; do
    pid="$(cat "$dir/$name.pid" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dir"; then
      kill "-$2" "$pid"
    else
      die "no $name of $1 to signal"
    fi
  done
  if [[ "$2" == STOP ]]; then FROZEN="$1"; else FROZEN=""; fi
}

cleanup() {
  [[ -z "$FROZEN" ]] || { say "thawing $FROZEN's control plane so it can be stopped"; (freeze "$FROZEN" CONT); }
  local c
  for c in "${CLUSTERS[@]}"; do
    if [[ -n "${OP_PIDS[$c]:-}" ]]; then
      say "stopping $c's operator (pid ${OP_PIDS[$c]})"
      on "$c" stop_operator
    fi
    if [[ "${STARTED[$c]:-0}" == 1 ]]; then
      say "stopping $c's control plane"
      on "$c" stop_cluster
    fi
  done
  if [[ -n "$SIM_PID" ]]; then
    say "stopping the ARM simulator (pid $SIM_PID)"
    stop_simulator
  fi
  say "stopped; logs kept in $REL_RUN_DIR/"
}
cleanup_on_exit cleanup

# --- looking at the clusters and at "Azure" ----------------------------------------------------------
# get <cluster> <jq filter>: the filter over `kubectl get sbgp orders -o json` in that cluster.
get() { on "$1" kc get sbgp orders -o json 2>/dev/null | jq -r "$2"; }
# holds <cluster> <jq predicate>: whether orders in that cluster satisfies it.
holds() { on "$1" kc get sbgp orders -o json 2>/dev/null | jq -e "$2" >/dev/null 2>&1; }
# a jq predicate: observed at the current generation, mode $1, condition $2 True (with reason $3)
state() {
  printf '.status.observedGeneration == .metadata.generation and .status.mode == "%s" and any(.status.conditions[]?; .type == "%s" and .status == "True"%s)' \
    "$1" "$2" "${3:+ and .reason == \"$3\"}"
}

declare -A LAST_TABLE=()
# show <cluster>: `kubectl get sbgp -o wide` there when it changed (OBSERVED and AGE, the last two
# columns, move every second), then the Ready, Stalled or Reconciling verdict that is True.
show() {
  local table key verdict
  # The verdict first, the table second: the table is never older than the line printed under it.
  verdict="$(get "$1" 'first(.status.conditions[]? | select(.status == "True" and .type != "FailoverReady") | "\(.type) (\(.reason)): \(.message)") // "no status yet"')"
  table="$(on "$1" kc get sbgp -o wide 2>&1)" || true
  key="$(awk '{ $NF = ""; $(NF - 1) = ""; print }' <<<"$table")$verdict"
  [[ "${LAST_TABLE[$1]:-}" != "$key" ]] || return 0
  LAST_TABLE[$1]="$key"
  say "$1 \$ kubectl get sbgp -o wide"
  indent <<<"$table"
  say "  $1: $verdict"
}

operators_alive() {
  local c
  for c in "${CLUSTERS[@]}"; do
    [[ -z "${OP_PIDS[$c]:-}" ]] || on "$c" operator_alive || {
      tail -n 30 "$RUN_ROOT/$c/operator.log" | indent >&2; die "$c's operator exited (log above)"; }
  done
}

# wait_for <what> <clusters to show> <command...>: show those clusters every second until the command
# succeeds; fail after STEP_TIMEOUT or when an operator dies.
wait_for() {
  local what="$1" shown="$2" deadline=$(( SECONDS + STEP_TIMEOUT )) t=$SECONDS c
  shift 2
  while :; do
    for c in $shown; do show "$c"; done
    "$@" && break
    operators_alive
    (( SECONDS < deadline )) || die "timed out after ${STEP_TIMEOUT}s waiting until $what (logs in $REL_RUN_DIR/)"
    sleep 1
  done
  say "$what after $(( SECONDS - t )) s"
}

# The simulator's call log, as JSON. last_seq: the seq of the latest ARM call (0 when none).
calls() { sim simulator/calls || die "cannot read the simulator's call log"; }
last_seq() { calls | jq '[.calls[].seq] | max // 0'; }
# Mutating: anything but a read. listKeys is a POST that only reads the alias keys (an observer may
# send it for a connection Secret; this demo asks for none).
MUTATING='select(.method != "GET" and .method != "HEAD" and .operation != "listKeys")'
UA_CLUSTER='(((.userAgent // "") | capture("\\(cluster (?<c>[a-z0-9-]+)\\)") | .c) // "(none)")'
has_user_agent() { calls | jq -e 'any(.calls[]; has("userAgent"))' >/dev/null; }
# count_since <seq> <jq filter over one call>: how many calls after seq match it.
count_since() { calls | jq --argjson s "$1" "[.calls[] | select(.seq > \$s) | $2] | length"; }
# by_cluster [seq]: calls per cluster named in the User-Agent (all, mutating), since seq.
by_cluster() {
  calls | jq -r --argjson s "${1:-0}" "[.calls[] | select(.seq > \$s)] | group_by($UA_CLUSTER)[]
    | \"cluster \(.[0] | $UA_CLUSTER): \(length) ARM calls, \([.[] | $MUTATING] | length) mutating\""
}

# --- the one Git repo feeding both clusters -----------------------------------------------------------
GIT_DIR_DEMO="$RUN_ROOT/git"
# commit <message> <writerCluster> <failoverMode> <failoverRequested>: orders.yaml as the repo holds it
commit() {
  cat >"$GIT_DIR_DEMO/orders.yaml" <<EOF
apiVersion: servicebus.geodr.dev/v1alpha1
kind: ServiceBusGeoPairing
metadata:
  name: orders
spec:
  alias: orders
  primaryNamespace: $NS_PREFIX/orders-weu
  partnerNamespace: $NS_PREFIX/orders-neu
  writerCluster: $2
  failoverMode: $3
  failoverRequested: $4
EOF
  git -C "$GIT_DIR_DEMO" add orders.yaml
  git -C "$GIT_DIR_DEMO" -c user.name=demo -c user.email=demo@localhost commit -q -m "$1"
}
# sync <cluster>: what Argo CD or Flux would do there: apply the repo's HEAD.
sync() {
  say "$1 \$ kubectl apply -f orders.yaml   (git $(git -C "$GIT_DIR_DEMO" rev-parse --short HEAD): $(git -C "$GIT_DIR_DEMO" log -1 --format=%s))"
  on "$1" kc apply -f "$GIT_DIR_DEMO/orders.yaml" | indent
}

# --- 1. simulator ----------------------------------------------------------------------------------
step "1/8 one ARM simulator for both clusters (standalone, hack/run-simulator.sh)"
for c in "${CLUSTERS[@]}"; do on "$c" stop_stale_operator; done
ensure_operator_built
SIM_PORT="$(pick_port SIMULATOR_PORT "${SIMULATOR_PORT:-}" 8443)"
export SIMULATOR_TIME_SCALE="${SIMULATOR_TIME_SCALE:-0.05}"
unset SIMULATOR_SEED
SIMULATOR_PORT="$SIM_PORT" start_simulator
say "simulator at $SIM_URL, time scale $SIMULATOR_TIME_SCALE (a forced failover's 80 simulated seconds take $(awk -v s="$SIMULATOR_TIME_SCALE" 'BEGIN { printf "%g", 80 * s }') s)"
sim_put "simulator/namespaces/$SUB/$RG/orders-weu" '{"location":"westeurope","sku":"Premium"}' >/dev/null \
  || die "cannot create orders-weu in the simulator"
sim_put "simulator/namespaces/$SUB/$RG/orders-neu" '{"location":"northeurope","sku":"Premium"}' >/dev/null \
  || die "cannot create orders-neu in the simulator"
say "Premium namespaces: orders-weu (westeurope), orders-neu (northeurope)"

# --- 2. control planes -------------------------------------------------------------------------------
step "2/8 two local control planes, west and east, with the CRDs"
for c in "${CLUSTERS[@]}"; do
  STARTED[$c]=1
  on "$c" start_cluster
  say "$c: kube-apiserver at $(sed -n 's/^API_SERVER_URL=//p' "$RUN_ROOT/$c/cluster/env"), kubeconfig ${REL_RUN_DIR}/$c/cluster/kubeconfig"
  on "$c" install_crd
done

# --- 3. operators --------------------------------------------------------------------------------------
step "3/8 an operator in each cluster, GEODR_CLUSTER_NAME=west / east, both against the one simulator"
export SIMULATOR_URL="$SIM_URL" SIMULATOR_CERT="$SIM_CERT" QUARKUS_HTTP_HOST=127.0.0.1
export GEODR_POLL_FAST="${GEODR_POLL_FAST:-1s}" GEODR_POLL_PENDING="${GEODR_POLL_PENDING:-2s}"
export GEODR_POLL_FIRST_AFTER_PAIRING="${GEODR_POLL_FIRST_AFTER_PAIRING:-3s}" GEODR_POLL_STEADY="${GEODR_POLL_STEADY:-3s}"
unset SIMULATOR_ENABLED SIMULATOR_SEED AZURE_CLIENT_ID AZURE_TENANT_ID GEODR_ARM_ENDPOINT GEODR_CLUSTER_NAME
HTTP_PORTS[west]="$(pick_port QUARKUS_HTTP_PORT "" 8080)"
HTTP_PORTS[east]="$(pick_port QUARKUS_HTTP_PORT "" 8081)"
[[ "${HTTP_PORTS[west]}" != "${HTTP_PORTS[east]}" ]] || HTTP_PORTS[east]="$(pick_port QUARKUS_HTTP_PORT "" 28081)"
# start_cluster_operator <cluster>: that cluster's operator, named after it, log <cluster>/operator.log
start_cluster_operator() {
  GEODR_CLUSTER_NAME="$1" QUARKUS_HTTP_PORT="${HTTP_PORTS[$1]}" on "$1" start_operator "$RUN_ROOT/$1/operator.log"
}
for c in "${CLUSTERS[@]}"; do start_cluster_operator "$c"; done
for c in "${CLUSTERS[@]}"; do
  on "$c" wait_operator_ready "${HTTP_PORTS[$c]}" "$RUN_ROOT/$c/operator.log" 180
  say "$c's operator ready (health http://127.0.0.1:${HTTP_PORTS[$c]}/q/health, log $REL_RUN_DIR/$c/operator.log): $(grep -m1 -o 'cluster [a-z0-9-]*: this operator writes.*' "$RUN_ROOT/$c/operator.log" || echo '?')"
done

# --- 4. the same manifest in both clusters -------------------------------------------------------
step "4/8 one Git repo feeds both clusters: orders with writerCluster: west"
rm -rf "$GIT_DIR_DEMO"
git init -q "$GIT_DIR_DEMO"
commit "orders: pair orders-weu with orders-neu; west writes" west Safe 0
indent <"$GIT_DIR_DEMO/orders.yaml"
for c in "${CLUSTERS[@]}"; do sync "$c"; done
writer_and_observer() { holds west "$(state Writer Ready Paired)" && holds east "$(state Observer Ready)"; }
wait_for "west writes (Writer, Ready) and east observes (Observer, Ready)" "west east" writer_and_observer
say "east, FailoverReady: $(get east '.status.conditions[] | select(.type == "FailoverReady") | "\(.status) (\(.reason)): \(.message)"')"
say "east, status.failover.lastHandledRequest: $(get east '.status.failover.lastHandledRequest')   (the survivor has seen the object: the handover will be a new request)"

# --- 5. the outage -----------------------------------------------------------------------------------
step "5/8 the outage: westeurope down, west's operator and control plane gone"
say "\$ curl -X POST ${SIM_URL}simulator/faults -d '{\"regionUnreachable\":\"westeurope\"}'"
sim_post simulator/faults '{"regionUnreachable":"westeurope"}' >/dev/null || die "cannot set the regionUnreachable fault"
say "stopping west's operator (pid ${OP_PIDS[west]})"
on west stop_operator
say "freezing west's etcd and kube-apiserver (SIGSTOP): the cluster keeps its stored spec and answers nobody"
freeze west STOP
wait_for "east sees the primary unreachable" east \
  holds east '.status.primary.reachable == false or any(.status.conditions[]?; (.message // "") | test("unreachable"; "i"))'

# --- 6. handover -------------------------------------------------------------------------------------
step "6/8 the handover commit, synced to the survivor only (east)"
commit "orders: hand over to east and fail over (Forced; westeurope is down)" east Forced 1
git -C "$GIT_DIR_DEMO" show --format='commit %h %s' HEAD | indent
HANDOVER_SEQ="$(last_seq)"
T_HANDOVER=$SECONDS
sync east
wait_for "east reports the failover Succeeded" east \
  holds east '.status.failover.last.outcome == "Succeeded" and .status.failover.last.request == 1'
FAILOVER_TIME=$(( SECONDS - T_HANDOVER ))
say "east, status.failover.last: $(get east '.status.failover.last | "\(.outcome) (request \(.request), \(.mode), \(.from | split("/") | last) -> \(.to | split("/") | last)): \(.message // "")"')"
FAILOVERS="$(count_since "$HANDOVER_SEQ" 'select(.operation == "failover")')"
FAILOVERS_OK="$(count_since "$HANDOVER_SEQ" 'select(.operation == "failover" and .status == 200)')"
say "simulator call log since the handover: $FAILOVERS failover POST(s), $FAILOVERS_OK answered 200"
[[ "$FAILOVERS" == 1 && "$FAILOVERS_OK" == 1 ]] \
  || die "expected exactly one failover POST since the handover: $(calls | jq -c --argjson s "$HANDOVER_SEQ" '[.calls[] | select(.seq > $s and .operation == "failover")]')"

# --- 7. the region returns ---------------------------------------------------------------------------
step "7/8 the region returns: westeurope reachable, west's control plane thawed with its stale spec, a fresh operator"
sim_post simulator/faults '{"regionReachable":"westeurope"}' >/dev/null || die "cannot clear the regionUnreachable fault"
freeze west CONT
say "west's stored spec (stale: the handover commit never reached it): $(get west '.spec | "writerCluster \(.writerCluster), failoverMode \(.failoverMode), failoverRequested \(.failoverRequested)"')"
RETURN_SEQ="$(last_seq)"
start_cluster_operator west
on west wait_operator_ready "${HTTP_PORTS[west]}" "$RUN_ROOT/west/operator.log" 180
say "west's operator ready again"
wait_for "west, still the writer by its stale spec, sees the failover in ARM" west \
  holds west "$(state Writer Stalled FailedOver)"
say "watching west for 10 s more: any write it would send shows in the simulator's call log"
for _ in $(seq 1 10); do show west; sleep 1; done
# check_west_writes <when>: the mutating ARM calls since west's return, from cluster west by the
# User-Agent when the simulator records it, else from anyone (then east's would count too: none are
# expected, east waits for the fail-forward commit). Leaves the count in WEST_WRITES; fails unless 0.
check_west_writes() {
  local all
  all="$(count_since "$RETURN_SEQ" "$MUTATING")"
  if has_user_agent; then
    WHOSE="from cluster west (by User-Agent)"
    WEST_WRITES="$(count_since "$RETURN_SEQ" "$MUTATING | select($UA_CLUSTER == \"west\")")"
    all="; from any cluster: $all"
  else
    WHOSE="from any cluster (the User-Agent is not recorded by this simulator)"
    WEST_WRITES="$all"
    all=""
  fi
  say "mutating ARM calls $WHOSE since west's return, $1: $WEST_WRITES$all"
  [[ "$WEST_WRITES" == 0 ]] || die "west wrote after its return: $(calls | jq -c --argjson s "$RETURN_SEQ" "[.calls[] | select(.seq > \$s) | $MUTATING]")"
}
check_west_writes "with the stale spec"
sync west
wait_for "west turns Observer with the current spec" west holds west "$(state Observer Stalled)"
sleep 3
check_west_writes "after the current spec reached it too"
LAST_TABLE=()
show west
show east

# --- 8. summary ----------------------------------------------------------------------------------------
step "8/8 summary"
say "wall time: $(( SECONDS - LO_T0 )) s (the failover: $FAILOVER_TIME s from the handover to Succeeded)"
say "failover POSTs since the handover: $FAILOVERS (exactly one)"
say "mutating ARM calls $WHOSE after west's return: $WEST_WRITES"
if has_user_agent; then
  say "ARM calls per cluster, by the User-Agent (e.g. \"$(calls | jq -r 'first(.calls[] | .userAgent // empty)')\"), whole run:"
  by_cluster 0 | indent
  say "since the handover:"
  by_cluster "$HANDOVER_SEQ" | indent
else
  say "ARM calls per cluster by User-Agent: not recorded by this simulator (no userAgent in /simulator/calls)"
fi
say "west: mode $(get west .status.mode), east: mode $(get east .status.mode), active namespace $(get east .status.activeNamespaceName)"
say "next: the fail-forward commit (primaryNamespace orders-neu, partnerNamespace a new empty namespace; docs/multi-cluster.md)"

cat <<EOF

Keep playing (in another terminal):
    export KUBECONFIG=$RUN_ROOT/east/cluster/kubeconfig      # or .../west/cluster/kubeconfig
    alias kubectl=$RUN_ROOT/east/cluster/bin/kubectl
    kubectl get sbgp -o wide
    kubectl get sbgp orders -o jsonpath='{.status.failover}'
    curl --cacert $SIM_CERT ${SIM_URL}simulator/calls
    git -C $GIT_DIR_DEMO log --oneline
Operators: logs $REL_RUN_DIR/west/operator.log and $REL_RUN_DIR/east/operator.log
EOF

if (( ONCE )); then
  say "non-interactive run: stopping everything"
  exit 0
fi
echo "Press Ctrl-C to stop both operators, both control planes and the simulator."
while operators_alive; do sleep 1; done
