#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions called indirectly (trap, watch_until predicates)
# `make demo`: the whole product on this machine, without a cluster or an Azure account.
#
#  1. a local control plane (etcd + kube-apiserver, hack/cluster-up.sh) in target/demo/cluster
#  2. the CRDs (ServiceBusGeoPairing, ServiceBusGeoReplication: the operator watches both)
#  3. the operator (built if needed), with the embedded ARM simulator seeded from
#     examples/simulator/seed.yaml on a fast clock; log in target/demo/operator.log
#  4. kubectl apply -f examples/pairing*.yaml  -> three Geo-DR pairings go Ready
#  5. a failover of "orders" (examples/failover/orders-failover.yaml): FailingOver, then the
#     FailedOver guidance, and the simulator's count of failover POSTs (exactly one)
#  6. the re-pair (examples/failover/orders-fail-forward.yaml) -> Ready again
#  7. Geo-Replication: kubectl apply -f examples/georeplication.yaml (and -synchronous.yaml): the
#     operator adds the North Europe replica of the plain Premium namespaces shipping and ledger -> Ready
#  8. lag: the simulator's publish rate on shipping is raised above its drain rate; kubectl get sbgr
#     and the simulator's own figure
#  9. a planned promotion of shipping (examples/georeplication/promote-planned.yaml): Succeeded, roles
#     swapped (PRIMARY northeurope, SECONDARY westeurope), exactly one accepted promotion POST
# 10. how to keep playing; then it waits. Ctrl-C (or any exit) stops the operator and the control plane.
#
# Usage: hack/demo.sh [--once]
#   --once, DEMO_NONINTERACTIVE=1 or CI=true: exit after step 9 (for CI and tests); the exit code
#   says whether every step did what it should.
# Environment (all optional):
#   QUARKUS_HTTP_PORT     the operator's health/metrics port (default 8080 if free, else a free one)
#   SIMULATOR_PORT        the ARM simulator's HTTPS port (default 8443 if free, else a free one)
#   SIMULATOR_TIME_SCALE  real seconds per simulated second (default 0.05: a 90 s pairing takes 4.5 s)
#   GEODR_POLL_FAST, GEODR_POLL_PENDING, GEODR_POLL_FIRST_AFTER_PAIRING  operator poll intervals
#                         (demo defaults 1s, 2s and 3s; the product's are 10s, 30s and 60s, which
#                         suit real ARM, not a 20x clock)
#   GEODR_GEOREPLICATION_POLL_FAST, GEODR_GEOREPLICATION_POLL_PENDING, GEODR_GEOREPLICATION_POLL_STEADY
#                         the same for ServiceBusGeoReplication (demo defaults 1s, 2s and 2s; the
#                         product's are 10s, 30s and 5m). A running ARM operation is polled at its
#                         Retry-After instead (the simulator sends 10 s, not scaled)
#   DEMO_TIMEOUT          seconds each step may take (default 180)
#   DEMO_MVN_FLAGS        extra Maven flags if a build is needed (e.g. -o)
set -euo pipefail

LO_TAG=demo
LO_T0=$SECONDS
# shellcheck source=hack/lib/local-operator.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/local-operator.sh"
demo_args "$@"
STEP_TIMEOUT="${DEMO_TIMEOUT:-180}"
OP_LOG="$LO_RUN_DIR/operator.log"
REL_RUN_DIR="${LO_RUN_DIR#"$REPO_ROOT"/}"

for tool in curl java setsid; do command -v "$tool" >/dev/null || die "'$tool' is required"; done

mkdir -p "$LO_RUN_DIR"
# One demo per work tree at a time: a second one would wipe the first one's control plane.
exec 7>"$LO_RUN_DIR/.demo.lock"
if command -v flock >/dev/null && ! flock -n 7; then
  die "another hack/demo.sh is running in this work tree (lock $LO_RUN_DIR/.demo.lock)"
fi

cleanup() {
  if [[ -n "$OP_PID" ]]; then
    say "stopping the operator (pid $OP_PID)"
    stop_operator "$OP_LOG"
  fi
  if (( CLUSTER_STARTED )); then
    say "stopping the control plane"
    stop_cluster
  fi
  say "stopped; logs kept in $REL_RUN_DIR/"
}
cleanup_on_exit cleanup

