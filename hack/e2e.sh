#!/usr/bin/env bash
# End to end on a real node: the operator image (make image) runs as Pods installed by the Helm chart,
# against the ARM simulator on this machine, and is checked the way an SRE would check an install.
#   1. control plane advertising this machine's address + the local node (hack/node-up.sh), image loaded
#   2. the ARM simulator on this machine's address (the Pods dial it), its certificate in a Secret
#   3. helm install into a namespace that enforces Pod Security "restricted", replicas=2: Available
#   4. the example pairing turns Ready (the operator as a Pod, with only the chart's RBAC)
#   5. failoverRequested bumped, the leader Pod deleted at once: the other replica takes the Lease,
#      the request ends Succeeded, and the simulator's call log holds exactly one failover POST
#   5b. a ServiceBusGeoReplication promoted Planned, the leader Pod deleted while it polls ARM's
#      operation: the next leader polls the kept URL, exactly one promotion POST; deleted (Retain)
#   6. helm upgrade with a changed value rolls out; the new leader reconciles without any ARM write
#   7. every metric the chart's alert rules use is in a Pod's /q/metrics; the leader gauge tells the replicas apart
#   8. helm uninstall: the Retain pairing's alias is untouched in the simulator, no ARM write
# Prints each phase's time (docs/e2e.md records them). Starts from a fresh local cluster (a running
# one is stopped) and stops it at the end unless E2E_KEEP=1. Needs root (the node).
set -euo pipefail
HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HACK_DIR/.." && pwd)"
cd "$REPO_ROOT"
source "$HACK_DIR/lib/loopback-direct.sh"
source "$HACK_DIR/lib/crds.sh"
E2E_DIR="$REPO_ROOT/target/e2e"
NS=geodr-e2e
RELEASE=geodr
CHART=charts/servicebus-geodr-operator
LEASE=servicebus-geodr-operator-lease
WAIT="${E2E_WAIT_SECONDS:-180}"

log() { printf '[e2e] %s\n' "$*" >&2; }
passed=0
ok() { passed=$((passed + 1)); printf '[e2e] ok: %s\n' "$*" >&2; }
fail() {
  printf '[e2e] FAIL: %s\n' "$*" >&2
  dump_state >&2 || true
  echo "e2e: ${passed} passed, 1 failed"
  exit 1
}

rm -rf "$E2E_DIR"; mkdir -p "$E2E_DIR"
declare -a TIMINGS=()
phase_start=$SECONDS
timing() { TIMINGS+=("$(printf '%-52s %5d s' "$1" $((SECONDS - phase_start)))"); phase_start=$SECONDS; }
now_ms() { date +%s%3N; }

HOST_ADDR="$("$HACK_DIR/lib/host-address.sh")"
# The simulator on HOST_ADDR is on this machine: never through a developer's proxy.
export NO_PROXY="$NO_PROXY,$HOST_ADDR" no_proxy="$no_proxy,$HOST_ADDR"

# --- 1. image, tools, control plane, node -----------------------------------------------------------
[[ -f target/image/image.env ]] || "$HACK_DIR/build-image.sh"
# shellcheck source=/dev/null
source target/image/image.env
[[ -f "$IMAGE_TAR" ]] || fail "no image tarball $IMAGE_TAR (make image)"
TOOLS_BIN="$("$HACK_DIR/tools.sh" | sed -n 's/^TOOLS_BIN=//p' | tail -n 1)"
HELM="$TOOLS_BIN/helm"
[[ -x "$HELM" ]] || fail "hack/tools.sh did not provide helm"
timing "image and tools present"

# Always a fresh cluster: a kept one holds the last run's pairing (with its finalizer) and namespace.
if [[ -f target/cluster/env ]]; then
  log "stopping the running local cluster first"
  "$HACK_DIR/cluster-down.sh"
fi
cleanup() {
  if [[ -n "${SIM_PID:-}" ]]; then kill "$SIM_PID" 2>/dev/null || true; fi
  if [[ "${E2E_KEEP:-0}" != 1 ]]; then "$HACK_DIR/cluster-down.sh" || true; fi
}
trap cleanup EXIT
CLUSTER_ADVERTISE_ADDRESS="$HOST_ADDR" "$HACK_DIR/test-node.sh" >&2 || fail "the node does not run Pods (hack/test-node.sh)"
# shellcheck source=/dev/null
source target/cluster/env
kc() { "$KUBECTL" --kubeconfig "$KUBECONFIG" "$@"; }
timing "control plane + node up, node smoke test"
"$HACK_DIR/node-load-image.sh" "$IMAGE_TAR"
timing "operator image imported into the node"

