#!/usr/bin/env bash
# Checks the image hack/build-image.sh built, as a container under podman (runc): OCI labels, a
# numeric non-root user, and that the operator starts with a read-only root filesystem (only /tmp
# writable, as in the Deployment) and answers its liveness probe. Prints the image size and the
# time from `podman run` to a live /q/health/live plus Quarkus's own "started in", which
# docs/image.md records. When the image carries the AppCDS archive (hack/build-image.sh,
# IMAGE_APPCDS=full) it also checks that the JVM really maps it: once with -Xshare:on (a mismatch
# is fatal there instead of silently ignored) and in the timed run through the process's mappings.
#
# Environment (optional): TEST_IMAGE_RUNS (timed runs, default 1), TEST_IMAGE_COMPARE=1 (each run
# also once with the archive switched off, JAVA_TOOL_OPTIONS emptied, for a with/without figure).
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
# shellcheck source=lib/crds.sh
source "$HACK_DIR/lib/crds.sh"
mapfile -t crds < <(crd_resources "$REPO_ROOT/crds")
wait_established "$KUBECTL" "${crds[@]}" >/dev/null

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
name="geodr-image-test-$$"
# The container runs as uid 10001, and the admin kubeconfig is readable by root only.
kubeconfig_copy="$(mktemp)"
trap 'podman rm -f "$name" >/dev/null 2>&1 || true; rm -f "$kubeconfig_copy"' EXIT
cp "$KUBECONFIG" "$kubeconfig_copy"; chmod 0644 "$kubeconfig_copy"
appcds=false
# Into a variable first: grep -q stops reading early, and under pipefail podman's SIGPIPE would count.
image_env="$(podman image inspect "$IMAGE" --format '{{range .Config.Env}}{{println .}}{{end}}')"
if grep -q '^JAVA_TOOL_OPTIONS=.*SharedArchiveFile=' <<<"$image_env"; then
  appcds=true
  # -Xshare:on: the JVM stops unless it maps the archive (same JVM build, same classpath jars). The
  # archive records the classpath as the training start spelled it (`-jar quarkus-run.jar`, relative
  # to the working directory /deployments), so the check spells it the same, taken from the
  # entrypoint. Another entrypoint (the UBI base's run-java.sh) spells it its own way: there only
  # the timed run's mappings below decide.
  entrypoint="$(podman image inspect "$IMAGE" --format '{{range .Config.Entrypoint}}{{println .}}{{end}}')"
  jar="$(sed -n '/^-jar$/{n;p;q}' <<<"$entrypoint")"
  if [[ "$(head -1 <<<"$entrypoint")" == java && -n "$jar" ]]; then
    out="$(podman run --runtime runc --rm --read-only --tmpfs /tmp --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 \
      --entrypoint java "$IMAGE" -Xshare:on -Xlog:cds=info -cp "$jar" -version 2>&1)" \
      || { printf '%s\n' "$out" | tail -5 >&2; die "the JVM does not map the image's AppCDS archive (-Xshare:on)"; }
    grep -q 'Mapped dynamic region' <<<"$out" || { printf '%s\n' "$out" | tail -5 >&2; die "no dynamic (AppCDS) region mapped"; }
    log "AppCDS archive maps with -Xshare:on ($(podman run --runtime runc --rm --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 --entrypoint sh "$IMAGE" -c 'du -h /deployments/app-cds.jsa' | cut -f1))"
  else
    log "entrypoint is not java -jar: the -Xshare:on check is skipped, the timed run's mappings decide"
  fi
fi

run_once() { # run_once <what> [podman run args...]: start the image, wait until live; sets ms, started, mapped
  local what="$1"; shift
  local t0
  t0="$(date +%s%N)"
  # runc refuses rlimits above this machine's hard limits, and podman's defaults are higher.
  podman run --runtime runc -d --name "$name" --network host --read-only --tmpfs /tmp \
    --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 \
    -v "$kubeconfig_copy:/etc/geodr/kubeconfig:ro" -e KUBECONFIG=/etc/geodr/kubeconfig \
    -e QUARKUS_HTTP_PORT="$port" "$@" "$IMAGE" >/dev/null
  local deadline=$((SECONDS + 90))
  until curl -sf --max-time 2 "http://127.0.0.1:$port/q/health/live" >/dev/null 2>&1; do
    if [[ "$(podman inspect "$name" --format '{{.State.Running}}' 2>/dev/null)" != true ]]; then
      podman logs "$name" 2>&1 | tail -30 >&2; die "the container exited"
    fi
    (( SECONDS < deadline )) || { podman logs "$name" 2>&1 | tail -30 >&2; die "not live after 90 s"; }
    sleep 0.2
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  # The java process (the container's pid 1) has the archive among its mappings when CDS uses it.
  local pid
  pid="$(podman inspect "$name" --format '{{.State.Pid}}')"
  mapped=no; grep -q '/app-cds\.jsa' "/proc/$pid/maps" 2>/dev/null && mapped=yes
  # Quarkus logs "started in" right around the moment it answers; give the line a moment.
  # The log into a variable, not piped into grep -q or head: under pipefail their early exit would
  # count as podman's failure.
  local logs="" started=""
  for _ in $(seq 25); do
    logs="$(podman logs "$name" 2>&1)"
    started="$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' <<<"$logs")"
    started="${started%%$'\n'*}"
    [[ -n "$started" ]] && break
    sleep 0.2
  done
  if grep -qiE 'read-only file system' <<<"$logs"; then die "something wrote to the read-only root filesystem"; fi
  podman rm -f "$name" >/dev/null
  log "$what: live after ${ms} ms; Quarkus started in ${started:-?}s; AppCDS archive mapped: $mapped; load $(cut -d' ' -f1-3 /proc/loadavg)"
}

for ((run = 1; run <= ${TEST_IMAGE_RUNS:-1}; run++)); do
  run_once "run $run"
  [[ "$appcds" == false || "$mapped" == yes ]] || die "the operator did not map the AppCDS archive"
  live_ms="$ms"
  if [[ "${TEST_IMAGE_COMPARE:-0}" == 1 && "$appcds" == true ]]; then
    sleep 2
    run_once "run $run, archive off" -e JAVA_TOOL_OPTIONS=
  fi
  sleep 2
done
size="$(podman image inspect "$IMAGE" --format '{{.Size}}')"
log "OK: $IMAGE runs as $user on a read-only root filesystem; live after ${live_ms} ms (AppCDS: $appcds); image $((size / 1000000)) MB"
