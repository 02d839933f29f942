# shellcheck shell=bash
# Shared by hack/demo.sh, hack/demo-outage.sh and hack/capture-status-snapshots.sh (source it; it
# defines functions and a few variables, and runs nothing by itself): a local control plane
# (hack/cluster-up.sh in a directory of the caller's choosing), the CRDs, the operator jar started in
# the background through hack/run-operator.sh, a standalone ARM simulator and its admin API, and
# readable one-line summaries of ServiceBusGeoPairing objects.
#
# The caller sets before sourcing (or accepts the defaults):
#   LO_RUN_DIR      where logs, pid files and the control plane go (default <repo>/target/demo)
#   LO_TAG          prefix of progress lines (default "demo")

LO_HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$LO_HACK_DIR/.." && pwd)"
source "$LO_HACK_DIR/lib/loopback-direct.sh"
source "$LO_HACK_DIR/lib/crds.sh"
LO_RUN_DIR="${LO_RUN_DIR:-$REPO_ROOT/target/demo}"
LO_TAG="${LO_TAG:-demo}"
LO_T0="${LO_T0:-$SECONDS}"
LO_CRD_DIR="$REPO_ROOT/crds"
LO_JAR="$REPO_ROOT/target/quarkus-app/quarkus-run.jar"
OP_PID=""
CLUSTER_STARTED=0
SIM_PID=""

# --- output ------------------------------------------------------------------------------------
say()  { printf '[%s %4ds] %s\n' "$LO_TAG" "$(( SECONDS - LO_T0 ))" "$*"; }
step() { printf '\n[%s %4ds] == %s\n' "$LO_TAG" "$(( SECONDS - LO_T0 ))" "$*"; }
die()  { printf '[%s %4ds] ERROR: %s\n' "$LO_TAG" "$(( SECONDS - LO_T0 ))" "$*" >&2; exit 1; }
indent() { sed 's/^/    /'; }

# --- a demo's options -------------------------------------------------------------------------------
# demo_args "$@": the options of hack/demo.sh and hack/demo-outage.sh. Sets ONCE=1 (exit after the last
# step instead of waiting for Ctrl-C) for --once, DEMO_NONINTERACTIVE=1|true|yes or CI=true; --help
# prints the script's header comment (line 2 up to `set -euo`).
# shellcheck disable=SC2034  # ONCE is read by the demo
demo_args() {
  local arg
  ONCE=0
  case "${DEMO_NONINTERACTIVE:-}" in 1|true|yes) ONCE=1 ;; esac
  [[ "${CI:-}" == true ]] && ONCE=1
  for arg in "$@"; do
    case "$arg" in
      --once) ONCE=1 ;;
      -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
      *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
  done
}

