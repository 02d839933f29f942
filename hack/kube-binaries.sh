#!/usr/bin/env bash
# Builds the Kubernetes control-plane binaries (kube-apiserver, kubectl, etcd) from source with the
# machine's Go, caches them outside the repository and lays them out where io.fabric8:kube-api-test
# looks for them:
#
#   $KUBE_API_TEST_DIR/k8s/<K8S_VERSION>-<os>-<arch>/{etcd,kube-apiserver,kubectl}
#
# Why: kube-api-test downloads these binaries itself, but only from GitHub, which these machines
# cannot reach; they do reach the Go module proxy, which serves the sources. See docs/control-plane.md.
#
# A cached run only checks the binaries' versions and takes about a second. The last line printed
# on stdout is always
#   KUBE_API_TEST_DIR=<dir> K8S_VERSION=<version>
# (all other progress goes to stderr), so callers can `eval "$(hack/kube-binaries.sh)"`.
#
# Environment (all optional):
#   K8S_VERSION        Kubernetes release to build (default 1.35.4, see below)
#   ETCD_VERSION       etcd release to build (default 3.6.5, the version Kubernetes 1.35.4 pins)
#   KUBE_API_TEST_DIR  where kube-api-test looks (default ~/.kubeapitest, as kube-api-test)
#   GEODR_KUBE_CACHE   build cache (default ${XDG_CACHE_HOME:-$HOME/.cache}/geodr-kube)
#   KUBE_BUILD_JOBS    go build -p (default: number of CPUs, at most 2)
#   GO                 the go command (default: go)
#   FORCE_REBUILD=1    rebuild even when the cached binaries have the right versions
#   KUBE_NODE_BINARIES=1  also build what a node and its controllers need (kubelet, kube-proxy,
#                      kube-controller-manager, kube-scheduler: hack/node-up.sh), into the same
#                      directory; without it they are neither built nor checked
set -euo pipefail

# 1.35 is the Kubernetes minor whose API the fabric8 7.6.1 model (brought by QOSDK 7.7.3) covers.
# 1.35.4 is the only 1.35 patch release the Go module proxy serves to these machines (1.35.9/.10
# answer 403 "This module version is not available").
K8S_VERSION="${K8S_VERSION:-1.35.4}"
K8S_VERSION="${K8S_VERSION#v}"
# The etcd that k8s.io/kubernetes v1.35.4's go.mod requires (go.etcd.io/etcd/server/v3 v3.6.5).
ETCD_VERSION="${ETCD_VERSION:-3.6.5}"
ETCD_VERSION="${ETCD_VERSION#v}"
KUBE_API_TEST_DIR="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}"
CACHE_DIR="${GEODR_KUBE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/geodr-kube}"
GO="${GO:-go}"
FORCE_REBUILD="${FORCE_REBUILD:-0}"
KUBE_NODE_BINARIES="${KUBE_NODE_BINARIES:-0}"
NODE_COMMANDS=(kubelet kube-proxy kube-controller-manager kube-scheduler)

