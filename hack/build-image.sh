#!/usr/bin/env bash
# Builds the operator's OCI image with Jib (quarkus-container-image-jib) and no Docker daemon, and
# writes it as a docker-archive tarball that `podman load`, `ctr images import` and `kind load
# image-archive` all take:
#
#   target/image/servicebus-geodr-operator-<version>.tar      the image
#   target/image/image.env                                     IMAGE=<ref> IMAGE_TAR=<path> IMAGE_BASE=<base>
#
# The base image (IMAGE_BASE):
#   auto (default)  the maintained Red Hat UBI 9 OpenJDK 17 runtime when its registry answers, else
#                   the local Debian base below (these machines reach no image registry)
#   debian          a base made here from Debian packages: debootstrap --variant=minbase bookworm
#                   plus openjdk-17-jre-headless (about 35 s; cached in ~/.cache/geodr-image)
#   <any ref>       e.g. eclipse-temurin:17-jre, pulled by Jib from its registry
#
# Jib writes to a "Docker daemon" through its CLI; podman (daemonless, Debian's package) stands in
# for it (`podman load`), so the image also ends up in podman's local store.
#
# The application class-data-sharing archive (IMAGE_APPCDS, docs/image.md "Start time"):
#   full (default)  after Jib, one training start of the Jib image under podman against a local
#                   control plane of its own (hack/cluster-up.sh with CLUSTER_DIR=target/image/appcds/
#                   cluster, empty, stopped afterwards) with -XX:ArchiveClassesAtExit, stopped with
#                   SIGTERM once ready;
#                   the archive it dumps becomes /deployments/app-cds.jsa in one more layer, and
#                   JAVA_TOOL_OPTIONS=-XX:SharedArchiveFile=/deployments/app-cds.jsa makes the JVM
#                   map it (-Xshare:auto: a JVM or classpath that does not match just ignores it)
#   none            the Jib image as it is
#
# Environment (all optional): IMAGE (default localhost/servicebus-geodr-operator:<version>),
# IMAGE_BASE (above), IMAGE_APPCDS (above), IMAGE_SOURCE_URL (the org.opencontainers.image.source label).
set -euo pipefail

HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HACK_DIR/.." && pwd)"
cd "$REPO_ROOT"
# shellcheck source=lib/crds.sh
source "$HACK_DIR/lib/crds.sh"

log() { printf '[build-image] %s\n' "$*" >&2; }
die() { printf '[build-image] ERROR: %s\n' "$*" >&2; exit 1; }

UBI_BASE="registry.access.redhat.com/ubi9/openjdk-17-runtime:latest"
# The project version without -SNAPSHOT is the image tag (the chart's appVersion).
VERSION="$(sed -n '0,/<version>/s:.*<version>\([^<]*\)</version>.*:\1:p' pom.xml)"
VERSION="${VERSION%-SNAPSHOT}"
IMAGE="${IMAGE:-localhost/servicebus-geodr-operator:${VERSION}}"
IMAGE_BASE="${IMAGE_BASE:-auto}"
IMAGE_APPCDS="${IMAGE_APPCDS:-full}"
[[ "$IMAGE_APPCDS" == full || "$IMAGE_APPCDS" == none ]] || die "IMAGE_APPCDS must be full or none, not '$IMAGE_APPCDS'"
IMAGE_SOURCE_URL="${IMAGE_SOURCE_URL:-https://github.com/geodr/servicebus-geodr-operator}"
CACHE_DIR="${GEODR_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/geodr-image}"
OUT_DIR="$REPO_ROOT/target/image"
IMAGE_TAR="$OUT_DIR/servicebus-geodr-operator-${VERSION}.tar"
mkdir -p "$CACHE_DIR" "$OUT_DIR"

