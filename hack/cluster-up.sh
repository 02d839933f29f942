#!/usr/bin/env bash
# Starts a local Kubernetes control plane (etcd + kube-apiserver, no nodes, no controller-manager,
# no scheduler) in the background, from the binaries hack/kube-binaries.sh builds.
#
# Everything lives under <repo>/target/cluster/:
#   kubeconfig        admin kubeconfig (client certificate in group system:masters, certs embedded)
#   env               sourceable: KUBECONFIG, KUBECTL, K8S_VERSION, API_SERVER_URL, SA_ISSUER, ...
#   bin/kubectl       symlink to the kubectl built with the API server (same version)
#   pki/              CA, API server serving cert, admin client cert, service-account signing key
#   etcd-data/        etcd data (deleted by cluster-down.sh)
#   *.pid, logs/      process ids and logs
#
# Only stdout line:  export KUBECONFIG=<abs path>/target/cluster/kubeconfig
# (progress goes to stderr), so `eval "$(hack/cluster-up.sh)"` works. Idempotent: when the control
# plane is already up and ready it only prints that line. Stop it with hack/cluster-down.sh.
#
# Environment (optional): CLUSTER_DIR (default <repo>/target/cluster), CLUSTER_START_TIMEOUT
# (seconds, default 120), CLUSTER_ADVERTISE_ADDRESS (default 127.0.0.1: the API server listens on
# loopback only; a non-loopback address of this machine makes it listen on every address and publish
# that one as the `kubernetes` Service's endpoint, which Pods on a node need: hack/node-up.sh), plus
# everything hack/kube-binaries.sh reads (K8S_VERSION, ...).
set -euo pipefail

HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HACK_DIR/lib/loopback-direct.sh"
REPO_ROOT="$(cd "$HACK_DIR/.." && pwd)"
CLUSTER_DIR="${CLUSTER_DIR:-$REPO_ROOT/target/cluster}"
START_TIMEOUT="${CLUSTER_START_TIMEOUT:-120}"
SA_ISSUER="https://kubernetes.default.svc.cluster.local"
SERVICE_CIDR="10.0.0.0/24"
ADVERTISE_ADDRESS="${CLUSTER_ADVERTISE_ADDRESS:-127.0.0.1}"
if [[ "$ADVERTISE_ADDRESS" == 127.* ]]; then BIND_ADDRESS=127.0.0.1; else BIND_ADDRESS=0.0.0.0; fi

log() { printf '[cluster-up] %s\n' "$*" >&2; }
die() { printf '[cluster-up] ERROR: %s\n' "$*" >&2; exit 1; }

for tool in openssl curl; do command -v "$tool" >/dev/null || die "'$tool' is required"; done

mkdir -p "$CLUSTER_DIR"
CLUSTER_DIR="$(cd "$CLUSTER_DIR" && pwd)"
KUBECONFIG_FILE="$CLUSTER_DIR/kubeconfig"
PKI="$CLUSTER_DIR/pki"
LOGS="$CLUSTER_DIR/logs"

# Serialise concurrent cluster-up/cluster-down runs on the same directory. The servers are started
# with fd 8 closed: a lock inherited by them would be held for as long as they run.
lock() {
  exec 8>"$CLUSTER_DIR/.lock"
  if command -v flock >/dev/null; then
    flock -w 300 8 || die "another cluster-up.sh/cluster-down.sh holds $CLUSTER_DIR/.lock"
  fi
}
unlock() { exec 8>&-; }
lock

pid_alive() { # pid_alive <pidfile>: the process is running and is one of ours (its command line names CLUSTER_DIR)
  local pid
  [[ -f "$1" ]] || return 1
  pid="$(cat "$1")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$CLUSTER_DIR"
}

api_ready() { # api_ready <port>
  curl -sf --max-time 5 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" \
    "https://127.0.0.1:$1/readyz" >/dev/null 2>&1
}

# --- already up? ---------------------------------------------------------------------------------
if pid_alive "$CLUSTER_DIR/etcd.pid" && pid_alive "$CLUSTER_DIR/kube-apiserver.pid" \
  && [[ -f "$CLUSTER_DIR/env" && -f "$KUBECONFIG_FILE" ]]; then
  API_PORT="$(sed -n 's/^API_SERVER_PORT=//p' "$CLUSTER_DIR/env")"
  if [[ -n "$API_PORT" ]] && api_ready "$API_PORT"; then
    running_address="$(sed -n 's/^ADVERTISE_ADDRESS=//p' "$CLUSTER_DIR/env")"
    # Only an explicit, different address is refused: without one, any running control plane will do.
    if [[ -n "${CLUSTER_ADVERTISE_ADDRESS:-}" && "${running_address:-127.0.0.1}" != "$ADVERTISE_ADDRESS" ]]; then
      die "the running control plane advertises ${running_address:-127.0.0.1}, not $ADVERTISE_ADDRESS; stop it first (hack/cluster-down.sh)"
    fi
    log "already running at https://127.0.0.1:$API_PORT"
    echo "export KUBECONFIG=$KUBECONFIG_FILE"
    exit 0
  fi
