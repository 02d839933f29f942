#!/usr/bin/env bash
# Stops the control plane hack/cluster-up.sh started (its node first, if hack/node-up.sh added one,
# then kube-apiserver, then etcd) and removes its state under <repo>/target/cluster/ (pids,
# certificates, etcd data, kubeconfig, env). The logs of the last run stay in target/cluster/logs/
# for post-mortems. Idempotent: with nothing running
# it only cleans up.
#
# It only signals processes whose pid is recorded in target/cluster/*.pid AND whose command line
# names that directory, so a recycled pid is never killed.
set -euo pipefail

HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HACK_DIR/.." && pwd)"
CLUSTER_DIR="${CLUSTER_DIR:-$REPO_ROOT/target/cluster}"

log() { printf '[cluster-down] %s\n' "$*" >&2; }

if [[ ! -d "$CLUSTER_DIR" ]]; then
  log "nothing to stop ($CLUSTER_DIR does not exist)"
  exit 0
fi
CLUSTER_DIR="$(cd "$CLUSTER_DIR" && pwd)"

exec 8>"$CLUSTER_DIR/.lock"
if command -v flock >/dev/null && ! flock -w 300 8; then
  log "ERROR: another cluster-up.sh/cluster-down.sh holds $CLUSTER_DIR/.lock"
  exit 1
fi

ours() { # ours <pid>: running, and its command line names CLUSTER_DIR
  kill -0 "$1" 2>/dev/null && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF "$CLUSTER_DIR"
}

stop() { # stop <name>
  local pidfile="$CLUSTER_DIR/$1.pid" pid
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && ours "$pid"; then
    log "stopping $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      ours "$pid" || break
      sleep 0.1
    done
    if ours "$pid"; then
      log "$1 did not stop in 10 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do ours "$pid" || break; sleep 0.1; done
    fi
  fi
  rm -f "$pidfile"
}

# A node of hack/node-up.sh goes first: its kubelet and kube-proxy need the API server to stop cleanly.
if [[ -d "$CLUSTER_DIR/node" ]]; then
  CLUSTER_DIR="$CLUSTER_DIR" "$HACK_DIR/node-down.sh"
fi
stop kube-apiserver
stop etcd
rm -rf "${CLUSTER_DIR:?}/etcd-data" "${CLUSTER_DIR:?}/pki" "${CLUSTER_DIR:?}/bin" \
  "${CLUSTER_DIR:?}/kubeconfig" "${CLUSTER_DIR:?}/kubeconfig.tmp" "${CLUSTER_DIR:?}/env"
log "stopped; logs kept in $CLUSTER_DIR/logs"
