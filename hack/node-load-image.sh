#!/usr/bin/env bash
# Imports image tarballs (docker-archive or OCI, e.g. target/image/*.tar from `make image`) into the
# local node's containerd, where kubelet finds them: Pods use them with imagePullPolicy IfNotPresent or
# Never, and no registry is involved.
#   hack/node-load-image.sh <image.tar>...
set -euo pipefail
HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HACK_DIR/lib/node-paths.sh"
die() { printf '[node-load-image] ERROR: %s\n' "$*" >&2; exit 1; }
(( $# > 0 )) || die "usage: $0 <image.tar>..."
node_pid_alive containerd || die "the node's containerd is not running (hack/node-up.sh)"
for tar in "$@"; do
  [[ -f "$tar" ]] || die "no such file: $tar"
  # k8s.io is the containerd namespace the CRI plugin (and so kubelet) uses.
  ctr --address "$CONTAINERD_SOCKET" -n k8s.io images import "$tar" >&2 \
    || die "ctr could not import $tar"
  printf '[node-load-image] imported %s\n' "$tar" >&2
done
