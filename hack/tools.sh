#!/usr/bin/env bash
# Builds the chart's test tools from source with the machine's Go, pinned, into a cache outside the
# repository:
#
#   ${GEODR_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/geodr-tools}/bin/{helm,promtool}
#
# Why from source: these machines reach the Go module proxy but not GitHub releases or get.helm.sh.
#
# A cached run only checks the binaries' embedded module versions (`go version -m`) and takes about a
# second. The last line on stdout is always
#   TOOLS_BIN=<dir>
# (progress goes to stderr), so callers can `eval "$(hack/tools.sh | tail -n 1)"`.
#
# Environment (all optional):
#   HELM_VERSION       default v4.3.2 (module helm.sh/helm/v4; Helm 3 is not used)
#   PROMETHEUS_VERSION default v0.316.0 (module github.com/prometheus/prometheus, for cmd/promtool)
#   PROMETHEUS_OPERATOR_VERSION default v0.85.0: its ServiceMonitor and PrometheusRule CRDs (from the
#                      module's example/prometheus-operator-crd/) are copied to
#                      <cache>/crds/prometheus-operator-<version>/, i.e. $TOOLS_BIN/../crds/..., so the
#                      chart checks can let an API server validate those two objects as well
#   GEODR_TOOLS_CACHE  cache dir (default ${XDG_CACHE_HOME:-$HOME/.cache}/geodr-tools)
#   GO                 the go command (default: go)
#   FORCE_REBUILD=1    rebuild even when the cached binaries have the right versions
set -euo pipefail

HELM_VERSION="${HELM_VERSION:-v4.3.2}"
PROMETHEUS_VERSION="${PROMETHEUS_VERSION:-v0.316.0}"
PROMETHEUS_OPERATOR_VERSION="${PROMETHEUS_OPERATOR_VERSION:-v0.85.0}"
CACHE_DIR="${GEODR_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/geodr-tools}"
BIN_DIR="$CACHE_DIR/bin"
LOG_DIR="$CACHE_DIR/logs"
GO="${GO:-go}"
FORCE_REBUILD="${FORCE_REBUILD:-0}"

log() { printf '[tools] %s\n' "$*" >&2; }
die() { printf '[tools] ERROR: %s\n' "$*" >&2; exit 1; }

command -v "$GO" >/dev/null || die "'$GO' not found; install Go (helm ${HELM_VERSION} and promtool need >= 1.26)"
mkdir -p "$BIN_DIR" "$LOG_DIR"

# Two concurrent runs (make test in two shells, CI) must not build into the same directory.
exec 9>"$CACHE_DIR/.lock"
if command -v flock >/dev/null; then
  flock -n 9 || log "waiting for another tools.sh run (lock $CACHE_DIR/.lock, up to 1 h)"
  flock -w 3600 9 || die "timed out waiting for another tools.sh run (lock $CACHE_DIR/.lock)"
fi

# Our own build cache, no toolchain download (a go.mod asking for a newer Go fails with a clear
# message rather than fetching one), static binaries. Module downloads use the shared GOMODCACHE.
export GOCACHE="$CACHE_DIR/go-build"
export GOTOOLCHAIN=local
export CGO_ENABLED=0
export GOFLAGS="-buildvcs=false"

# has_module <binary> <module> <version>: the binary was built from that module at that version
# (as the main module with `go install`, or as a dependency of the fallback module).
has_module() {
  [[ -x "$1" ]] || return 1
  "$GO" version -m "$1" 2>/dev/null | awk -v m="$2" -v v="$3" '($1=="path"||$1=="mod"||$1=="dep") && $2==m && $3==v {f=1} END {exit !f}'
}