dump_state() {
  kc get pods,deploy,lease -n "$NS" -o wide 2>/dev/null || true
  kc get sbgp -A -o wide 2>/dev/null || true
  for p in $(kc get pods -n "$NS" -o name 2>/dev/null); do
    echo "--- logs of $p (last 30 lines)"; kc logs -n "$NS" "$p" --tail 30 2>/dev/null || true
  done
}

# --- 2. the ARM simulator, where the Pods can dial it -------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/$HOST_ADDR/$1") 2>/dev/null; }
SIM_PORT=$(( 20000 + RANDOM % 12000 )); while port_in_use "$SIM_PORT"; do SIM_PORT=$((SIM_PORT + 1)); done
SIM_URL="https://$HOST_ADDR:$SIM_PORT/"
SIM_CERT="$E2E_DIR/simulator/simulator-cert.pem"
SIMULATOR_LISTEN_ADDRESS="$HOST_ADDR" SIMULATOR_SERVER_NAMES="$HOST_ADDR" SIMULATOR_PORT="$SIM_PORT" \
  SIMULATOR_CERT_DIR="$E2E_DIR/simulator" SIMULATOR_SEED=examples/simulator/seed.yaml \
  SIMULATOR_TIME_SCALE="${SIMULATOR_TIME_SCALE:-0.05}" \
  "$HACK_DIR/run-simulator.sh" >"$E2E_DIR/simulator.log" 2>&1 &
SIM_PID=$!
sim() { curl -sf --max-time 10 --cacert "$SIM_CERT" "$@"; }
deadline=$((SECONDS + WAIT))
until [[ -f "$SIM_CERT" ]] && sim "${SIM_URL}simulator/clock" >/dev/null 2>&1; do
  kill -0 "$SIM_PID" 2>/dev/null || { tail -20 "$E2E_DIR/simulator.log" >&2; fail "the simulator exited"; }
  (( SECONDS < deadline )) || fail "the simulator did not answer on $SIM_URL"
  sleep 0.5
done
ok "ARM simulator on $SIM_URL"
timing "ARM simulator up"

# calls <field>: from the simulator's call log, the count of failover POSTs ARM accepted (failovers),
# of accepted writes of any kind (writes), or the last sequence number (seq).
calls() {
  sim "${SIM_URL}simulator/calls" | python3 -c '
import json, sys
calls = json.load(sys.stdin)["calls"]
writes = {"put", "delete", "breakPairing", "failover"}
ok = [c for c in calls if 200 <= c["status"] < 300]
print({"failovers": sum(1 for c in ok if c["operation"] == "failover"),
       "writes": sum(1 for c in ok if c["operation"] in writes),
       "seq": max((c["seq"] for c in calls), default=0)}[sys.argv[1]])' "$1"
}
reads_after() { # reads_after <seq> [<RFC 3339 time>]: alias GETs after that call, and not before that time
  sim "${SIM_URL}simulator/calls" | python3 -c '
import json, sys
from datetime import datetime
def t(s): return datetime.fromisoformat(s.replace("Z", "+00:00"))
since = t(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] else None
print(sum(1 for c in json.load(sys.stdin)["calls"] if c["seq"] > int(sys.argv[1]) and c["operation"] == "get" and c["status"] == 200
          and (since is None or t(c["wallTime"]) >= since)))' "$@"
}

# --- 3. the chart, in a restricted namespace ----------------------------------------------------
kc create namespace "$NS" >/dev/null
kc label namespace "$NS" pod-security.kubernetes.io/enforce=restricted pod-security.kubernetes.io/enforce-version=latest >/dev/null
kc create secret generic simulator-cert -n "$NS" --from-file=simulator.pem="$SIM_CERT" >/dev/null
repo="${IMAGE%:*}"; tag="${IMAGE##*:}"
install_started=$SECONDS
"$HELM" install "$RELEASE" "$CHART" -n "$NS" --kubeconfig "$KUBECONFIG" \
  --set replicas=2 --set image.repository="$repo" --set image.tag="$tag" --set image.pullPolicy=Never \
  --set simulator.url="$SIM_URL" --set simulator.certSecret=simulator-cert \
  --set poll.firstAfterPairing=3s >"$E2E_DIR/helm-install.log" 2>&1 \
  || { cat "$E2E_DIR/helm-install.log" >&2; fail "helm install"; }
