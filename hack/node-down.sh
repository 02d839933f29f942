#!/usr/bin/env bash
# Stops the local node of hack/node-up.sh and removes what it left on the machine: its containers and
# their mounts, the Pods' network namespaces and the geodr0 bridge, kube-proxy's iptables rules. The
# image store under <cluster dir>/node/containerd is kept, so the next node-up needs no re-import.
# hack/cluster-down.sh calls it first; safe to run when nothing runs.
set -euo pipefail
HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HACK_DIR/lib/node-paths.sh"
log() { printf '[node-down] %s\n' "$*" >&2; }

# Nothing to do without a pid file or socket directory of ours (e.g. only a previous run's logs).
compgen -G "$CLUSTER_DIR/node-*.pid" >/dev/null || [[ -d "$NODE_RUN_DIR" ]] || exit 0

stop() { # stop <component>: TERM, then KILL after 10 s
  local f pid
  f="$(node_pid_file "$1")"
  [[ -f "$f" ]] || return 0
  if node_pid_alive "$1"; then
    pid="$(cat "$f")"
    log "stopping $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do node_pid_alive "$1" || break; sleep 0.1; done
    if node_pid_alive "$1"; then kill -KILL "$pid" 2>/dev/null || true; sleep 0.2; fi
  fi
  rm -f "$f"
}

# kubelet first, so it restarts nothing we stop; the controllers would only recreate Pods.
for c in kubelet kube-scheduler kube-controller-manager; do stop "$c"; done

# The containers outlive kubelet (containerd-shim owns them): kill them through containerd, and note
# the network namespaces of our sandboxes (only those: other runtimes' cni-* namespaces stay alone).
netns_files=()
if node_pid_alive containerd; then
  ctr_() { ctr --address "$CONTAINERD_SOCKET" -n k8s.io "$@"; }
  for c in $(ctr_ containers ls -q 2>/dev/null); do
    ns="$(ctr_ containers info "$c" 2>/dev/null | python3 -c '
import json, sys
for n in json.load(sys.stdin).get("Spec", {}).get("linux", {}).get("namespaces", []):
    if n.get("type") == "network" and "/netns/" in n.get("path", ""):
        print(n["path"])' 2>/dev/null || true)"
    [[ -n "$ns" ]] && netns_files+=("$ns")
  done
  tasks="$(ctr_ tasks ls -q 2>/dev/null || true)"
  if [[ -n "$tasks" ]]; then
    log "killing $(wc -l <<<"$tasks") container(s)"
    for t in $tasks; do ctr_ tasks kill -s SIGKILL "$t" >/dev/null 2>&1 || true; done
    for _ in $(seq 1 50); do
      [[ -z "$(ctr_ tasks ls -q 2>/dev/null | head -1)" ]] && break
      for t in $(ctr_ tasks ls -q 2>/dev/null); do ctr_ tasks rm -f "$t" >/dev/null 2>&1 || true; done
      sleep 0.2
    done
    for c in $(ctr_ containers ls -q 2>/dev/null); do ctr_ containers rm "$c" >/dev/null 2>&1 || true; done
  fi
fi
stop containerd
# Shims of ours that outlived containerd (they name our socket directory on their command line).
pkill -KILL -f "containerd-shim.*$NODE_RUN_DIR" 2>/dev/null || true

# kube-proxy's rules go with it, or Service IPs would keep pointing at a stopped API server.
stop kube-proxy
KUBE_BIN_DIR="$(sed -n 's/^KUBE_BIN_DIR=//p' "$CLUSTER_DIR/env" 2>/dev/null || true)"
if [[ -n "$KUBE_BIN_DIR" && -x "$KUBE_BIN_DIR/kube-proxy" ]]; then
  "$KUBE_BIN_DIR/kube-proxy" --cleanup >/dev/null 2>&1 || log "warning: kube-proxy --cleanup failed; iptables KUBE-* chains may remain"
fi

# Mounts left under the node's directories (container rootfs, volumes), deepest first, then our
# sandboxes' network namespaces.
awk -v a="$NODE_DIR/" -v b="$NODE_RUN_DIR/" 'index($2, a) == 1 || index($2, b) == 1 { print $2 }' /proc/self/mounts \
  | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
for ns in "${netns_files[@]}"; do umount -l "$ns" 2>/dev/null || true; rm -f "$ns"; done
ip link delete geodr0 2>/dev/null || true
# Per-run state; the image store (containerd/root) stays.
state_dirs=(kubelet cni/ipam pod-logs containerd/root/io.containerd.runtime.v2.task)
rm -rf --one-file-system "$NODE_RUN_DIR" "${state_dirs[@]/#/$NODE_DIR/}"
log "node stopped"