# build <name> <module> <package> <version> [ldflags]: go install pkg@version; when go install refuses
# (replace/exclude directives in the module's go.mod), build it from a throwaway module requiring it.
build() {
  local name="$1" module="$2" pkg="$3" version="$4" ldflags="${5:-}"
  local target="$BIN_DIR/$name" logf="$LOG_DIR/$name-$version.log" t0=$SECONDS
  if [[ "$FORCE_REBUILD" != 1 ]] && has_module "$target" "$module" "$version"; then
    log "$name: cached ($module $version)"
    return 0
  fi
  log "$name: building $pkg@$version (log: $logf; minutes on a cold cache)"
  : >"$logf"
  local tmpbin="$CACHE_DIR/tmp-$name"
  rm -rf "$tmpbin"; mkdir -p "$tmpbin"
  if ! GOBIN="$tmpbin" "$GO" install -trimpath -ldflags "-s -w $ldflags" "$pkg@$version" >>"$logf" 2>&1; then
    if grep -qE 'contains one or more (replace|exclude) directives' "$logf"; then
      log "$name: go install refused the module's replace/exclude directives; building through a throwaway module"
      local src="$CACHE_DIR/src/$name-$version"
      rm -rf "$src"; mkdir -p "$src"
      printf 'module geodr.dev/tools-%s\n\ngo 1.26\n' "$name" >"$src/go.mod"
      printf '%s\n' '//go:build tools' '' 'package tools' '' "import _ \"$pkg\"" >"$src/tools.go"
      (cd "$src" && "$GO" get "$pkg@$version" >>"$logf" 2>&1 \
        && "$GO" build -trimpath -ldflags "-s -w $ldflags" -o "$tmpbin/$name" "$pkg" >>"$logf" 2>&1) \
        || { tail -n 30 "$logf" >&2; die "$name: building $pkg@$version failed (log: $logf)"; }
    else
      tail -n 30 "$logf" >&2
      die "$name: go install $pkg@$version failed (log: $logf)"
    fi
  fi
  mv -f "$tmpbin/$name" "$target"
  rm -rf "$tmpbin"
  has_module "$target" "$module" "$version" || die "$name: built, but $target does not report $module $version"
  log "$name: built in $((SECONDS - t0)) s"
}

# Helm stamps its version with ldflags in a release build; without it `helm version` says "v4.3".
build helm helm.sh/helm/v4 helm.sh/helm/v4/cmd/helm "$HELM_VERSION" \
  "-X helm.sh/helm/v4/internal/version.version=$HELM_VERSION -X helm.sh/helm/v4/internal/version.gitTreeState=clean"
build promtool github.com/prometheus/prometheus github.com/prometheus/prometheus/cmd/promtool "$PROMETHEUS_VERSION" \
  "-X github.com/prometheus/common/version.Version=${PROMETHEUS_VERSION#v}"

# The Prometheus Operator's CRDs for ServiceMonitor and PrometheusRule: files, nothing to build.
fetch_monitoring_crds() {
  local dest="$CACHE_DIR/crds/prometheus-operator-$PROMETHEUS_OPERATOR_VERSION" dir f
  if [[ "$FORCE_REBUILD" != 1 && -s "$dest/monitoring.coreos.com_servicemonitors.yaml" && -s "$dest/monitoring.coreos.com_prometheusrules.yaml" ]]; then
    log "monitoring CRDs: cached (prometheus-operator $PROMETHEUS_OPERATOR_VERSION)"
    return 0
  fi
  dir="$(cd "$CACHE_DIR" && "$GO" mod download -json "github.com/prometheus-operator/prometheus-operator@$PROMETHEUS_OPERATOR_VERSION" \
    2>>"$LOG_DIR/prometheus-operator.log" | sed -n 's/^[[:space:]]*"Dir": *"\([^"]*\)".*/\1/p')" || true
  [[ -n "$dir" && -d "$dir" ]] || die "cannot download github.com/prometheus-operator/prometheus-operator@$PROMETHEUS_OPERATOR_VERSION (log: $LOG_DIR/prometheus-operator.log)"
  mkdir -p "$dest"
  for f in monitoring.coreos.com_servicemonitors.yaml monitoring.coreos.com_prometheusrules.yaml; do
    [[ -s "$dir/example/prometheus-operator-crd/$f" ]] || die "no example/prometheus-operator-crd/$f in $dir"
    cp "$dir/example/prometheus-operator-crd/$f" "$dest/$f"
    chmod u+w "$dest/$f"
  done
  log "monitoring CRDs: prometheus-operator $PROMETHEUS_OPERATOR_VERSION -> $dest"
}
fetch_monitoring_crds

log "helm: $("$BIN_DIR/helm" version --short 2>/dev/null || echo '?')"
echo "TOOLS_BIN=$BIN_DIR"
