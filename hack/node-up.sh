#!/usr/bin/env bash
# Adds one real node to the local control plane of hack/cluster-up.sh, so the operator runs as Pods:
# containerd + runc (Debian's packages), the CNI bridge plugin, kubelet and kube-proxy, plus the
# kube-controller-manager and kube-scheduler a Deployment needs, all of the same Kubernetes release
# (hack/kube-binaries.sh with KUBE_NODE_BINARIES=1). The sandbox ("pause") image is built here from
# hack/node/pause, as no registry is reachable. Needs root (namespaces, cgroups, mounts, iptables).
#
# The control plane must advertise an address Pods can reach (not loopback): `make node-up` starts it
# with CLUSTER_ADVERTISE_ADDRESS set to this machine's primary address (hack/lib/host-address.sh).
#
# State lives under <cluster dir>/node/ (containerd's image store survives a restart there), sockets
# under /run/geodr-node-<hash of the cluster dir>/ (a unix socket path must stay short). hack/cluster-down.sh stops the node
# (hack/node-down.sh) before the control plane. Idempotent: a node that is up and Ready is left alone.
#
# Environment (optional): CLUSTER_DIR, NODE_NAME (default geodr-node), NODE_POD_CIDR (default
# 10.88.0.0/16), NODE_START_TIMEOUT (seconds, default 180).
set -euo pipefail

HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HACK_DIR/lib/loopback-direct.sh"
source "$HACK_DIR/lib/node-paths.sh"
START_TIMEOUT="${NODE_START_TIMEOUT:-180}"
POD_CIDR="${NODE_POD_CIDR:-10.88.0.0/16}"
PAUSE_IMAGE="localhost/geodr/pause:1.0"
NODE_PACKAGES=(containerd runc containernetworking-plugins iptables conntrack)

log() { printf '[node-up] %s\n' "$*" >&2; }
die() { printf '[node-up] ERROR: %s\n' "$*" >&2; exit 1; }

[[ "$(id -u)" == 0 ]] || die "a node needs root: containerd, kubelet and kube-proxy manage namespaces, cgroups, mounts and iptables"
[[ -f "$CLUSTER_DIR/env" ]] || die "no control plane in $CLUSTER_DIR: run hack/cluster-up.sh first (make node-up does both)"
# shellcheck source=/dev/null
source "$CLUSTER_DIR/env"
[[ "${ADVERTISE_ADDRESS:-127.0.0.1}" != 127.* ]] \
  || die "the control plane advertises ${ADVERTISE_ADDRESS:-127.0.0.1}, which Pods cannot reach; restart it with CLUSTER_ADVERTISE_ADDRESS=\$(hack/lib/host-address.sh) (make node-up does)"

kc() { "$KUBECTL" --kubeconfig "$KUBECONFIG" "$@"; }

node_ready() {
  [[ "$(kc get node "$NODE_NAME" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null)" == True ]]
}

all_running() {
  local c
  for c in containerd kube-controller-manager kube-scheduler kubelet kube-proxy; do
    node_pid_alive "$c" || return 1
  done
}

if all_running && node_ready; then
  log "node $NODE_NAME is up and Ready"
  exit 0
fi
# A stale or partial node goes first; node-down.sh returns at once when there is none.
"$HACK_DIR/node-down.sh"