# --- watching ------------------------------------------------------------------------------------
# shellcheck disable=SC2034  # both are read and written through print_changes' namerefs
declare -A LAST_DESC=()
# shellcheck disable=SC2034  # likewise
LAST_TABLE_KEY=""

# reset_shown <table key var> [descriptions var]: show the table (and the descriptions) again next
# time, even when unchanged.
# shellcheck disable=SC2034  # the namerefs write the caller's variables
reset_shown() {
  local -n key_ref="$1"
  key_ref=""
  if (( $# > 1 )); then
    local -n desc_ref="$2"
    desc_ref=()
  fi
}

# show_changes [name...]: prints `kubectl get sbgp` when it changed (ignoring OBSERVED and AGE) and one line per
# pairing whose state changed. Leaves the summaries in $SUMMARY.
# shellcheck disable=SC2120  # watch_with passes it names
show_changes() {
  # Summaries first, table second: the table is never older than the lines printed under it.
  SUMMARY="$(summaries "$@" || true)"
  print_changes sbgp $'\t' describe LAST_TABLE_KEY LAST_DESC "$SUMMARY" "$@"
}

# print_changes <kind> <separator> <describe fn> <table key var> <descriptions var> <summary lines>
# [name...]: the table when it changed (ignoring OBSERVED and AGE, the last two columns, ages that
# move every second), then each object's description lines when they changed. Both kinds.
print_changes() {
  local kind="$1" sep="$2" describer="$3" lines="$6" table key line name desc d
  local -n last_key="$4" last_desc="$5"
  shift 6
  table="$(kc get "$kind" "$@" 2>&1)" || true
  key="$(awk '{ $NF = ""; $(NF - 1) = ""; print }' <<<"$table")"
  if [[ "$key" != "$last_key" ]]; then
    last_key="$key"
    say "\$ kubectl get $kind${*:+ $*}"
    indent <<<"$table"
  fi
  while IFS= read -r line; do
    [[ -n "$line" ]] || continue
    name="${line%%"$sep"*}"
    desc="$("$describer" "$line")"
    if [[ "${last_desc["$name"]:-}" != "$desc" ]]; then
      last_desc["$name"]="$desc"
      while IFS= read -r d; do say "  $d"; done <<<"$desc"
    fi
  done <<<"$lines"
}

# watch_with <show> <summary variable> <what> <predicate> [name...]: run <show> every second until
# <predicate> "${summary}" succeeds; fail after STEP_TIMEOUT or if the operator dies. Any kind.
watch_with() {
  local show="$1" summary="$2" what="$3" pred="$4"; shift 4
  local deadline=$(( SECONDS + STEP_TIMEOUT )) t=$SECONDS
  while :; do
    "$show" "$@"
    if "$pred" "${!summary}"; then
      say "$what after $(( SECONDS - t )) s"
      return 0
    fi
    operator_alive || { tail -n 30 "$OP_LOG" | indent >&2; die "the operator exited (log above)"; }
    (( SECONDS < deadline )) || die "timed out after ${STEP_TIMEOUT}s waiting until $what (operator log: $OP_LOG)"
    sleep 1
  done
}

# watch_until <what> <predicate> [name...]: watch_with for ServiceBusGeoPairings.
watch_until() { watch_with show_changes SUMMARY "$@"; }

all_ready() { # all_ready <summaries>: three pairings, each Ready at its current generation
  local n=0 line
  while IFS= read -r line; do
    [[ -n "$line" ]] || continue
    is_state "$line" Ready || return 1
    n=$(( n + 1 ))
  done <<<"$1"
  (( n == 3 ))
}
orders_failed_over() { is_state "$(grep -P '^orders\t' <<<"$1" || true)" Stalled FailedOver; }
orders_ready() { is_state "$(grep -P '^orders\t' <<<"$1" || true)" Ready; }

# --- watching a ServiceBusGeoReplication -----------------------------------------------------------
# One line per ServiceBusGeoReplication, fields separated by US (\037, not whitespace, so `read`
# keeps empty fields, which tabs would merge):
#   name generation observedGeneration Ready Reconciling Stalled PromotionReady
#   verdict (reason: message of Stalled, else Reconciling, else Ready) PromotionReady message
GR_JSONPATH='{range .items[*]}{.metadata.name}{"\t"}{.metadata.generation}{"\t"}{.status.observedGeneration}{"\t"}{.status.conditions[?(@.type=="Ready")].status}{"\t"}{.status.conditions[?(@.type=="Reconciling")].status}{"\t"}{.status.conditions[?(@.type=="Stalled")].status}{"\t"}{.status.conditions[?(@.type=="PromotionReady")].status}{"\t"}{.status.conditions[?(@.type=="Stalled")].reason}{"\t"}{.status.conditions[?(@.type=="Stalled")].message}{"\t"}{.status.conditions[?(@.type=="Reconciling")].reason}{"\t"}{.status.conditions[?(@.type=="Reconciling")].message}{"\t"}{.status.conditions[?(@.type=="Ready")].reason}{"\t"}{.status.conditions[?(@.type=="Ready")].message}{"\t"}{.status.conditions[?(@.type=="PromotionReady")].message}{"\n"}{end}'
GR_SUMMARY=""
# shellcheck disable=SC2034  # read and written through print_changes' namerefs
declare -A GR_LAST_DESC=()
# shellcheck disable=SC2034  # likewise
GR_LAST_TABLE_KEY=""

# gr_describe <line>: "name: <state> (<reason>): <message>" and, on a second line, PromotionReady.
gr_describe() {
  local name gen obs ready rec stalled pready sreason smsg rreason rmsg yreason ymsg pmsg
  IFS=$'\037' read -r name gen obs ready rec stalled pready sreason smsg rreason rmsg yreason ymsg pmsg <<<"$1"
  if [[ -z "$obs" ]]; then
    echo "$name: no status yet (waiting for the operator to see it)"; return
  elif [[ "$obs" != "$gen" ]]; then
    echo "$name: generation $gen not observed yet (the operator last acted on $obs)"; return
  elif [[ "$stalled" == True ]]; then
    echo "$name: Stalled ($sreason): $smsg"
  elif [[ "$rec" == True ]]; then
    echo "$name: Reconciling ($rreason): $rmsg"
  elif [[ "$ready" == True ]]; then
    echo "$name: Ready ($yreason): $ymsg"
  else
    echo "$name: $yreason: $ymsg"
  fi
  [[ -z "$pmsg" ]] || echo "$name: PromotionReady=$pready: $pmsg"
}

# gr_show [name...]: `kubectl get sbgr` when it changed (ignoring OBSERVED and AGE, the two last
# columns, which move every second) and the lines of gr_describe that changed.
gr_show() {
  local all
  all="$(kc get servicebusgeoreplications -o jsonpath="$GR_JSONPATH" 2>/dev/null | tr '\t' '\037' || true)"
  if (( $# )); then
    GR_SUMMARY="$(awk -F'\037' -v names=" $* " 'index(names, " " $1 " ") > 0' <<<"$all")"
  else
    GR_SUMMARY="$(sed '/^$/d' <<<"$all")"
  fi
  print_changes sbgr $'\037' gr_describe GR_LAST_TABLE_KEY GR_LAST_DESC "$GR_SUMMARY" "$@"
}

# gr_watch_until <what> <predicate> [name...]: watch_with for ServiceBusGeoReplications.
gr_watch_until() { watch_with gr_show GR_SUMMARY "$@"; }

gr_ready() { # gr_ready <summaries>: every line observed at its generation with Ready=True, and at least one
  local n=0 line name gen obs ready
  while IFS= read -r line; do
    [[ -n "$line" ]] || continue
    IFS=$'\037' read -r name gen obs ready _ <<<"$line"
    [[ -n "$obs" && "$obs" == "$gen" && "$ready" == True ]] || return 1
    n=$(( n + 1 ))
  done <<<"$1"
  (( n > 0 ))
}
shipping_promotion_ended() { # request 1 has an outcome in status.promotion.last
  [[ "$(kc get sbgr shipping -o jsonpath='{.status.promotion.last.request}')" == 1 ]]
}
shipping_swapped() {
  [[ "$(kc get sbgr shipping -o jsonpath='{.status.primaryLocation} {.status.secondaryLocation}')" == "northeurope westeurope" ]]
}

DEMO_SUB=00000000-0000-0000-0000-000000000000
DEMO_RG=geodr-demo
# json_field <name> <json>: the first value of "name" in compact JSON (numbers, booleans, strings)
json_field() { grep -o "\"$1\":\"\{0,1\}[^,\"}]*" <<<"$2" | head -n 1 | sed 's/^[^:]*:"\{0,1\}//'; }
# sim_geo <name>: "lagSeconds backlogMessages readOnly" of the simulator's own geo view of a namespace
sim_geo() {
  local v
  v="$(sim "simulator/georeplication/$DEMO_SUB/$DEMO_RG/$1")" || return 1
  echo "$(json_field lagSeconds "$v") $(json_field backlogMessages "$v") $(json_field readOnly "$v")"
}
sim_now() { json_field now "$(sim simulator/clock)"; }

# --- 1. control plane ----------------------------------------------------------------------------
step "1/9 local Kubernetes control plane (etcd + kube-apiserver, no nodes)"
stop_stale_operator
start_cluster
say "kube-apiserver v$K8S_VERSION at $API_SERVER_URL; kubectl: $KUBECTL"

# --- 2. CRD --------------------------------------------------------------------------------------
step "2/9 the CRDs (ServiceBusGeoPairing, ServiceBusGeoReplication)"
install_crd

# --- 3. operator ---------------------------------------------------------------------------------
step "3/9 the operator, with the embedded ARM simulator"
ensure_operator_built
HTTP_PORT="$(pick_port QUARKUS_HTTP_PORT "${QUARKUS_HTTP_PORT:-}" 8080)"
SIM_PORT="$(pick_port SIMULATOR_PORT "${SIMULATOR_PORT:-}" 8443)"
export QUARKUS_HTTP_PORT="$HTTP_PORT" QUARKUS_HTTP_HOST="${QUARKUS_HTTP_HOST:-127.0.0.1}"
export SIMULATOR_PORT="$SIM_PORT"
export SIMULATOR_SEED="${SIMULATOR_SEED:-examples/simulator/seed.yaml}"
export SIMULATOR_TIME_SCALE="${SIMULATOR_TIME_SCALE:-0.05}"
export SIMULATOR_CERT_DIR="$LO_RUN_DIR/simulator"   # a stable place for the certificate to trust
export GEODR_POLL_FAST="${GEODR_POLL_FAST:-1s}" GEODR_POLL_PENDING="${GEODR_POLL_PENDING:-2s}"
export GEODR_POLL_FIRST_AFTER_PAIRING="${GEODR_POLL_FIRST_AFTER_PAIRING:-3s}"
export GEODR_GEOREPLICATION_POLL_FAST="${GEODR_GEOREPLICATION_POLL_FAST:-1s}"
export GEODR_GEOREPLICATION_POLL_PENDING="${GEODR_GEOREPLICATION_POLL_PENDING:-2s}"
export GEODR_GEOREPLICATION_POLL_STEADY="${GEODR_GEOREPLICATION_POLL_STEADY:-2s}"
unset SIMULATOR_URL SIMULATOR_CERT AZURE_CLIENT_ID AZURE_TENANT_ID GEODR_ARM_ENDPOINT
say "simulator: seed $SIMULATOR_SEED, time scale $SIMULATOR_TIME_SCALE (a 90 s ARM pairing takes $(awk -v s="$SIMULATOR_TIME_SCALE" 'BEGIN { printf "%g", 90 * s }') s); operator polls every $GEODR_POLL_FAST while something is in flight"
say "starting the operator: health/metrics on http://127.0.0.1:$HTTP_PORT, simulator on https://127.0.0.1:$SIM_PORT, log $REL_RUN_DIR/operator.log"
t=$SECONDS
start_operator "$OP_LOG"
wait_operator_ready "$HTTP_PORT" "$OP_LOG" 120
SIM_LINE="$(grep -m1 'SimulatorLauncher.*ARM simulator listening on' "$OP_LOG" || true)"
SIM_URL="$(sed -n 's/.*listening on \(https:[^ ]*\) (certificate: .*/\1/p' <<<"$SIM_LINE")"
SIM_CERT="$(sed -n 's/.*(certificate: \(.*\))[[:space:]]*$/\1/p' <<<"$SIM_LINE")"
[[ -n "$SIM_URL" && -f "$SIM_CERT" ]] || die "the operator log does not say where the simulator listens ($OP_LOG)"
say "operator ready in $(( SECONDS - t )) s (GET /q/health/ready: UP); the simulator knows $(sim simulator/namespaces | grep -o '"name":"[^"]*-[a-z]*"' | wc -l) Service Bus namespaces"

# --- 4. pairings ---------------------------------------------------------------------------------
# Not `kubectl apply -f examples/`: that would also create the Geo-Replication examples, which step 7 shows.
step "4/9 kubectl apply -f examples/pairing.yaml -f examples/pairing-with-connection-secret.yaml -f examples/pairing-delete-policy.yaml   (orders, payments, inventory)"
kc apply -f "$REPO_ROOT/examples/pairing.yaml" -f "$REPO_ROOT/examples/pairing-with-connection-secret.yaml" \
  -f "$REPO_ROOT/examples/pairing-delete-policy.yaml" | indent
say "the operator PUTs each alias on its primary; ARM answers Accepted and the pairing completes in the background"
watch_until "all three pairings are Ready" all_ready

# --- 5. failover ---------------------------------------------------------------------------------
step "5/9 fail orders over: kubectl apply -f examples/failover/orders-failover.yaml   (spec.failoverRequested 0 -> 1)"
kc apply -f "$REPO_ROOT/examples/failover/orders-failover.yaml" | indent
reset_shown LAST_TABLE_KEY
watch_until "orders has failed over" orders_failed_over orders
IFS=$'\t' read -r L_OUTCOME L_REQ L_MODE L_FROM L_TO < <(kc get sbgp orders -o jsonpath='{.status.failover.last.outcome}{"\t"}{.status.failover.last.request}{"\t"}{.status.failover.last.mode}{"\t"}{.status.failover.last.from}{"\t"}{.status.failover.last.to}{"\n"}')
say "status.failover.last: outcome $L_OUTCOME (request $L_REQ, $L_MODE, ${L_FROM##*/} -> ${L_TO##*/})"
say "status.activeNamespace: $(kc get sbgp orders -o jsonpath='{.status.activeNamespaceName}')"
say "the Stalled condition tells a person what to do next:"
kc get sbgp orders -o jsonpath='{.status.conditions[?(@.type=="Stalled")].message}' | indent
echo
CALLS_JSON="$(sim 'simulator/calls?operation=failover')" || die "cannot read the simulator's call log"
if command -v jq >/dev/null; then
  FAILOVER_OK="$(jq '[.calls[] | select(.status == 200)] | length' <<<"$CALLS_JSON")"
  FAILOVER_ALL="$(jq '.calls | length' <<<"$CALLS_JSON")"
else
  FAILOVER_OK="$(grep -o '"status":200' <<<"$CALLS_JSON" | wc -l)"
  FAILOVER_ALL="$(grep -o '"operation":"failover"' <<<"$CALLS_JSON" | wc -l)"
fi
say "simulator call log: $FAILOVER_OK successful failover POST(s) ($FAILOVER_ALL in all) for one bump of failoverRequested"
if [[ "$FAILOVER_OK" != 1 || "$FAILOVER_ALL" != 1 ]]; then
  die "expected exactly one failover POST; the simulator logged: $CALLS_JSON"
fi
# Keep the guidance visible for a moment in an interactive run before the next step changes it.
(( ONCE )) || sleep 3

# --- 6. re-pair ----------------------------------------------------------------------------------
step "6/9 follow the new topology: kubectl apply -f examples/failover/orders-fail-forward.yaml"
say "primaryNamespace orders-weu -> orders-neu (where the alias lives now), partnerNamespace -> orders-frc (new, empty)"
kc apply -f "$REPO_ROOT/examples/failover/orders-fail-forward.yaml" | indent
reset_shown LAST_TABLE_KEY
watch_until "orders is Ready again, geo-replicated from orders-neu to orders-frc" orders_ready orders
reset_shown LAST_TABLE_KEY
# shellcheck disable=SC2119  # every pairing: no names
show_changes
CALLS_JSON="$(sim 'simulator/calls?operation=failover')"
FAILOVER_ALL="$(grep -o '"operation":"failover"' <<<"$CALLS_JSON" | wc -l)"
[[ "$FAILOVER_ALL" == 1 ]] || die "the re-pair caused another failover POST: $CALLS_JSON"
say "still exactly one failover POST in the simulator's call log"
# --- 7. Geo-Replication --------------------------------------------------------------------------
step "7/9 Geo-Replication: kubectl apply -f examples/georeplication.yaml -f examples/georeplication-synchronous.yaml"
say "shipping (asynchronous, lag up to 300 s) and ledger (synchronous) are plain Premium namespaces in westeurope;"
say "the operator adds their northeurope replica with one read-modify-write PUT of the namespace (5 simulated minutes)"
kc apply -f "$REPO_ROOT/examples/georeplication.yaml" -f "$REPO_ROOT/examples/georeplication-synchronous.yaml" | indent
gr_watch_until "shipping and ledger are geo-replicated and Ready" gr_ready
reset_shown GR_LAST_TABLE_KEY
gr_show

# --- 8. lag --------------------------------------------------------------------------------------
step "8/9 give shipping some lag: the simulator's publish rate above its drain rate"
GEO_ADMIN="simulator/georeplication/$DEMO_SUB/$DEMO_RG/shipping"
say "\$ curl -X PUT ${SIM_URL}$GEO_ADMIN/rates -d '{\"publishPerSecond\":150,\"drainPerSecond\":100}'"
sim_put "$GEO_ADMIN/rates" '{"publishPerSecond":150,"drainPerSecond":100}' >/dev/null || die "cannot set the simulator's rates"
# +50 messages per simulated second = +0.5 s of lag per simulated second: 10 s of lag per real second
# at time scale 0.05. Wait for about 60 s of lag, then publish as fast as it drains (a steady backlog).
deadline=$(( SECONDS + STEP_TIMEOUT ))
while :; do
  read -r SIM_LAG SIM_BACKLOG _ < <(sim_geo shipping) || die "cannot read the simulator's geo view of shipping"
  (( SIM_LAG >= 60 )) && break
  (( SECONDS < deadline )) || die "the simulator's lag of shipping did not reach 60 s"
  sleep 0.5
done
sim_put "$GEO_ADMIN/rates" '{"publishPerSecond":100,"drainPerSecond":100}' >/dev/null || die "cannot set the simulator's rates"
read -r SIM_LAG SIM_BACKLOG _ < <(sim_geo shipping)
say "the simulator's own figure: backlog $SIM_BACKLOG messages, lag $SIM_LAG s; now publishing 100/s = draining 100/s, so it stays"
# Give the operator a few steady polls to read Azure Monitor.
for _ in 1 2 3 4 5; do gr_show shipping; sleep 1; done
reset_shown GR_LAST_TABLE_KEY
gr_show shipping
IFS=$'\t' read -r OP_LAG OP_ASOF OP_ENTITY OP_LAGMSG < <(kc get sbgr shipping -o jsonpath='{.status.replicationLag.seconds}{"\t"}{.status.replicationLag.asOf}{"\t"}{.status.replicationLag.entity}{"\t"}{.status.replicationLag.message}{"\n"}')
say "status.replicationLag: ${OP_LAG:-none} s${OP_ENTITY:+ on $OP_ENTITY}${OP_ASOF:+ as of $OP_ASOF}${OP_LAGMSG:+ ($OP_LAGMSG)}; the simulator's clock says $(sim_now)"
if [[ "${OP_LAG:-}" != "$SIM_LAG" ]]; then
  say "why LAG is not the simulator's $SIM_LAG s: the operator asks Azure Monitor for the last five minutes by its own wall"
  say "clock, but this simulator's clock started at the operator's start and runs $(awk -v s="$SIMULATOR_TIME_SCALE" 'BEGIN { printf "%g", 1 / s }') times faster, so the"
  say "operator's window is simulated past, from before shipping was replicated (against Azure the two clocks agree)"
fi

# --- 9. planned promotion ------------------------------------------------------------------------
step "9/9 promote northeurope: kubectl apply -f examples/georeplication/promote-planned.yaml   (spec.promotionRequested 0 -> 1)"
kc apply -f "$REPO_ROOT/examples/georeplication/promote-planned.yaml" | indent
say "Planned: ARM makes shipping read-only (the simulator stops publishing), drains the backlog, then swaps the roles (5 simulated minutes)"
reset_shown GR_LAST_TABLE_KEY GR_LAST_DESC
gr_watch_until "the promotion of shipping has ended" shipping_promotion_ended shipping
IFS=$'\t' read -r P_OUTCOME P_REQ P_MODE P_MSG < <(kc get sbgr shipping -o jsonpath='{.status.promotion.last.outcome}{"\t"}{.status.promotion.last.request}{"\t"}{.status.promotion.last.mode}{"\t"}{.status.promotion.last.message}{"\n"}')
say "status.promotion.last: outcome $P_OUTCOME (request $P_REQ, $P_MODE): $P_MSG"
[[ "$P_OUTCOME" == Succeeded ]] || die "the planned promotion of shipping ended $P_OUTCOME, not Succeeded"
# The roles: wait until the status shows them swapped (the pass that saw the outcome wrote them).
gr_watch_until "shipping shows northeurope as primary and westeurope as secondary" shipping_swapped shipping
read -r SIM_LAG SIM_BACKLOG SIM_RO < <(sim_geo shipping)
say "the simulator's own figure after the swap: backlog $SIM_BACKLOG messages, lag $SIM_LAG s, read-only $SIM_RO (publishing 100/s = draining 100/s)"
[[ "$SIM_LAG" == 0 ]] || say "the simulator still shows lag $SIM_LAG s after the swap"
CALLS_JSON="$(sim 'simulator/calls?operation=namespaceFailover')" || die "cannot read the simulator's call log"
PROMOTE_OK="$(grep -o '"status":202' <<<"$CALLS_JSON" | wc -l)"
PROMOTE_ALL="$(grep -o '"operation":"namespaceFailover"' <<<"$CALLS_JSON" | wc -l)"
say "simulator call log: $PROMOTE_OK accepted promotion POST(s) (202; $PROMOTE_ALL in all) for one bump of promotionRequested"
[[ "$PROMOTE_OK" == 1 ]] || die "expected exactly one accepted promotion POST; the simulator logged: $CALLS_JSON"
say "demo steps finished in $(( SECONDS - LO_T0 )) s"

# --- keep playing ----------------------------------------------------------------------------------
cat <<EOF

Keep playing (in another terminal):
    export KUBECONFIG=$KUBECONFIG
    alias kubectl=$KUBECTL        # kubectl v$K8S_VERSION, matching the API server
    kubectl get sbgp
    kubectl get sbgp orders -o yaml
    kubectl patch sbgp payments --type=merge -p '{"spec":{"failoverRequested":1}}'   # fail payments over
    kubectl delete sbgp inventory     # deletionPolicy Delete: breaks the pairing and deletes the alias
    kubectl get sbgr shipping -o yaml
    kubectl patch sbgr shipping --type=merge -p '{"spec":{"promotionRequested":2}}'   # promote westeurope back
    kubectl patch sbgr ledger --type=merge -p '{"spec":{"promotionRequested":1,"promotionMode":"Forced"}}'   # forced, loses nothing (synchronous)

The ARM simulator (admin API, no auth; docs/simulator.md):
    URL:  $SIM_URL
    cert: $SIM_CERT
    curl --cacert $SIM_CERT ${SIM_URL}simulator/namespaces
    curl --cacert $SIM_CERT '${SIM_URL}simulator/calls?operation=failover'
    curl --cacert $SIM_CERT '${SIM_URL}simulator/calls?operation=namespaceFailover'
    curl --cacert $SIM_CERT ${SIM_URL}simulator/georeplication/$DEMO_SUB/$DEMO_RG/shipping
    curl --cacert $SIM_CERT ${SIM_URL}simulator/clock

Operator: log $OP_LOG, health http://127.0.0.1:$HTTP_PORT/q/health, metrics http://127.0.0.1:$HTTP_PORT/q/metrics
EOF

if (( ONCE )); then
  say "non-interactive run: stopping everything"
  exit 0
fi
echo "Press Ctrl-C to stop the operator and the control plane."
while operator_alive; do sleep 1; done
die "the operator exited on its own (log: $OP_LOG)"