fi
if [[ -f "$CLUSTER_DIR/etcd.pid" || -f "$CLUSTER_DIR/kube-apiserver.pid" ]]; then
  log "found a stale or unhealthy control plane; stopping it first"
  unlock
  "$HACK_DIR/cluster-down.sh" >&2
  lock
fi

# --- binaries --------------------------------------------------------------------------------------
binaries_line="$("$HACK_DIR/kube-binaries.sh" | tail -n 1)"
KUBE_API_TEST_DIR="$(sed -n 's/^KUBE_API_TEST_DIR=\([^ ]*\) .*/\1/p' <<<"$binaries_line")"
K8S_VERSION="$(sed -n 's/.* K8S_VERSION=\([^ ]*\).*/\1/p' <<<"$binaries_line")"
[[ -n "$KUBE_API_TEST_DIR" && -n "$K8S_VERSION" ]] || die "unexpected output from kube-binaries.sh: $binaries_line"
case "$(uname -m)" in aarch64|arm64) ARCH=arm64 ;; *) ARCH=amd64 ;; esac  # as kube-api-test names it
BIN="$KUBE_API_TEST_DIR/k8s/${K8S_VERSION}-linux-${ARCH}"
for b in etcd kube-apiserver kubectl; do [[ -x "$BIN/$b" ]] || die "missing $BIN/$b"; done

# --- free loopback ports -------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
declare -a TAKEN=()
free_port() {
  local p
  for _ in $(seq 1 200); do
    # 20000-32767: below Linux's default ephemeral range, so no outgoing connection holds it.
    p=$(( 20000 + (RANDOM % 12768) ))
    [[ " ${TAKEN[*]-} " == *" $p "* ]] && continue
    port_in_use "$p" && continue
    echo "$p"; return 0
  done
  die "no free port found"
}
ETCD_PORT="$(free_port)"; TAKEN+=("$ETCD_PORT")
ETCD_PEER_PORT="$(free_port)"; TAKEN+=("$ETCD_PEER_PORT")
API_PORT="$(free_port)"