DEPLOY="$(kc get deploy -n "$NS" -o name)"
kc rollout status -n "$NS" "$DEPLOY" --timeout="${WAIT}s" >&2 || fail "the Deployment did not roll out"
kc wait -n "$NS" "$DEPLOY" --for=condition=Available --timeout="${WAIT}s" >/dev/null || fail "the Deployment is not Available"
[[ "$(kc get -n "$NS" "$DEPLOY" -o jsonpath='{.status.availableReplicas}')" == 2 ]] || fail "not 2 available replicas"
ok "helm install: $DEPLOY Available with 2 replicas in a restricted namespace ($((SECONDS - install_started)) s)"
[[ "$(kc get pdb -n "$NS" -o name | wc -l)" == 1 ]] || fail "no PodDisruptionBudget with replicas=2"
ok "a PodDisruptionBudget protects the 2 replicas"
timing "helm install -> Deployment Available (2 replicas)"

lease_holder() { kc get lease "$LEASE" -n "$NS" -o jsonpath='{.spec.holderIdentity}' 2>/dev/null || true; }
deadline=$((SECONDS + WAIT))
until [[ -n "$(lease_holder)" ]]; do (( SECONDS < deadline )) || fail "no replica took the Lease"; sleep 0.5; done

# --- 4. a pairing, reconciled by the Pod ---------------------------------------------------------
kc apply -n default -f examples/pairing.yaml >/dev/null
kc wait -n default sbgp/orders --for=condition=Ready --timeout="${WAIT}s" >/dev/null || fail "the pairing did not turn Ready"
ok "pairing orders Ready, reconciled by $(lease_holder)"
timing "example pairing Ready"

# Footprint of the Pods' JVMs, read from this machine's /proc (the node is this machine): measured and
# recorded in footprint.txt (docs/benchmarks.md), not asserted.
: >"$E2E_DIR/footprint.txt"
for pid in $(pgrep -f 'quarkus-run.jar|QuarkusEntryPoint' || true); do
  [[ -r "/proc/$pid/status" ]] || continue
  printf 'pid %s rss %s MB threads %s\n' "$pid" \
    "$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")" \
    "$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status")" >>"$E2E_DIR/footprint.txt"
done
for pod in $(kc get pods -n "$NS" -o name); do
  printf '%s %s\n' "$pod" "$(kc logs -n "$NS" "$pod" | grep -o 'started in [0-9.]*s' | head -1)" >>"$E2E_DIR/footprint.txt"
done
sed 's/^/[e2e] footprint: /' "$E2E_DIR/footprint.txt" >&2

# --- 5. failover bump, then the leader Pod deleted ----------------------------------------------
# lease_record: "<holder or -> <renewTime> <acquireTime> <leaseDurationSeconds>", times in epoch ms
lease_record() {
  kc get lease "$LEASE" -n "$NS" -o json 2>/dev/null | python3 -c '
import datetime, json, sys
s = json.load(sys.stdin)["spec"]
ms = lambda t: int(datetime.datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp() * 1000) if t else 0
print(s.get("holderIdentity") or "-", ms(s.get("renewTime")), ms(s.get("acquireTime")), s.get("leaseDurationSeconds", 0))'
}
leader="$(lease_holder)"
read -r _ _ _ leader_duration <<<"$(lease_record)"
failovers_before="$(calls failovers)"
[[ "$failovers_before" == 0 ]] || fail "failover POSTs before the bump: $failovers_before"
kc patch -n default sbgp/orders --type merge -p '{"spec":{"failoverRequested":1}}' >/dev/null
deleted_at=$(now_ms)
kc delete pod -n "$NS" "$leader" --wait=false >/dev/null
log "bumped failoverRequested to 1 and deleted the leader Pod $leader"
deadline=$((SECONDS + WAIT))
before_takeover="$(lease_record)"
until record="$(lease_record)" && holder="${record%% *}" && [[ "$holder" != - && "$holder" != "$leader" ]]; do
  (( SECONDS < deadline )) || fail "no other replica took the Lease from $leader"
  before_takeover="$record"
  sleep 0.2
