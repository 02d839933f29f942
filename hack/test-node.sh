#!/usr/bin/env bash
# Checks that the local node (hack/node-up.sh) runs Pods as a restricted namespace requires: a Pod of
# the locally built sandbox image is scheduled, gets an address from the node's Pod range, turns Ready,
# serves its logs through the API server (API server -> kubelet), and is gone after deletion; a
# privileged Pod is refused by Pod Security admission. Starts the control plane and the node when they
# are not up (and leaves them up: hack/cluster-down.sh stops both).
set -euo pipefail
HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HACK_DIR/lib/node-paths.sh"
log() { printf '[test-node] %s\n' "$*" >&2; }
fail() { printf '[test-node] FAIL: %s\n' "$*" >&2; exit 1; }

CLUSTER_ADVERTISE_ADDRESS="${CLUSTER_ADVERTISE_ADDRESS:-$("$HACK_DIR/lib/host-address.sh")}" \
  "$HACK_DIR/cluster-up.sh" >/dev/null
"$HACK_DIR/node-up.sh"
# shellcheck source=/dev/null
source "$CLUSTER_DIR/env"
# shellcheck source=/dev/null
source "$NODE_DIR/env"
kc() { "$KUBECTL" --kubeconfig "$KUBECONFIG" "$@"; }

ns=node-smoke
kc delete namespace "$ns" --ignore-not-found --wait=true >/dev/null
kc create namespace "$ns" >/dev/null
kc label namespace "$ns" pod-security.kubernetes.io/enforce=restricted >/dev/null
trap 'kc delete namespace "$ns" --ignore-not-found --wait=false >/dev/null 2>&1 || true' EXIT
# The controller manager's ServiceAccount controller gives every namespace its "default" account;
# Pods are refused until it exists.
for _ in $(seq 1 60); do kc get -n "$ns" serviceaccount default >/dev/null 2>&1 && break; sleep 0.5; done
kc get -n "$ns" serviceaccount default >/dev/null || fail "no default ServiceAccount in $ns after 30 s (kube-controller-manager)"

pod() { # pod <name> <privileged true|false>
  cat <<EOF
apiVersion: v1
kind: Pod
metadata: {name: $1, namespace: $ns}
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    runAsUser: 65534
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: sleep
    image: $PAUSE_IMAGE
    imagePullPolicy: Never
    securityContext:
      allowPrivilegeEscalation: $2
      privileged: $2
      capabilities: {drop: [ALL]}
EOF
}

if out="$(pod privileged true | kc apply -f - 2>&1)"; then
  fail "a privileged Pod was admitted in a restricted namespace: $out"
fi
grep -q 'violates PodSecurity "restricted' <<<"$out" || fail "unexpected refusal: $out"
log "ok: a privileged Pod is refused by Pod Security admission"

started=$SECONDS
pod smoke false | kc apply -f - >/dev/null
kc wait -n "$ns" pod/smoke --for=condition=Ready --timeout=120s >/dev/null \
  || { kc describe -n "$ns" pod/smoke >&2; fail "the Pod did not turn Ready"; }
log "ok: Pod Ready $((SECONDS - started)) s after creation (node $(kc get -n "$ns" pod/smoke -o jsonpath='{.spec.nodeName}'))"

ip="$(kc get -n "$ns" pod/smoke -o jsonpath='{.status.podIP}')"
python3 -c 'import ipaddress, sys; sys.exit(0 if ipaddress.ip_address(sys.argv[1]) in ipaddress.ip_network(sys.argv[2]) else 1)' \
  "$ip" "$NODE_POD_CIDR" || fail "Pod address '$ip' is not in the node's Pod range $NODE_POD_CIDR"
log "ok: Pod address $ip is in $NODE_POD_CIDR"

kc logs -n "$ns" smoke >/dev/null || fail "kubectl logs failed (API server -> kubelet)"
log "ok: kubectl logs reaches the kubelet"

kc delete -n "$ns" pod/smoke --wait=true --timeout=60s >/dev/null || fail "the Pod was not deleted"
log "ok: Pod deleted"
echo "test-node: 5 passed, 0 failed"
