#!/usr/bin/env bash
# Checks the image hack/build-image.sh built, as a container under podman (runc): OCI labels, a
# numeric non-root user, and that the operator starts with a read-only root filesystem (only /tmp
# writable, as in the Deployment) and answers its liveness probe. Prints the image size and the
# time from `podman run` to a live /q/health/live, which docs/image.md records.
set -euo pipefail
HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HACK_DIR/.." && pwd)"
log() { printf '[test-image] %s\n' "$*" >&2; }
die() { printf '[test-image] FAILED: %s\n' "$*" >&2; exit 1; }

[[ -f "$REPO_ROOT/target/image/image.env" ]] || die "no target/image/image.env: run make image first"
# shellcheck source=/dev/null
source "$REPO_ROOT/target/image/image.env"
podman image exists "$IMAGE" || podman load -i "$IMAGE_TAR" >/dev/null

label() { podman image inspect "$IMAGE" --format "{{index .Labels \"$1\"}}"; }
for l in org.opencontainers.image.source org.opencontainers.image.version org.opencontainers.image.revision; do
  v="$(label "$l")"
  [[ -n "$v" && "$v" != "<no value>" ]] || die "label $l is missing"
  log "label $l=$v"
done
user="$(podman image inspect "$IMAGE" --format '{{.Config.User}}')"
[[ "$user" =~ ^[1-9][0-9]*(:[0-9]+)?$ ]] || die "image user '$user' is not a numeric non-root uid"
log "user $user"

# The operator needs an API server to start (it reports live once its informers run): the local
# control plane (hack/cluster-up.sh), reached over the host network, with the CRD installed.
eval "$("$HACK_DIR/cluster-up.sh")"
# shellcheck source=/dev/null
source "$REPO_ROOT/target/cluster/env"
"$KUBECTL" apply --server-side -k "$REPO_ROOT/crds/" >/dev/null

# runc refuses rlimits above this machine's hard limits, and podman's defaults are higher.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
name="geodr-image-test-$$"
# The container runs as uid 10001, and the admin kubeconfig is readable by root only.
kubeconfig_copy="$(mktemp)"
trap 'podman rm -f "$name" >/dev/null 2>&1 || true; rm -f "$kubeconfig_copy"' EXIT
cp "$KUBECONFIG" "$kubeconfig_copy"; chmod 0644 "$kubeconfig_copy"
t0="$(date +%s%N)"
podman run --runtime runc -d --name "$name" --network host --read-only --tmpfs /tmp \
  --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 \
  -v "$kubeconfig_copy:/etc/geodr/kubeconfig:ro" -e KUBECONFIG=/etc/geodr/kubeconfig \
  -e QUARKUS_HTTP_PORT="$port" "$IMAGE" >/dev/null
deadline=$((SECONDS + 90))
until curl -sf --max-time 2 "http://127.0.0.1:$port/q/health/live" >/dev/null 2>&1; do
  if [[ "$(podman inspect "$name" --format '{{.State.Running}}' 2>/dev/null)" != true ]]; then
    podman logs "$name" 2>&1 | tail -30 >&2; die "the container exited"
  fi
  (( SECONDS < deadline )) || { podman logs "$name" 2>&1 | tail -30 >&2; die "not live after 90 s"; }
  sleep 0.2
done
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
podman logs "$name" 2>&1 | grep -qiE 'read-only file system' && die "something wrote to the read-only root filesystem"
size="$(podman image inspect "$IMAGE" --format '{{.Size}}')"
log "OK: $IMAGE runs as $user on a read-only root filesystem; live after ${ms} ms; image $((size / 1000000)) MB"