done
takeover_ms=$(( $(now_ms) - deleted_at ))
ok "replica $holder took the Lease $(awk -v ms="$takeover_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s after the leader was deleted"
# Handed over, not expired: a Lease left to expire cannot be taken before its last renewal plus the
# leader's duration; a leader's shutdown releases it (holder cleared, renewed at release).
read -r _ last_renew _ _ <<<"$before_takeover"
read -r _ _ acquired _ <<<"$record"
(( acquired - last_renew < leader_duration * 1000 )) \
  || fail "the Lease was taken $(( (acquired - last_renew) / 1000 )) s after its last write: it expired (${leader_duration} s) instead of being released at shutdown"
ok "the old leader released the Lease at shutdown: taken $(( acquired - last_renew )) ms after its last write, within the leader's ${leader_duration} s"
TIMINGS+=("$(awk -v ms="$takeover_ms" 'BEGIN { printf "%-52s %7.1f s", "leader deleted -> other replica holds the Lease", ms / 1000 }')")
handled() { kc get -n default sbgp/orders -o jsonpath='{.status.failover.lastHandledRequest}/{.status.failover.last.outcome}'; }
deadline=$((SECONDS + WAIT))
until [[ "$(handled)" == "1/Succeeded" ]]; do
  (( SECONDS < deadline )) || fail "request 1 did not end Succeeded (lastHandledRequest/outcome: $(handled))"
  sleep 0.5
done
done_ms=$(( $(now_ms) - deleted_at ))
failovers="$(calls failovers)"
[[ "$failovers" == 1 ]] || fail "the simulator accepted $failovers failover POSTs, expected exactly 1"
ok "request 1 Succeeded with exactly one failover POST in the simulator's call log ($((done_ms / 1000)) s after the leader was deleted)"
# Which replica sent it: the old leader (still shutting down) before the takeover, the new one after.
post_ms="$(sim "${SIM_URL}simulator/calls?operation=failover" | python3 -c '
import datetime, json, sys
c = [c for c in json.load(sys.stdin)["calls"] if c["status"] == 200][0]
t = datetime.datetime.fromisoformat(c["wallTime"].replace("Z", "+00:00")).timestamp() * 1000
print(int(t) - int(sys.argv[1]))' "$deleted_at")"
if (( post_ms < takeover_ms )); then sender="the old leader, before the takeover"; else sender="the new leader, after the takeover"; fi
log "the failover POST reached the simulator $(awk -v ms="$post_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s after the deletion began: sent by $sender"
timing "failover + leader deletion -> request Succeeded"
# After a failover the alias lives on the old partner, unpaired; the example's fail-forward re-pairs it.
kc apply -n default -f examples/failover/orders-fail-forward.yaml >/dev/null
kc wait -n default sbgp/orders --for=condition=Ready --timeout="${WAIT}s" >/dev/null || fail "the pairing is not Ready after the fail-forward"
[[ "$(calls failovers)" == 1 ]] || fail "the fail-forward caused another failover POST"
ok "fail-forward: orders Ready again (orders-neu -> orders-frc), still exactly one failover POST"
timing "fail-forward -> Ready"

# --- 5b. a Geo-Replication promotion, the leader Pod deleted while it polls ARM's operation ------
# The namespace is seeded replicated and falling behind (publish 150/s, drain 100/s), so the Planned
# promotion drains and then swaps for a while: the leader is deleted while status holds the operation
# URL, and the next leader must poll that URL, never POST again.
GEO_SUB=22222222-2222-2222-2222-222222222222
GEO_RG=geodr-e2e
GEO_NS=e2e-replicated
GEO_ID="/subscriptions/$GEO_SUB/resourceGroups/$GEO_RG/providers/Microsoft.ServiceBus/namespaces/$GEO_NS"
sim -X PUT -H 'Content-Type: application/json' "${SIM_URL}simulator/namespaces/$GEO_SUB/$GEO_RG/$GEO_NS" \
  -d '{"location":"westeurope","sku":"Premium","entities":3,"geoReplication":{"secondary":"northeurope","maxReplicationLagDurationInSeconds":300,"publishPerSecond":150,"drainPerSecond":100}}' \
  >/dev/null || fail "could not seed $GEO_NS in the simulator"