apt_install() { # apt_install <command> <package...>: install Debian packages for a missing command (root only)
  local cmd="$1"; shift
  command -v "$cmd" >/dev/null && return 0
  [[ "$(id -u)" == 0 ]] || die "'$cmd' is missing; install the Debian package(s): $*"
  log "installing $* (Debian packages)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- the Debian base: minbase bookworm + the JRE, as a docker-archive Jib reads with tar:// ---------
debian_base() {
  local tar="$CACHE_DIR/debian-bookworm-openjdk-17-jre.tar"
  if [[ -s "$tar" ]]; then
    log "Debian base: cached $tar"
    echo "tar://$tar"; return
  fi
  apt_install debootstrap debootstrap
  local work="$CACHE_DIR/rootfs.tmp"
  rm -rf "$work"; mkdir -p "$work"
  log "Debian base: debootstrap --variant=minbase bookworm + openjdk-17-jre-headless (about 35 s)"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
    bookworm "$work/rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$CACHE_DIR/debootstrap.log" 2>&1 \
    || { tail -20 "$CACHE_DIR/debootstrap.log" >&2; die "debootstrap failed (log: $CACHE_DIR/debootstrap.log)"; }
  # Package caches, docs and man pages are dead weight in an image.
  tar -C "$work/rootfs" --exclude=./var/cache/apt --exclude=./var/lib/apt/lists \
    --exclude=./usr/share/doc --exclude=./usr/share/man --exclude=./usr/share/info -cf "$work/rootfs.tar" .
  local ref="localhost/geodr-debian-jre17:bookworm"
  podman import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$work/rootfs.tar" "$ref" >/dev/null
  podman save --format docker-archive -o "$tar.tmp" "$ref" >/dev/null
  mv "$tar.tmp" "$tar"
  rm -rf "$work"
  log "Debian base: $tar ($(du -h "$tar" | cut -f1))"
  echo "tar://$tar"
}

apt_install podman podman runc

case "$IMAGE_BASE" in
  auto)
    # Any HTTP answer (401 is usual for /v2/) means the registry is reachable; 000 means no answer.
    if [[ "$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "https://registry.access.redhat.com/v2/" || true)" != 000 ]]; then
      BASE="$UBI_BASE"
      log "base: $BASE (its registry answers)"
    else
      log "base: registry.access.redhat.com does not answer; building the Debian base instead"
      BASE="$(debian_base)"
    fi ;;
  debian) BASE="$(debian_base)" ;;
  *) BASE="$IMAGE_BASE" ;;
esac

REVISION="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then REVISION+="-dirty"; fi
CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

log "building $IMAGE with Jib (base ${BASE})"
t0=$SECONDS
./mvnw -B -q -DskipTests package \
  -Dquarkus.container-image.build=true \
  -Dquarkus.container-image.image="$IMAGE" \
  -Dquarkus.jib.base-jvm-image="$BASE" \
  -Dquarkus.jib.docker-executable-name=podman \
  -Dquarkus.container-image.labels.\"org.opencontainers.image.source\"="$IMAGE_SOURCE_URL" \
  -Dquarkus.container-image.labels.\"org.opencontainers.image.version\"="$VERSION" \
  -Dquarkus.container-image.labels.\"org.opencontainers.image.revision\"="$REVISION" \
  -Dquarkus.container-image.labels.\"org.opencontainers.image.created\"="$CREATED" \
  >"$OUT_DIR/build.log" 2>&1 || { tail -40 "$OUT_DIR/build.log" >&2; die "image build failed (log: $OUT_DIR/build.log)"; }
log "Jib image built in $((SECONDS - t0)) s"