# cleanup_on_exit <function>: run <function> once when the script exits, Ctrl-C (exit code 130) and
# SIGTERM (143) included, with errexit off and SIGPIPE, SIGINT and SIGTERM ignored, so things are
# stopped even if stdout is gone (`make demo | tee`, whose tee dies with the same Ctrl-C).
LO_CLEANUP=""
LO_CLEANED=0
lo_cleanup() {
  (( LO_CLEANED )) && return 0
  LO_CLEANED=1
  set +e
  trap '' PIPE INT TERM
  echo
  "$LO_CLEANUP"
}
cleanup_on_exit() {
  LO_CLEANUP="$1"
  trap 'lo_cleanup' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# --- ports -------------------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pick_port <name> <explicit value or ""> <preferred>: the explicit value when given (it must be
# free), else the preferred port when free, else a free one in 20000-32767 (below Linux's ephemeral
# range, like cluster-up.sh). Prints the port.
pick_port() {
  local name="$1" explicit="$2" preferred="$3" p
  if [[ -n "$explicit" ]]; then
    [[ "$explicit" =~ ^[0-9]+$ ]] || die "$name must be a port number, got '$explicit'"
    port_in_use "$explicit" && die "$name=$explicit is already in use on 127.0.0.1; pick another or unset it"
    echo "$explicit"; return 0
  fi
  if ! port_in_use "$preferred"; then echo "$preferred"; return 0; fi
  for _ in $(seq 1 200); do
    p=$(( 20000 + (RANDOM % 12768) ))
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  die "no free port found for $name"
}

# --- control plane -----------------------------------------------------------------------------
# start_cluster: a fresh control plane in $LO_RUN_DIR/cluster (whatever ran there before is stopped
# and wiped first, so a demo never inherits objects from an earlier run); sets KUBECONFIG, KUBECTL.
start_cluster() {
  export CLUSTER_DIR="$LO_RUN_DIR/cluster"
  if [[ -f "$CLUSTER_DIR/kube-apiserver.pid" || -f "$CLUSTER_DIR/etcd.pid" ]]; then
    say "stopping the control plane an earlier run left in $CLUSTER_DIR"
    "$LO_HACK_DIR/cluster-down.sh" 2>&1 | indent
  fi
  mkdir -p "$LO_RUN_DIR"
  CLUSTER_STARTED=1
  if ! "$LO_HACK_DIR/cluster-up.sh" >"$LO_RUN_DIR/cluster-up.out" 2>"$LO_RUN_DIR/cluster-up.log"; then
    indent <"$LO_RUN_DIR/cluster-up.log" >&2
    die "hack/cluster-up.sh failed (log above)"
  fi
  grep -E '^\[cluster-up\] (starting|ready)' "$LO_RUN_DIR/cluster-up.log" | indent || true
  # shellcheck disable=SC1091
  source "$CLUSTER_DIR/env"
  export KUBECONFIG KUBECTL
  [[ -x "$KUBECTL" ]] || die "no kubectl at $KUBECTL"
}

stop_cluster() {
  if (( CLUSTER_STARTED )); then
    CLUSTER_STARTED=0
    CLUSTER_DIR="$LO_RUN_DIR/cluster" "$LO_HACK_DIR/cluster-down.sh" 2>&1 | indent || true
  fi
}

kc() { "$KUBECTL" "$@"; }

# install_crd: every kind's CRD (crds/ as kustomize base), then waits until each is served: the
# operator starts an informer per kind and is not ready before all of them exist.
install_crd() {
  local crds
  mapfile -t crds < <(crd_resources "$LO_CRD_DIR")
  kc apply -k "$LO_CRD_DIR" | indent
  wait_established kc "${crds[@]}" | indent
}

# --- operator ----------------------------------------------------------------------------------
# ensure_operator_built: runs the Maven package when the jar is missing or older than a source file
# or pom.xml. DEMO_MVN_FLAGS adds flags (e.g. -o on a machine without Maven Central).
ensure_operator_built() {
  local why=""
  if [[ ! -f "$LO_JAR" ]]; then
    why="no $LO_JAR"
  elif [[ -n "$(find "$REPO_ROOT/src/main" "$REPO_ROOT/pom.xml" -newer "$LO_JAR" -print -quit 2>/dev/null)" ]]; then
    why="sources changed since the last build"
  fi
  if [[ -z "$why" ]]; then
    say "operator already built (target/quarkus-app/quarkus-run.jar)"
    return 0
  fi
  say "building the operator ($why): ./mvnw -B -DskipTests package, log in ${LO_RUN_DIR#"$REPO_ROOT"/}/build.log"
  local t=$SECONDS
  # shellcheck disable=SC2086
  if ! (cd "$REPO_ROOT" && ./mvnw -B ${DEMO_MVN_FLAGS:-} -DskipTests package) >"$LO_RUN_DIR/build.log" 2>&1; then
    tail -n 40 "$LO_RUN_DIR/build.log" | indent >&2
    die "the build failed (last lines above, full log in $LO_RUN_DIR/build.log)"
  fi
  say "built in $(( SECONDS - t )) s"
}

# start_operator <logfile>: hack/run-operator.sh in the background with the real kubectl first on
# PATH; the caller exports the SIMULATOR_*/QUARKUS_*/GEODR_* settings. Sets OP_PID.
start_operator() {
  local logf="$1"
  : >"$logf"
  # setsid: Ctrl-C in the terminal reaches only this script, whose trap stops the operator.
  PATH="$CLUSTER_DIR/bin:$PATH" setsid "$LO_HACK_DIR/run-operator.sh" </dev/null >>"$logf" 2>&1 &
  OP_PID=$!
  echo "$OP_PID" >"$LO_RUN_DIR/operator.pid"
}

operator_alive() { [[ -n "$OP_PID" ]] && kill -0 "$OP_PID" 2>/dev/null; }

# wait_operator_ready <http port> <logfile> <timeout s>
wait_operator_ready() {
  local port="$1" logf="$2" timeout="$3" deadline=$(( SECONDS + $3 ))
  until curl -sf --max-time 2 "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    if ! operator_alive; then
      tail -n 40 "$logf" | indent >&2
      die "the operator exited during start (last lines of $logf above)"
    fi
    (( SECONDS < deadline )) || { tail -n 40 "$logf" | indent >&2; die "operator not ready after ${timeout}s"; }
    sleep 0.5
  done
}

# stop_operator [logfile]: SIGTERM, then SIGKILL if it has not exited LO_STOP_GRACE seconds (default 10)
# later. Only our own pid. (The operator exits on SIGTERM; the SIGKILL is a safety net, and the run
# says so when it is needed.)
stop_operator() {
  [[ -n "$OP_PID" ]] || return 0
  local grace="${LO_STOP_GRACE:-10}"
  if kill -0 "$OP_PID" 2>/dev/null; then
    kill -TERM "$OP_PID" 2>/dev/null || true
    for _ in $(seq 1 $(( grace * 10 ))); do
      kill -0 "$OP_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$OP_PID" 2>/dev/null; then
      say "operator did not exit ${grace}s after SIGTERM; sending SIGKILL"
      kill -KILL "$OP_PID" 2>/dev/null || true
    fi
  fi
  wait "$OP_PID" 2>/dev/null || true
  OP_PID=""
  rm -f "$LO_RUN_DIR/operator.pid"
}

# stop_stale_operator: an operator an earlier, killed run of the same script left behind (its pid
# file names it, and it runs the jar of this repository).
stop_stale_operator() {
  local pidf="$LO_RUN_DIR/operator.pid" pid
  [[ -f "$pidf" ]] || return 0
  pid="$(cat "$pidf")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
      && [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$REPO_ROOT" ]] \
      && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'quarkus-run.jar'; then
    say "stopping the operator an earlier run left behind (pid $pid)"
    OP_PID="$pid"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    OP_PID=""
  fi
  rm -f "$pidf"
}

# --- ARM simulator (standalone) ------------------------------------------------------------------
# start_simulator: hack/run-simulator.sh in the background, outside any operator, so operators can
# stop and start while "Azure" keeps its state. Its certificate goes to $LO_RUN_DIR/simulator, its
# log to $LO_RUN_DIR/simulator.log; the caller sets SIMULATOR_PORT, SIMULATOR_TIME_SCALE and maybe
# SIMULATOR_SEED. Sets SIM_PID, SIM_URL and SIM_CERT (what an operator's SIMULATOR_URL and
# SIMULATOR_CERT take).
start_simulator() {
  local logf="$LO_RUN_DIR/simulator.log" deadline=$(( SECONDS + 60 ))
  rm -rf "$LO_RUN_DIR/simulator"
  mkdir -p "$LO_RUN_DIR/simulator"
  : >"$logf"
  SIMULATOR_CERT_DIR="$LO_RUN_DIR/simulator" \
    setsid "$LO_HACK_DIR/run-simulator.sh" </dev/null >"$logf" 2>&1 &
  SIM_PID=$!
  echo "$SIM_PID" >"$LO_RUN_DIR/simulator.pid"
  until grep -q 'ARM simulator listening on' "$logf"; do
    kill -0 "$SIM_PID" 2>/dev/null || { indent <"$logf" >&2; die "the simulator exited (log above)"; }
    (( SECONDS < deadline )) || die "the simulator did not start in 60 s ($logf)"
    sleep 0.2
  done
  SIM_URL="$(sed -n 's/.*listening on \(https:[^ ]*\) .*/\1/p' "$logf" | head -n 1)"
  SIM_CERT="$LO_RUN_DIR/simulator/simulator-cert.pem"
  [[ -n "$SIM_URL" && -f "$SIM_CERT" ]] || die "the simulator log does not say where it listens ($logf)"
}

# stop_simulator: SIGTERM to the simulator start_simulator started (only that pid), and wait for it.
stop_simulator() {
  [[ -n "$SIM_PID" ]] || return 0
  kill -TERM "$SIM_PID" 2>/dev/null || true
  wait "$SIM_PID" 2>/dev/null || true
  SIM_PID=""
  rm -f "$LO_RUN_DIR/simulator.pid"
}

# sim <path>: GET on the simulator's admin API (SIM_URL, SIM_CERT: the embedded or standalone one).
sim() { curl -sf --max-time 5 --cacert "$SIM_CERT" "$SIM_URL${1#/}"; }
# sim_put <path> <json>, sim_post <path> <json>, sim_delete <path>: the other admin verbs.
sim_put() { curl -sf --max-time 5 --cacert "$SIM_CERT" -X PUT -H 'Content-Type: application/json' -d "$2" "$SIM_URL${1#/}"; }
sim_post() { curl -sf --max-time 5 --cacert "$SIM_CERT" -X POST -H 'Content-Type: application/json' -d "$2" "$SIM_URL${1#/}"; }
sim_delete() { curl -sf --max-time 5 --cacert "$SIM_CERT" -X DELETE "$SIM_URL${1#/}"; }

# --- pairings ----------------------------------------------------------------------------------
# summaries [name...]: one tab-separated line per pairing (all of them, or the named ones):
#   name generation observedGeneration Ready Reconciling Stalled reason message
# (reason and message of the Ready condition, which the operator sets to the pass's verdict).
LO_SUMMARY_JSONPATH='{range .items[*]}{.metadata.name}{"\t"}{.metadata.generation}{"\t"}{.status.observedGeneration}{"\t"}{.status.conditions[?(@.type=="Ready")].status}{"\t"}{.status.conditions[?(@.type=="Reconciling")].status}{"\t"}{.status.conditions[?(@.type=="Stalled")].status}{"\t"}{.status.conditions[?(@.type=="Ready")].reason}{"\t"}{.status.conditions[?(@.type=="Ready")].message}{"\n"}{end}'
summaries() {
  local all
  all="$(kc get servicebusgeopairings -o jsonpath="$LO_SUMMARY_JSONPATH")" || return 1
  if (( $# )); then
    awk -F'\t' -v names=" $* " 'index(names, " " $1 " ") > 0' <<<"$all"
  else
    printf '%s\n' "$all" | sed '/^$/d'
  fi
}

# describe <summary line>: what a person should read from it.
describe() {
  local name gen obs ready rec stalled reason msg
  IFS=$'\t' read -r name gen obs ready rec stalled reason msg <<<"$1"
  if [[ -z "$obs" ]]; then
    echo "$name: no status yet (waiting for the operator to see it)"
  elif [[ "$obs" != "$gen" ]]; then
    echo "$name: generation $gen not observed yet (the operator last acted on $obs)"
  elif [[ "$stalled" == True ]]; then
    echo "$name: Stalled ($reason): $msg"
  elif [[ "$rec" == True ]]; then
    echo "$name: Reconciling ($reason): $msg"
  elif [[ "$ready" == True ]]; then
    echo "$name: Ready ($reason): $msg"
  else
    echo "$name: $reason: $msg"
  fi
}

# is_state <summary line> <Ready|Reconciling|Stalled> [reason]: observed at the current generation and
# that condition True (with that reason, when given).
is_state() {
  local name gen obs ready rec stalled reason msg
  IFS=$'\t' read -r name gen obs ready rec stalled reason msg <<<"$1"
  [[ -n "$obs" && "$obs" == "$gen" ]] || return 1
  case "$2" in
    Ready) [[ "$ready" == True ]] ;;
    Reconciling) [[ "$rec" == True ]] ;;
    Stalled) [[ "$stalled" == True ]] ;;
    *) return 1 ;;
  esac || return 1
  [[ -z "${3:-}" || "$reason" == "$3" ]]
}