promotions() { # promotion POSTs the simulator accepted
  sim "${SIM_URL}simulator/calls?operation=namespaceFailover" | python3 -c '
import json, sys
print(sum(1 for c in json.load(sys.stdin)["calls"] if c["status"] == 202))'
}
kc apply -n default -f - >/dev/null <<MANIFEST
apiVersion: servicebus.geodr.dev/v1alpha1
kind: ServiceBusGeoReplication
metadata:
  name: replicated
spec:
  namespace: $GEO_ID
  primaryLocation: westeurope
  secondaryLocation: northeurope
MANIFEST
kc wait -n default sbgr/replicated --for=condition=Ready --timeout="${WAIT}s" >/dev/null || fail "the ServiceBusGeoReplication did not turn Ready"
[[ "$(promotions)" == 0 ]] || fail "promotion POSTs before the bump"
ok "ServiceBusGeoReplication replicated Ready: the existing replication adopted"
geo_field() { kc get -n default sbgr/replicated -o jsonpath="$1" 2>/dev/null || true; }
kc patch -n default sbgr/replicated --type merge -p '{"spec":{"promotionRequested":1}}' >/dev/null
deadline=$((SECONDS + WAIT))
until [[ "$(geo_field '{.status.promotion.inFlight.phase}')" == Accepted ]]; do
  (( SECONDS < deadline )) || fail "the promotion was not Accepted (status.promotion: $(geo_field '{.status.promotion}'))"
  sleep 0.2
done
[[ -n "$(geo_field '{.status.promotion.inFlight.operationUrl}')" ]] || fail "an Accepted promotion without its operation URL in status"
geo_leader="$(lease_holder)"
kc delete pod -n "$NS" "$geo_leader" --wait=false >/dev/null
log "promotion Accepted with its operation URL in status; deleted the leader Pod $geo_leader"
deadline=$((SECONDS + WAIT))
until [[ "$(geo_field '{.status.promotion.last.outcome}')" == Succeeded ]]; do
  (( SECONDS < deadline )) || fail "the promotion did not end Succeeded (status.promotion: $(geo_field '{.status.promotion}'))"
  sleep 0.5
done
[[ "$(geo_field '{.status.primaryLocation}')" == northeurope ]] || fail "northeurope is not primary after the promotion"
[[ "$(promotions)" == 1 ]] || fail "the simulator accepted $(promotions) promotion POSTs, expected exactly 1"
ok "promotion Succeeded across the leader's deletion: northeurope primary, exactly one promotion POST"
kc delete -n default sbgr/replicated --timeout="${WAIT}s" >/dev/null || fail "the Retain ServiceBusGeoReplication was not let go"
[[ "$(promotions)" == 1 ]] || fail "deleting the ServiceBusGeoReplication sent a promotion POST"
ok "ServiceBusGeoReplication deleted (Retain): let go, Azure left as it is"
timing "Geo-Replication promotion across a leader deletion"

# --- 6. helm upgrade: a rollout, and no ARM write for a steady pairing ---------------------------
kc rollout status -n "$NS" "$DEPLOY" --timeout="${WAIT}s" >/dev/null || fail "the Deployment did not recover 2 replicas"
writes_before="$(calls writes)"
# Taken before the upgrade: an upgraded Pod may lead and read before rollout status returns.
seq_before_upgrade="$(calls seq)"
"$HELM" upgrade "$RELEASE" "$CHART" -n "$NS" --kubeconfig "$KUBECONFIG" --reuse-values \
  --set poll.steady=4m >"$E2E_DIR/helm-upgrade.log" 2>&1 || { cat "$E2E_DIR/helm-upgrade.log" >&2; fail "helm upgrade"; }
kc rollout status -n "$NS" "$DEPLOY" --timeout="${WAIT}s" >&2 || fail "the upgrade did not roll out"
# The upgraded Pods: those not terminating (rollout status returns while old ones may still be).
new_pods="$(kc get pods -n "$NS" -o json | python3 -c '
import json, sys
print(" ".join(p["metadata"]["name"] for p in json.load(sys.stdin)["items"] if "deletionTimestamp" not in p["metadata"]))')"
kc get -n "$NS" "$DEPLOY" -o jsonpath='{.spec.template.spec.containers[0].env}' | grep -q '"GEODR_POLL_STEADY","value":"4m"' \
  || fail "the upgraded Pod template lacks GEODR_POLL_STEADY=4m"