# --- the AppCDS archive: one training start of the Jib image, with the image's own JVM -------------
# A dynamic archive (JDK 13+) holds the classes a run loaded, on top of the JDK's default archive
# (lib/server/classes.jsa, in both bases). The JVM maps it only when it is the same JVM build and
# the classpath jars have the same paths, sizes and mtimes as when it was dumped: hence a run of the
# finished Jib image itself, in its /deployments, and a new layer that leaves Jib's layers untouched.
# The operator only gets through its start (informers, leader election) against an API server, so
# the run gets a local control plane; Quarkus's own quarkus.package.jar.appcds only records the
# static init (the app exits before it starts), which measured no faster here (docs/image.md).
appcds_layer() {
  local t1=$SECONDS work="$OUT_DIR/appcds"
  # Its own empty control plane, never the one in target/cluster: the training operator would
  # otherwise reconcile whatever pairings a demo or test left there.
  local cluster_dir="$work/cluster"
  if [[ -f "$cluster_dir/env" ]]; then CLUSTER_DIR="$cluster_dir" "$HACK_DIR/cluster-down.sh" >/dev/null 2>&1 || true; fi
  rm -rf "$work"; mkdir -p "$work/out"
  chmod 0777 "$work/out" # the image's user 10001 writes the archive
  local name="geodr-appcds-train-$$"
  # shellcheck disable=SC2064 # the values now: they are local to this function
  trap "podman rm -f '$name' >/dev/null 2>&1 || true; CLUSTER_DIR='$cluster_dir' '$HACK_DIR/cluster-down.sh' >/dev/null 2>&1 || true" EXIT
  CLUSTER_DIR="$cluster_dir" "$HACK_DIR/cluster-up.sh" >/dev/null 2>"$work/cluster-up.log" \
    || { cat "$work/cluster-up.log" >&2; die "the training control plane did not start (CLUSTER_DIR=$cluster_dir)"; }
  # shellcheck source=/dev/null
  source "$cluster_dir/env"
  "$KUBECTL" apply --server-side -k "$REPO_ROOT/crds/" >/dev/null
  local crds
  mapfile -t crds < <(crd_resources "$REPO_ROOT/crds")
  wait_established "$KUBECTL" "${crds[@]}" >/dev/null
  cp "$KUBECONFIG" "$work/kubeconfig"; chmod 0644 "$work/kubeconfig"
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  # As the Deployment runs it: read-only root, only /tmp writable, uid 10001, the image's entrypoint.
  podman run --runtime runc -d --name "$name" --network host --read-only --tmpfs /tmp \
    --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 \
    -v "$work/kubeconfig:/etc/geodr/kubeconfig:ro" -e KUBECONFIG=/etc/geodr/kubeconfig \
    -v "$work/out:/appcds" -e JAVA_TOOL_OPTIONS=-XX:ArchiveClassesAtExit=/appcds/app-cds.jsa \
    -e QUARKUS_HTTP_PORT="$port" "$IMAGE" >/dev/null
  local deadline=$((SECONDS + 120)) ok=true
  until curl -sf --max-time 2 "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    if [[ "$(podman inspect "$name" --format '{{.State.Running}}' 2>/dev/null)" != true ]] || (( SECONDS >= deadline )); then
      ok=false; break
    fi
    sleep 0.5
  done
  # SIGTERM: Quarkus shuts down and the JVM dumps the archive on its way out.
  podman stop -t 60 "$name" >/dev/null 2>&1 || true
  podman logs "$name" >"$work/training.log" 2>&1 || true
  podman rm -f "$name" >/dev/null 2>&1 || true
  trap - EXIT
  rm -f "$work/kubeconfig" # the admin credentials, world-readable for uid 10001
  CLUSTER_DIR="$cluster_dir" "$HACK_DIR/cluster-down.sh" >/dev/null 2>&1 || true
  [[ "$ok" == true ]] || { grep -v 'warning\]\[cds\]' "$work/training.log" | tail -30 >&2; die "the AppCDS training run never got ready (log: $work/training.log)"; }
  [[ -s "$work/out/app-cds.jsa" ]] || { tail -30 "$work/training.log" >&2; die "the AppCDS training run wrote no archive (log: $work/training.log)"; }
  # The build context: only the archive and the Containerfile.
  mkdir -p "$work/layer"; mv "$work/out/app-cds.jsa" "$work/layer/app-cds.jsa"
  local base_id
  base_id="$(podman image inspect "$IMAGE" --format '{{.Id}}')"
  cat >"$work/layer/Containerfile" <<EOF
FROM $base_id
COPY app-cds.jsa /deployments/app-cds.jsa
ENV JAVA_TOOL_OPTIONS=-XX:SharedArchiveFile=/deployments/app-cds.jsa
EOF
  podman build --runtime runc --quiet -t "$IMAGE" "$work/layer" >/dev/null \
    || die "podman build of the AppCDS layer failed"
  log "AppCDS archive $(du -h "$work/layer/app-cds.jsa" | cut -f1) added in $((SECONDS - t1)) s (training log: $work/training.log)"
}
if [[ "$IMAGE_APPCDS" == full ]]; then appcds_layer; fi

podman save --format docker-archive -o "$IMAGE_TAR.tmp" "$IMAGE" >/dev/null
mv "$IMAGE_TAR.tmp" "$IMAGE_TAR"
log "built $IMAGE in $((SECONDS - t0)) s: $IMAGE_TAR ($(du -h "$IMAGE_TAR" | cut -f1))"
printf 'IMAGE=%s\nIMAGE_TAR=%s\nIMAGE_BASE=%s\nIMAGE_APPCDS=%s\n' "$IMAGE" "$IMAGE_TAR" "$BASE" "$IMAGE_APPCDS" >"$OUT_DIR/image.env"
echo "IMAGE=$IMAGE IMAGE_TAR=$IMAGE_TAR"