# --- certificates and keys (openssl) -------------------------------------------------------------
rm -rf "$PKI" "$CLUSTER_DIR/etcd-data"
mkdir -p "$PKI" "$LOGS" "$CLUSTER_DIR/bin"
(
  cd "$PKI"
  umask 077
  openssl_q() { openssl "$@" 2>>"$LOGS/openssl.log"; }
  openssl_q req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 30 \
    -subj "/CN=geodr-local-ca" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"
  # API server serving certificate: loopback plus the in-cluster names.
  cat >apiserver.ext <<'EOF'
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local
EOF
  [[ "$ADVERTISE_ADDRESS" == 127.0.0.1 ]] || sed -i "s/^subjectAltName=.*/&,IP:$ADVERTISE_ADDRESS/" apiserver.ext
  openssl_q req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr -subj "/CN=kube-apiserver"
  openssl_q x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
    -extfile apiserver.ext -out apiserver.crt
  # Admin identity: a client certificate in group system:masters (bypasses RBAC, can impersonate).
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' >client.ext
  openssl_q req -newkey rsa:2048 -nodes -keyout admin.key -out admin.csr -subj "/O=system:masters/CN=geodr-admin"
  openssl_q x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
    -extfile client.ext -out admin.crt
  # The API server's identity towards kubelets (logs, exec, port-forward on a node).
  openssl_q req -newkey rsa:2048 -nodes -keyout apiserver-kubelet-client.key -out apiserver-kubelet-client.csr \
    -subj "/O=system:masters/CN=kube-apiserver-kubelet-client"
  openssl_q x509 -req -in apiserver-kubelet-client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
    -extfile client.ext -out apiserver-kubelet-client.crt
  # Service-account token signing key pair (TokenRequest API, `kubectl create token`).
  openssl_q genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out sa.key
  openssl_q pkey -in sa.key -pubout -out sa.pub
  rm -f ./*.csr ./*.srl
) || die "certificate generation failed (see $LOGS/openssl.log)"

# --- etcd ----------------------------------------------------------------------------------------
: >"$LOGS/etcd.log"
log "starting etcd on 127.0.0.1:$ETCD_PORT"
# setsid: the control plane survives the caller's Ctrl-C/terminal; cluster-down.sh stops it.
# The script's background children are not process-group leaders, so setsid execs in place and
# $! is the server's own pid.
setsid "$BIN/etcd" \
  --name default \
  --data-dir "$CLUSTER_DIR/etcd-data" \
  --listen-client-urls "http://127.0.0.1:$ETCD_PORT" \
  --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster "default=http://127.0.0.1:$ETCD_PEER_PORT" \
  --unsafe-no-fsync \
  --log-level warn \
  </dev/null >>"$LOGS/etcd.log" 2>&1 8>&- &
echo $! >"$CLUSTER_DIR/etcd.pid"

fail_with_log() { # fail_with_log <what> <logfile>
  log "$1; last lines of $2:"
  tail -n 30 "$2" >&2
  unlock
  "$HACK_DIR/cluster-down.sh" >&2 || true
  exit 1
}

deadline=$(( SECONDS + START_TIMEOUT ))
until curl -sf --max-time 2 "http://127.0.0.1:$ETCD_PORT/health" >/dev/null 2>&1; do
  pid_alive "$CLUSTER_DIR/etcd.pid" || fail_with_log "etcd exited" "$LOGS/etcd.log"
  (( SECONDS < deadline )) || fail_with_log "etcd not healthy after ${START_TIMEOUT}s" "$LOGS/etcd.log"
  sleep 0.2
done

# --- kube-apiserver ------------------------------------------------------------------------------
: >"$LOGS/kube-apiserver.log"
log "starting kube-apiserver v$K8S_VERSION on https://$BIND_ADDRESS:$API_PORT (advertised: $ADVERTISE_ADDRESS)"
# Node,RBAC: a kubelet's certificate (system:node:<name>) gets exactly what the Node authorizer and
# NodeRestriction allow it; everyone else is decided by RBAC, as on a production cluster.
setsid "$BIN/kube-apiserver" \
  --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
  --bind-address "$BIND_ADDRESS" \
  --advertise-address "$ADVERTISE_ADDRESS" \
  --secure-port "$API_PORT" \
  --cert-dir "$PKI" \
  --tls-cert-file "$PKI/apiserver.crt" \
  --tls-private-key-file "$PKI/apiserver.key" \
  --client-ca-file "$PKI/ca.crt" \
  --authorization-mode Node,RBAC \
  --enable-admission-plugins NodeRestriction \
  --kubelet-client-certificate "$PKI/apiserver-kubelet-client.crt" \
  --kubelet-client-key "$PKI/apiserver-kubelet-client.key" \
  --kubelet-certificate-authority "$PKI/ca.crt" \
  --kubelet-preferred-address-types InternalIP,Hostname \
  --service-account-issuer "$SA_ISSUER" \
  --service-account-key-file "$PKI/sa.pub" \
  --service-account-signing-key-file "$PKI/sa.key" \
  --service-cluster-ip-range "$SERVICE_CIDR" \
  --allow-privileged=true \
  --profiling=false \
  </dev/null >>"$LOGS/kube-apiserver.log" 2>&1 8>&- &
echo $! >"$CLUSTER_DIR/kube-apiserver.pid"

started=$SECONDS
until api_ready "$API_PORT"; do
  pid_alive "$CLUSTER_DIR/kube-apiserver.pid" || fail_with_log "kube-apiserver exited" "$LOGS/kube-apiserver.log"
  (( SECONDS < deadline )) || fail_with_log "kube-apiserver not ready after ${START_TIMEOUT}s" "$LOGS/kube-apiserver.log"
  sleep 0.3
done

# --- kubeconfig and env --------------------------------------------------------------------------
b64() { base64 -w0 <"$1"; }
umask 077
cat >"$KUBECONFIG_FILE.tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: geodr-local
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority-data: $(b64 "$PKI/ca.crt")
users:
- name: geodr-admin
  user:
    client-certificate-data: $(b64 "$PKI/admin.crt")
    client-key-data: $(b64 "$PKI/admin.key")
contexts:
- name: geodr-local
  context:
    cluster: geodr-local
    user: geodr-admin
    namespace: default
current-context: geodr-local
EOF
mv -f "$KUBECONFIG_FILE.tmp" "$KUBECONFIG_FILE"
umask 022
ln -sfn "$BIN/kubectl" "$CLUSTER_DIR/bin/kubectl"
cat >"$CLUSTER_DIR/env" <<EOF
# Written by hack/cluster-up.sh; source it.
export KUBECONFIG=$KUBECONFIG_FILE
export KUBECTL=$CLUSTER_DIR/bin/kubectl
K8S_VERSION=$K8S_VERSION
KUBE_BIN_DIR=$BIN
API_SERVER_URL=https://127.0.0.1:$API_PORT
API_SERVER_PORT=$API_PORT
ETCD_URL=http://127.0.0.1:$ETCD_PORT
ADVERTISE_ADDRESS=$ADVERTISE_ADDRESS
SA_ISSUER=$SA_ISSUER
EOF

# The bootstrap controller creates the default namespace shortly after /readyz turns ready.
until "$BIN/kubectl" --kubeconfig "$KUBECONFIG_FILE" get namespace default >/dev/null 2>&1; do
  (( SECONDS < deadline )) || fail_with_log "namespace default not created after ${START_TIMEOUT}s" "$LOGS/kube-apiserver.log"
  sleep 0.3
done
log "ready in $(( SECONDS - started )) s (API server start); logs in $LOGS, stop with hack/cluster-down.sh"
echo "export KUBECONFIG=$KUBECONFIG_FILE"