# --- packages and binaries -------------------------------------------------------------------------
missing=()
for c in containerd ctr runc iptables conntrack; do command -v "$c" >/dev/null || missing+=("$c"); done
[[ -x "$CNI_BIN_DIR/bridge" ]] || missing+=("$CNI_BIN_DIR/bridge")
if (( ${#missing[@]} > 0 )); then
  log "installing Debian packages ${NODE_PACKAGES[*]} (missing: ${missing[*]})"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq "${NODE_PACKAGES[@]}"; } >&2; then
    die "could not install ${NODE_PACKAGES[*]}"
  fi
fi
binaries_line="$(KUBE_NODE_BINARIES=1 "$HACK_DIR/kube-binaries.sh" | tail -n 1)"
KUBE_API_TEST_DIR="$(sed -n 's/^KUBE_API_TEST_DIR=\([^ ]*\) .*/\1/p' <<<"$binaries_line")"
BIN="$KUBE_API_TEST_DIR/k8s/${K8S_VERSION}-linux-$(go env GOARCH)"
for b in kubelet kube-proxy kube-controller-manager kube-scheduler; do [[ -x "$BIN/$b" ]] || die "missing $BIN/$b"; done

# --- kernel settings a node relies on ---------------------------------------------------------------
# Pods reach the API server and the host through the node's routing; Services are iptables DNAT rules
# that must also see traffic between Pods on the same bridge.
sysctl -qw net.ipv4.ip_forward=1
if [[ -e /proc/sys/net/bridge/bridge-nf-call-iptables ]]; then
  sysctl -qw net.bridge.bridge-nf-call-iptables=1
else
  log "warning: br_netfilter is not loaded; Services between Pods on this node may not work"
fi

mkdir -p "$NODE_DIR"/{pki,logs,cni/net.d,cni/ipam,kubelet,pod-logs,containerd} "$NODE_RUN_DIR"
LOGS="$NODE_DIR/logs"
PKI="$CLUSTER_DIR/pki"

# --- certificates: the kubelet's client identity (Node authorizer) and its serving certificate -----
(
  cd "$NODE_DIR/pki"
  umask 077
  openssl_q() { openssl "$@" 2>>"$LOGS/openssl.log"; }
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' >client.ext
  openssl_q req -newkey rsa:2048 -nodes -keyout kubelet-client.key -out kubelet-client.csr \
    -subj "/O=system:nodes/CN=system:node:$NODE_NAME"
  openssl_q x509 -req -in kubelet-client.csr -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -CAcreateserial \
    -CAserial kubelet.srl -days 30 -extfile client.ext -out kubelet-client.crt
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:%s,DNS:%s\n' \
    "$ADVERTISE_ADDRESS" "$NODE_NAME" >serving.ext
  openssl_q req -newkey rsa:2048 -nodes -keyout kubelet.key -out kubelet.csr -subj "/CN=$NODE_NAME"
  openssl_q x509 -req -in kubelet.csr -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -CAcreateserial \
    -CAserial kubelet.srl -days 30 -extfile serving.ext -out kubelet.crt
  rm -f ./*.csr
) || die "certificate generation failed (see $LOGS/openssl.log)"

b64() { base64 -w0 <"$1"; }
(
  umask 077
  cat >"$NODE_DIR/kubelet.kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: geodr-local
  cluster:
    server: $API_SERVER_URL
    certificate-authority-data: $(b64 "$PKI/ca.crt")
users:
- name: kubelet
  user:
    client-certificate-data: $(b64 "$NODE_DIR/pki/kubelet-client.crt")
    client-key-data: $(b64 "$NODE_DIR/pki/kubelet-client.key")
contexts:
- name: kubelet
  context: {cluster: geodr-local, user: kubelet}
current-context: kubelet
EOF
)

# --- free loopback ports for the components' health and metrics endpoints ---------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
declare -a TAKEN=()
free_port() { # sets PORT; 20000-32767 stays below Linux's ephemeral range
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + (RANDOM % 12768) ))
    [[ " ${TAKEN[*]-} " == *" $p "* ]] && continue
    port_in_use "$p" && continue
    TAKEN+=("$p"); PORT="$p"; return 0
  done
  die "no free port found"
}

start() { # start <name> <cmd...>: in its own session, so the caller's Ctrl-C does not stop the node
  local name="$1"; shift
  : >"$LOGS/$name.log"
  setsid "$@" </dev/null >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$(node_pid_file "$name")"
}

wait_for() { # wait_for <what> <component> <cmd...>
  local what="$1" component="$2"; shift 2
  local deadline=$(( SECONDS + START_TIMEOUT ))
  until "$@" >/dev/null 2>&1; do
    if ! node_pid_alive "$component"; then
      log "$component exited; last lines of $LOGS/$component.log:"; tail -n 30 "$LOGS/$component.log" >&2
      exit 1
    fi
    if (( SECONDS >= deadline )); then
      log "$what not reached after ${START_TIMEOUT}s; last lines of $LOGS/$component.log:"; tail -n 30 "$LOGS/$component.log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

# Bit 24 of the effective capability set is CAP_SYS_RESOURCE.
if (( (0x$(awk '/^CapEff/ {print $2}' /proc/self/status) >> 24) & 1 )); then RESTRICT_OOM=false; else RESTRICT_OOM=true; fi
# --- containerd ------------------------------------------------------------------------------------
cat >"$NODE_DIR/cni/net.d/10-geodr.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "geodr",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "geodr0",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{"subnet": "$POD_CIDR"}]],
        "routes": [{"dst": "0.0.0.0/0"}],
        "dataDir": "$NODE_DIR/cni/ipam"
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
EOF
# ipMasq is off on purpose: Pods talk to the API server and to services on this machine, never beyond it.
cat >"$NODE_DIR/containerd.toml" <<EOF
version = 2
root = "$NODE_DIR/containerd/root"
state = "$NODE_RUN_DIR/state"
[grpc]
  address = "$CONTAINERD_SOCKET"
[ttrpc]
  address = "$NODE_RUN_DIR/containerd.sock.ttrpc"
[plugins."io.containerd.internal.v1.opt"]
  path = "$NODE_DIR/containerd/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$PAUSE_IMAGE"
  # Kubelet asks for oom_score_adj -998 for sandboxes; lowering it needs CAP_SYS_RESOURCE, which
  # root lacks on these machines (runc: "failed to update /proc/self/oom_score_adj: Permission
  # denied"). Capped at containerd's own value instead, as for rootless containerd.
  restrict_oom_score_adj = $RESTRICT_OOM
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "$CNI_BIN_DIR"
    conf_dir = "$NODE_DIR/cni/net.d"
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        # cgroupfs, as the kubelet below: this machine has no systemd to delegate cgroups to.
        SystemdCgroup = false
EOF
log "starting containerd $(containerd --version | awk '{print $3}') (socket $CONTAINERD_SOCKET)"
start containerd containerd --config "$NODE_DIR/containerd.toml"
wait_for "containerd answering" containerd ctr --address "$CONTAINERD_SOCKET" version

# --- the sandbox image ---------------------------------------------------------------------------
"$HACK_DIR/node-load-image.sh" "$(
  source "$HACK_DIR/lib/docker-archive.sh"
  work="$NODE_DIR/pause-image"
  rm -rf "$work"; mkdir -p "$work/rootfs"
  (cd "$HACK_DIR/node/pause" && CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false \
    go build -trimpath -ldflags '-s -w' -o "$work/rootfs/pause" .) >&2 || die "could not build hack/node/pause"
  docker_archive "$work/rootfs" "$PAUSE_IMAGE" '["/pause"]' "$work/pause.tar"
  echo "$work/pause.tar"
)" >&2

# --- controllers ---------------------------------------------------------------------------------
# Both run with the admin kubeconfig: this is a throwaway local cluster, and what is under test is the
# operator's own RBAC (its ServiceAccount), not the controllers'.
free_port; CM_PORT=$PORT
start kube-controller-manager "$BIN/kube-controller-manager" \
  --kubeconfig "$KUBECONFIG" \
  --authentication-kubeconfig "$KUBECONFIG" \
  --authorization-kubeconfig "$KUBECONFIG" \
  --bind-address 127.0.0.1 --secure-port "$CM_PORT" \
  --leader-elect=false \
  --use-service-account-credentials \
  --service-account-private-key-file "$PKI/sa.key" \
  --root-ca-file "$PKI/ca.crt" \
  --cluster-signing-cert-file "$PKI/ca.crt" --cluster-signing-key-file "$PKI/ca.key" \
  --cluster-name geodr-local \
  --profiling=false
free_port; SCHED_PORT=$PORT
start kube-scheduler "$BIN/kube-scheduler" \
  --kubeconfig "$KUBECONFIG" \
  --authentication-kubeconfig "$KUBECONFIG" \
  --authorization-kubeconfig "$KUBECONFIG" \
  --bind-address 127.0.0.1 --secure-port "$SCHED_PORT" \
  --leader-elect=false \
  --profiling=false

# --- kubelet -------------------------------------------------------------------------------------
free_port; KUBELET_PORT=$PORT
free_port; KUBELET_HEALTHZ_PORT=$PORT
cat >"$NODE_DIR/kubelet.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
# This machine mounts cgroup v1 controllers (with a cgroup2 tree beside them, "hybrid"). Kubelet
# 1.35 refuses to start on cgroup v1 unless told otherwise; v1 is in maintenance mode upstream but
# still supported, and it is what these machines have.
failCgroupV1: false
# No systemd here (PID 1 is not systemd), so the cgroupfs driver, as containerd's runc above.
cgroupDriver: cgroupfs
failSwapOn: false
containerRuntimeEndpoint: unix://$CONTAINERD_SOCKET
address: $ADVERTISE_ADDRESS
port: $KUBELET_PORT
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: $KUBELET_HEALTHZ_PORT
tlsCertFile: $NODE_DIR/pki/kubelet.crt
tlsPrivateKeyFile: $NODE_DIR/pki/kubelet.key
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $PKI/ca.crt}
authorization:
  mode: Webhook
clusterDomain: cluster.local
# No cluster DNS runs here: Pods resolve with the host's resolver, and reach the API server through
# the KUBERNETES_SERVICE_HOST/PORT variables kubelet sets.
resolvConf: /etc/resolv.conf
podLogsDir: $NODE_DIR/pod-logs
# A shared build machine's disk is often fuller than kubelet's production defaults allow.
evictionHard:
  memory.available: 200Mi
  nodefs.available: 2%
  imagefs.available: 2%
  nodefs.inodesFree: 2%
imageGCHighThresholdPercent: 99
imageGCLowThresholdPercent: 98
serializeImagePulls: false
maxPods: 30
EOF
log "starting kubelet v$K8S_VERSION as node $NODE_NAME ($ADVERTISE_ADDRESS)"
start kubelet "$BIN/kubelet" \
  --config "$NODE_DIR/kubelet.yaml" \
  --kubeconfig "$NODE_DIR/kubelet.kubeconfig" \
  --root-dir "$NODE_DIR/kubelet" \
  --hostname-override "$NODE_NAME" \
  --node-ip "$ADVERTISE_ADDRESS"
wait_for "node $NODE_NAME registered" kubelet kc get node "$NODE_NAME"

# --- kube-proxy: the Service rules (the API server's ClusterIP above all) ---------------------------
free_port; PROXY_HEALTHZ_PORT=$PORT
free_port; PROXY_METRICS_PORT=$PORT
cat >"$NODE_DIR/kube-proxy.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection:
  kubeconfig: $KUBECONFIG
mode: iptables
clusterCIDR: $POD_CIDR
hostnameOverride: $NODE_NAME
healthzBindAddress: 127.0.0.1:$PROXY_HEALTHZ_PORT
metricsBindAddress: 127.0.0.1:$PROXY_METRICS_PORT
# Leave the machine's conntrack table size as it is.
conntrack:
  maxPerCore: 0
EOF
start kube-proxy "$BIN/kube-proxy" --config "$NODE_DIR/kube-proxy.yaml"
wait_for "kube-proxy healthy" kube-proxy curl -sf --max-time 2 "http://127.0.0.1:$PROXY_HEALTHZ_PORT/healthz"

wait_for "node $NODE_NAME Ready" kubelet node_ready
cat >"$NODE_DIR/env" <<EOF
# Written by hack/node-up.sh; source it.
NODE_NAME=$NODE_NAME
NODE_POD_CIDR=$POD_CIDR
CONTAINERD_SOCKET=$CONTAINERD_SOCKET
PAUSE_IMAGE=$PAUSE_IMAGE
EOF
log "node $NODE_NAME Ready (pods in $POD_CIDR); logs in $LOGS; load images with hack/node-load-image.sh"