log() { printf '[kube-binaries] %s\n' "$*" >&2; }
die() { printf '[kube-binaries] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ -z "${KUBE_BUILD_JOBS:-}" ]]; then
  KUBE_BUILD_JOBS="$(nproc 2>/dev/null || echo 2)"
  (( KUBE_BUILD_JOBS > 2 )) && KUBE_BUILD_JOBS=2
fi

command -v "$GO" >/dev/null || die "'$GO' not found; install Go >= 1.25 (Kubernetes ${K8S_VERSION} needs it)"

# kube-api-test names the directory after Java's os.name/os.arch (linux, amd64|arm64); Go uses the
# same words for these platforms.
GOOS_="$("$GO" env GOOS)"
GOARCH_="$("$GO" env GOARCH)"
PLATFORM_DIR="${KUBE_API_TEST_DIR}/k8s/${K8S_VERSION}-${GOOS_}-${GOARCH_}"

K8S_BIN_DIR="${CACHE_DIR}/bin/kubernetes-v${K8S_VERSION}-${GOOS_}-${GOARCH_}"
NODE_BIN_DIR="${CACHE_DIR}/bin/kubernetes-node-v${K8S_VERSION}-${GOOS_}-${GOARCH_}"
ETCD_BIN_DIR="${CACHE_DIR}/bin/etcd-v${ETCD_VERSION}-${GOOS_}-${GOARCH_}"
LOG_DIR="${CACHE_DIR}/logs"
mkdir -p "$CACHE_DIR" "$LOG_DIR" "$K8S_BIN_DIR" "$ETCD_BIN_DIR"

# Two concurrent runs (CI, `make demo`, a test) must not build into the same directories.
exec 9>"${CACHE_DIR}/.lock"
if command -v flock >/dev/null; then
  if ! flock -n 9; then
    # Otherwise this wait is silent, and as long as the other run's build (minutes on a cold cache).
    log "waiting for another kube-binaries.sh run to finish (lock ${CACHE_DIR}/.lock, up to 1 h)"
  fi
  flock -w 3600 9 || die "timed out waiting for another kube-binaries.sh (lock ${CACHE_DIR}/.lock)"
fi

# --- version probes: the cheap check that makes a cached run take about a second -----------------
apiserver_version() { if [[ -x "$1" ]]; then "$1" --version 2>/dev/null | awk '{print $2}' || true; fi; }
kubectl_version() {
  [[ -x "$1" ]] || return 0
  "$1" version --client -o json 2>/dev/null | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p' | head -1 || true
}
etcd_version() { if [[ -x "$1" ]]; then "$1" --version 2>/dev/null | sed -n 's/^etcd Version: *//p' || true; fi; }

k8s_ok()  { [[ "$(apiserver_version "$1/kube-apiserver")" == "v${K8S_VERSION}" && "$(kubectl_version "$1/kubectl")" == "v${K8S_VERSION}" ]]; }
etcd_ok() { [[ "$(etcd_version "$1/etcd")" == "${ETCD_VERSION}" ]]; }
# kubelet, kube-proxy and the controllers all print "Kubernetes v<version>".
node_ok() {
  local c
  for c in "${NODE_COMMANDS[@]}"; do
    [[ -x "$1/$c" && "$("$1/$c" --version 2>/dev/null | awk '{print $2}')" == "v${K8S_VERSION}" ]] || return 1
  done
}

# --- Go environment: build cache in our cache dir, no toolchain download, static binaries --------
export GOCACHE="${CACHE_DIR}/go-build"
export GOTOOLCHAIN=local
export CGO_ENABLED=0
export GOFLAGS="-buildvcs=false"
export GOOS="$GOOS_" GOARCH="$GOARCH_"
# Go module downloads go to the machine's shared module cache (GOMODCACHE) on purpose: other
# tools here (e.g. sigs.k8s.io/cli-utils for the kstatus check) share most of these modules.

go_at_least() { # go_at_least 1.25.0 -> true if the machine's Go is at least that version
  local have
  have="$("$GO" env GOVERSION)"; have="${have#go}"; have="${have%%[-+ ]*}"
  [[ "$(printf '%s\n%s\n' "$1" "$have" | sort -V | head -1)" == "$1" ]]
}

HEARTBEAT_SECONDS="${HEARTBEAT_SECONDS:-60}"

timed() { # timed <logfile> <label> <cmd...>: run with output to a log, a line every minute while it
  # runs (a cold go build prints nothing for minutes), and the log's tail on failure
  local logf="$1" label="$2"; shift 2
  local t0=$SECONDS next=$((SECONDS + HEARTBEAT_SECONDS)) pid rc=0
  "$@" >>"$logf" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if (( SECONDS >= next )); then
      log "    ... ${label}: still running, $((SECONDS - t0)) s so far (log: $logf)"
      next=$((SECONDS + HEARTBEAT_SECONDS))
    fi
  done
  wait "$pid" || rc=$?
  if (( rc != 0 )); then
    log "FAILED after $((SECONDS - t0)) s: $*"
    log "last lines of $logf:"
    tail -n 40 "$logf" >&2
    exit 1
  fi
  log "  ${label}: done in $((SECONDS - t0)) s"
}

# "[n/total]" for the per-binary lines; total is set once we know what is missing.
binary_no=0
binaries_total=0
next_binary() { binary_no=$((binary_no + 1)); no="[${binary_no}/${binaries_total}]"; } # sets the caller's $no

build_kubernetes() { # build_kubernetes <bin dir> <cmd...>: k8s.io/kubernetes/cmd/<cmd> into <bin dir>
  local bin_dir="$1"; shift
  local cmds=("$@")
  local src="${CACHE_DIR}/src/kubernetes-v${K8S_VERSION}"
  local logf="${LOG_DIR}/kubernetes-v${K8S_VERSION}.log"
  mkdir -p "$src"
  log "building ${cmds[*]} v${K8S_VERSION} (log: $logf)"

  # k8s.io/kubernetes's go.mod points every k8s.io/<staging> module at ./staging, which does not
  # exist for a dependency. Read that list from the release's own go.mod and replace each one with
  # its published v0.<minor>.<patch> version instead.
  log "  fetching k8s.io/kubernetes@v${K8S_VERSION} go.mod from the module proxy"
  local gomod
  gomod="$(cd "$src" && "$GO" mod download -json "k8s.io/kubernetes@v${K8S_VERSION}" 2>>"$logf" \
    | sed -n 's/^[[:space:]]*"GoMod": *"\([^"]*\)".*/\1/p')" \
    || die "cannot download k8s.io/kubernetes@v${K8S_VERSION} (see $logf)"
  [[ -f "$gomod" ]] || die "no go.mod for k8s.io/kubernetes@v${K8S_VERSION} (see $logf)"
  local go_line godebug staging
  go_line="$(grep -E '^go [0-9]' "$gomod" | head -1)"
  go_at_least "${go_line#go }" || die "Kubernetes ${K8S_VERSION} needs ${go_line}; this machine has $("$GO" env GOVERSION)"
  godebug="$(grep -E '^godebug ' "$gomod" || true)"
  staging="$(sed -n 's#^[[:space:]]*\(k8s\.io/[^ ]*\) => \./staging/src/k8s\.io/.*#\1#p' "$gomod")"
  [[ -n "$staging" ]] || die "found no ./staging replace directives in $gomod"
  local staging_version="v0.${K8S_VERSION#1.}"

  {
    echo "// Generated by hack/kube-binaries.sh: builds k8s.io/kubernetes commands from the module proxy."
    echo "module geodr.dev/kube-binaries"
    echo
    echo "$go_line"
    [[ -n "$godebug" ]] && echo "$godebug"
    echo
    echo "require k8s.io/kubernetes v${K8S_VERSION}"
    echo
    echo "replace ("
    local m
    for m in $staging; do echo "	$m => $m ${staging_version}"; done
    echo ")"
  } >"$src/go.mod"
  # Keep go.sum from an earlier run: it only grows, and go verifies it against sum.golang.org.
  touch "$src/go.sum"
  # A package of the main module is needed for `go get` of commands to be recorded; none is built.
  printf '%s\n' '//go:build tools' '' 'package tools' >"$src/tools.go"

  log "  resolving modules ($(wc -w <<<"$staging") staging modules -> ${staging_version})"
  local cmd targets=()
  for cmd in "${cmds[@]}"; do targets+=("k8s.io/kubernetes/cmd/${cmd}@v${K8S_VERSION}"); done
  (cd "$src" && timed "$logf" "resolving modules" "$GO" get "${targets[@]}")

  # What the release build (hack/lib/version.sh) stamps in, so `--version`, `kubectl version` and
  # /version are right. The proxy's .info has the tag's time but no commit hash, so gitCommit stays
  # empty rather than made up.
  local info_file build_date ldflags pkg
  info_file="$(cd "$src" && "$GO" mod download -json "k8s.io/kubernetes@v${K8S_VERSION}" \
    | sed -n 's/^[[:space:]]*"Info": *"\([^"]*\)".*/\1/p')"
  build_date="$(sed -n 's/.*"Time": *"\([^".]*\)[^"]*".*/\1/p' "$info_file" 2>/dev/null || true)"
  build_date="${build_date%Z}"
  [[ -n "$build_date" ]] && build_date+="Z" || build_date="1970-01-01T00:00:00Z"
  ldflags="-s -w"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X ${pkg}.gitVersion=v${K8S_VERSION}"
    ldflags+=" -X ${pkg}.gitMajor=${K8S_VERSION%%.*}"
    ldflags+=" -X ${pkg}.gitMinor=$(cut -d. -f2 <<<"$K8S_VERSION")"
    ldflags+=" -X ${pkg}.gitTreeState=clean"
    ldflags+=" -X ${pkg}.buildDate=${build_date}"
    ldflags+=" -X ${pkg}.gitCommit="
  done

  local tmp="${bin_dir}.tmp"
  rm -rf "$tmp"; mkdir -p "$tmp"
  for cmd in "${cmds[@]}"; do
    local no
    next_binary
    log "${no} ${cmd} v${K8S_VERSION}: building (go build -p ${KUBE_BUILD_JOBS}, started $(date +%H:%M:%S))"
    (cd "$src" && timed "$logf" "${no} ${cmd}" "$GO" build -p "$KUBE_BUILD_JOBS" -trimpath -ldflags "$ldflags" \
        -o "$tmp/$cmd" "k8s.io/kubernetes/cmd/$cmd")
  done
  rm -rf "$bin_dir"; mv "$tmp" "$bin_dir"
}

build_etcd() {
  local src="${CACHE_DIR}/src/etcd-v${ETCD_VERSION}"
  local logf="${LOG_DIR}/etcd-v${ETCD_VERSION}.log"
  : >"$logf"
  mkdir -p "$src"
  log "building etcd v${ETCD_VERSION} (log: $logf)"
  # etcd's own go.mod files carry replace directives, so `go install ...@version` refuses them;
  # a tiny main in a throwaway module that requires the server module works.
  cat >"$src/go.mod" <<EOF
// Generated by hack/kube-binaries.sh: builds the etcd server from the module proxy.
module geodr.dev/etcd-binary

go 1.24

require go.etcd.io/etcd/server/v3 v${ETCD_VERSION}
EOF
  touch "$src/go.sum"
  cat >"$src/main.go" <<'EOF'
// Command etcd is the etcd server, built from go.etcd.io/etcd/server/v3 (its cmd main does the same).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
EOF
  log "  resolving modules"
  (cd "$src" && timed "$logf" "resolving modules" "$GO" get "go.etcd.io/etcd/server/v3@v${ETCD_VERSION}" \
      && timed "$logf" "go mod tidy" "$GO" mod tidy)
  local tmp="${ETCD_BIN_DIR}.tmp"
  rm -rf "$tmp"; mkdir -p "$tmp"
  local no
  next_binary
  log "${no} etcd v${ETCD_VERSION}: building (go build -p ${KUBE_BUILD_JOBS}, started $(date +%H:%M:%S))"
  (cd "$src" && timed "$logf" "${no} etcd" "$GO" build -p "$KUBE_BUILD_JOBS" -trimpath -ldflags "-s -w" -o "$tmp/etcd" .)
  etcd_ok "$tmp" || die "built etcd does not report ${ETCD_VERSION}: $(etcd_version "$tmp/etcd")"
  rm -rf "$ETCD_BIN_DIR"; mv "$tmp" "$ETCD_BIN_DIR"
}

install_into_platform_dir() {
  # Hard links when the cache and KUBE_API_TEST_DIR share a filesystem (no extra 200 MB), copies
  # otherwise. Files are replaced atomically so a running test never sees half a binary.
  mkdir -p "$PLATFORM_DIR"
  local f src files=(kube-apiserver kubectl etcd)
  [[ "$KUBE_NODE_BINARIES" == 1 ]] && files+=("${NODE_COMMANDS[@]}")
  for f in "${files[@]}"; do
    case "$f" in
      etcd) src="$ETCD_BIN_DIR/$f" ;;
      kube-apiserver|kubectl) src="$K8S_BIN_DIR/$f" ;;
      *) src="$NODE_BIN_DIR/$f" ;;
    esac
    if [[ -e "$PLATFORM_DIR/$f" && "$src" -ef "$PLATFORM_DIR/$f" ]]; then continue; fi
    ln -f "$src" "$PLATFORM_DIR/.$f.new" 2>/dev/null || cp -f "$src" "$PLATFORM_DIR/.$f.new"
    mv -f "$PLATFORM_DIR/.$f.new" "$PLATFORM_DIR/$f"
  done
}

start=$SECONDS
built=0
need_k8s=0 need_etcd=0 need_node=0
if [[ "$FORCE_REBUILD" == 1 ]] || ! k8s_ok "$K8S_BIN_DIR"; then need_k8s=1; fi
if [[ "$FORCE_REBUILD" == 1 ]] || ! etcd_ok "$ETCD_BIN_DIR"; then need_etcd=1; fi
if [[ "$KUBE_NODE_BINARIES" == 1 ]] && { [[ "$FORCE_REBUILD" == 1 ]] || ! node_ok "$NODE_BIN_DIR"; }; then need_node=1; fi
binaries_total=$((need_k8s * 2 + need_etcd + need_node * ${#NODE_COMMANDS[@]}))

if (( binaries_total > 0 )); then
  # Say up front what the next minutes are for: a cold build is silent work for a long time.
  missing=()
  (( need_k8s )) && missing+=("kube-apiserver v${K8S_VERSION}" "kubectl v${K8S_VERSION}")
  (( need_etcd )) && missing+=("etcd v${ETCD_VERSION}")
  (( need_node )) && missing+=("${NODE_COMMANDS[@]/%/ v${K8S_VERSION}}")
  log "building the local Kubernetes control plane from source with $("$GO" env GOVERSION):"
  joined="$(printf '%s, ' "${missing[@]}")"
  log "  ${joined%, }"
  log "this happens once: the binaries are cached in ${CACHE_DIR}/bin (Go build cache ${GOCACHE})"
  log "  and linked into ${PLATFORM_DIR}; later runs only check their versions (about a second)."
  log "expect roughly 5 minutes on 2 idle cores with a cold Go cache (the node's four binaries about"
  log "  as long again), longer on a busy machine; one line per binary when it starts and finishes,"
  log "  and one a minute while a step runs."
  if [[ -s "${LOG_DIR}/timings.log" ]]; then
    log "  last build on this machine: $(tail -n 1 "${LOG_DIR}/timings.log")"
  fi
fi

if (( need_k8s )); then
  build_kubernetes "$K8S_BIN_DIR" kube-apiserver kubectl; built=1
  k8s_ok "$K8S_BIN_DIR" || die "built binaries do not report v${K8S_VERSION}: $(apiserver_version "$K8S_BIN_DIR/kube-apiserver") / $(kubectl_version "$K8S_BIN_DIR/kubectl")"
else
  log "cached: kube-apiserver and kubectl v${K8S_VERSION} in $K8S_BIN_DIR"
fi
if (( need_etcd )); then
  build_etcd; built=1
else
  log "cached: etcd v${ETCD_VERSION} in $ETCD_BIN_DIR"
fi
if (( need_node )); then
  build_kubernetes "$NODE_BIN_DIR" "${NODE_COMMANDS[@]}"; built=1
  node_ok "$NODE_BIN_DIR" || die "built node binaries in $NODE_BIN_DIR do not all report v${K8S_VERSION}"
elif [[ "$KUBE_NODE_BINARIES" == 1 ]]; then
  log "cached: ${NODE_COMMANDS[*]} v${K8S_VERSION} in $NODE_BIN_DIR"
fi
install_into_platform_dir
if ! k8s_ok "$PLATFORM_DIR" || ! etcd_ok "$PLATFORM_DIR"; then
  die "binaries in $PLATFORM_DIR do not report the expected versions"
fi
if [[ "$KUBE_NODE_BINARIES" == 1 ]] && ! node_ok "$PLATFORM_DIR"; then
  die "node binaries in $PLATFORM_DIR do not report v${K8S_VERSION}"
fi

if (( built )); then
  log "built in $((SECONDS - start)) s"
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) built ${joined%, } in $((SECONDS - start)) s" >>"${LOG_DIR}/timings.log"
fi
log "kube-apiserver $(apiserver_version "$PLATFORM_DIR/kube-apiserver"), kubectl $(kubectl_version "$PLATFORM_DIR/kubectl"), etcd $(etcd_version "$PLATFORM_DIR/etcd")"
log "binaries: $PLATFORM_DIR"
echo "KUBE_API_TEST_DIR=${KUBE_API_TEST_DIR} K8S_VERSION=${K8S_VERSION}"