lease_acquired() { kc get lease "$LEASE" -n "$NS" -o jsonpath='{.spec.acquireTime}' 2>/dev/null || true; }
deadline=$((SECONDS + WAIT))
# The new leader's reads: after the upgrade began and not before it acquired the Lease.
until holder="$(lease_holder)" && [[ " $new_pods " == *" $holder "* ]] \
  && (( $(reads_after "$seq_before_upgrade" "$(lease_acquired)") > 0 )); do
  (( SECONDS < deadline )) || fail "no upgraded replica took the Lease and read the alias (holder: $holder)"
  sleep 0.5
done
kc wait -n default sbgp/orders --for=condition=Ready --timeout="${WAIT}s" >/dev/null || fail "the pairing is not Ready after the upgrade"
writes_after="$(calls writes)"
[[ "$writes_after" == "$writes_before" ]] || fail "the upgrade caused $((writes_after - writes_before)) ARM write(s)"
[[ "$(calls failovers)" == 1 ]] || fail "a second failover POST after the upgrade"
ok "helm upgrade rolled out (GEODR_POLL_STEADY=4m); new leader $holder reconciled with 0 ARM writes, still 1 failover"
timing "helm upgrade -> rolled out, new leader reconciled"

# --- 7. the alert rules use metrics the Pod exposes -----------------------------------------------
kc get --raw "/api/v1/namespaces/$NS/pods/$holder:8080/proxy/q/metrics" >"$E2E_DIR/metrics.txt" || fail "cannot scrape $holder"
"$HACK_DIR/check-alert-metrics.sh" "$E2E_DIR/metrics.txt" >&2 || fail "an alert rule uses a metric the operator does not expose"
ok "every metric of the chart's alert rules is in $holder's /q/metrics"
# Both replicas are Ready; the leader gauge tells which one reconciles.
for pod in $new_pods; do
  want=0; [[ "$pod" == "$holder" ]] && want=1
  kc get --raw "/api/v1/namespaces/$NS/pods/$pod:8080/proxy/q/metrics" | grep -qx "geodr_operator_leader $want.0" \
    || fail "$pod does not report geodr_operator_leader $want (Lease holder: $holder)"
done
ok "geodr_operator_leader is 1 on the Lease holder and 0 on the waiting replica"

# --- 8. helm uninstall leaves a Retain pairing's alias alone --------------------------------------
writes_before="$(calls writes)"
"$HELM" uninstall "$RELEASE" -n "$NS" --kubeconfig "$KUBECONFIG" --wait >"$E2E_DIR/helm-uninstall.log" 2>&1 \
  || { cat "$E2E_DIR/helm-uninstall.log" >&2; fail "helm uninstall"; }
deadline=$((SECONDS + WAIT))
until [[ -z "$(kc get pods -n "$NS" -o name)" ]]; do (( SECONDS < deadline )) || fail "operator Pods still running"; sleep 0.5; done
kc get -n default sbgp/orders >/dev/null || fail "the pairing resource is gone after helm uninstall"
mapfile -t crds < <(crd_resources charts/servicebus-geodr-operator/crds)
kc get "${crds[@]}" >/dev/null || fail "helm uninstall removed a CRD (${crds[*]})"
primary="$(kc get -n default sbgp/orders -o jsonpath='{.spec.primaryNamespace}')"
alias_json="$(sim "${SIM_URL%/}${primary}/disasterRecoveryConfigs/orders?api-version=2021-11-01")" \
  || fail "the alias is gone from the simulator after helm uninstall"
grep -q '"provisioningState":"Succeeded"' <<<"$alias_json" || fail "the alias is not Succeeded after helm uninstall: $alias_json"
[[ "$(calls writes)" == "$writes_before" ]] || fail "helm uninstall caused an ARM write"
ok "helm uninstall: Pods gone, CRDs and pairing kept, the alias untouched in the simulator"
timing "helm uninstall"

printf '\n[e2e] timings\n' >&2
printf '  %s\n' "${TIMINGS[@]}" | tee "$E2E_DIR/timings.txt" >&2
echo "e2e: ${passed} passed, 0 failed"
