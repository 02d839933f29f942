# shellcheck shell=bash disable=SC2034
# Source it. Where the local node of hack/node-up.sh keeps its state, sockets and process ids; shared by
# node-up.sh, node-down.sh and node-load-image.sh. Needs HACK_DIR set by the caller.
REPO_ROOT="$(cd "$HACK_DIR/.." && pwd)"
CLUSTER_DIR="${CLUSTER_DIR:-$REPO_ROOT/target/cluster}"
mkdir -p "$CLUSTER_DIR"
CLUSTER_DIR="$(cd "$CLUSTER_DIR" && pwd)"
NODE_DIR="$CLUSTER_DIR/node"
NODE_NAME="${NODE_NAME:-geodr-node}"
# A unix socket path may be at most 107 bytes, which a deep checkout exceeds, so sockets live under
# /run, in a directory named after the cluster directory (two checkouts never share a containerd).
NODE_RUN_DIR="/run/geodr-node-$(printf '%s' "$CLUSTER_DIR" | sha256sum | cut -c1-8)"
CONTAINERD_SOCKET="$NODE_RUN_DIR/containerd.sock"
CNI_BIN_DIR="${CNI_BIN_DIR:-/usr/lib/cni}"

node_pid_file() { echo "$CLUSTER_DIR/node-$1.pid"; }

node_pid_alive() { # node_pid_alive <component>: running, and its command line names CLUSTER_DIR (so it is ours)
  local f pid
  f="$(node_pid_file "$1")"
  [[ -f "$f" ]] || return 1
  pid="$(cat "$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$CLUSTER_DIR"
}
