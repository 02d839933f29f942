#!/usr/bin/env bash
# Checks the Helm chart (charts/servicebus-geodr-operator); `make chart-checks`, part of `make test`.
#
#   a. the chart's CRD is byte-identical to crds/                       (hack/check-chart-crd.sh)
#   b. helm lint --strict with the default values and with tests/values-everything.yaml
#   c. helm template of both, with assertions on what each renders; NOTES.txt (client dry-run
#      install); every value documented in docs/install.md and typed in values.schema.json
#   d. the values schema refuses wrong values, naming the field
#   e. parity of the default render with `kubectl kustomize deploy/`  (hack/chart_parity.py)
#   f. promtool check rules + promtool test rules on the rendered PrometheusRule's spec.groups
#   g. hack/check-alert-metrics.sh passes on a real /q/metrics capture, fails naming a missing metric
#   h. kubectl apply --dry-run=server of both renders against the local control plane, started with
#      hack/cluster-up.sh when it is down and the binaries exist (and stopped again); skipped without
#      binaries (CHART_DRY_RUN=require: fail instead). ServiceMonitor and PrometheusRule are validated
#      by the Prometheus Operator's CRDs (from hack/tools.sh) on a control plane this script started,
#      left out on another one that lacks them. On a control plane it started, also a real helm
#      install, upgrade and uninstall.
#
# helm v4 and promtool come from hack/tools.sh; kubectl from $KUBECTL, hack/kube-binaries.sh's
# ~/.kubeapitest/k8s/*/kubectl, target/cluster/bin/kubectl or PATH. Every failing check is reported;
# the exit status is 1 if any failed.
set -euo pipefail
HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HACK_DIR/.." && pwd)"
# shellcheck source=lib/crds.sh
source "$HACK_DIR/lib/crds.sh"
cd "$REPO_ROOT"
CHART=charts/servicebus-geodr-operator
EVERYTHING="$CHART/tests/values-everything.yaml"
RELEASE=servicebus-geodr-operator
NS=geodr-system
CHART_DRY_RUN="${CHART_DRY_RUN:-auto}"

log() { printf '[test-chart] %s\n' "$*" >&2; }
failures=()
fail() { log "FAIL: $*"; failures+=("$*"); }
ok() { log "ok: $*"; }

work="$(mktemp -d)"
started_cluster=0
cleanup() {
  if (( started_cluster )); then
    log "stopping the control plane this script started"
    "$HACK_DIR/cluster-down.sh" >&2 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

TOOLS_BIN="$("$HACK_DIR/tools.sh" | tail -n 1 | sed -n 's/^TOOLS_BIN=//p')"
HELM="$TOOLS_BIN/helm"
PROMTOOL="$TOOLS_BIN/promtool"
MONITORING_CRDS="$(dirname "$TOOLS_BIN")/crds/prometheus-operator-v0.85.0"
[[ -x "$HELM" && -x "$PROMTOOL" ]] || { log "hack/tools.sh did not provide helm and promtool"; exit 1; }
log "$("$HELM" version --short), $("$PROMTOOL" --version 2>&1 | head -n 1)"

# --- a. CRD copy --------------------------------------------------------------------------------
if "$HACK_DIR/check-chart-crd.sh" >&2; then ok "CRD copy"; else fail "a: the chart's CRD differs from crds/"; fi

# --- b. lint ------------------------------------------------------------------------------------
for values in default everything; do
  args=(); [[ $values == everything ]] && args=(-f "$EVERYTHING")
  if "$HELM" lint --strict "$CHART" -n "$NS" "${args[@]}" >"$work/lint-$values.txt" 2>&1; then
    ok "helm lint --strict ($values values)"
  else
    cat "$work/lint-$values.txt" >&2; fail "b: helm lint with $values values"
  fi
done

# --- c. template --------------------------------------------------------------------------------
render() { # render <out> <helm template args...>
  local out="$1"; shift
  "$HELM" template "$RELEASE" "$CHART" -n "$NS" "$@" >"$out" 2>"$out.err"
}
if render "$work/default.yaml" && render "$work/everything.yaml" -f "$EVERYTHING"; then
  if python3 - "$work/default.yaml" "$work/everything.yaml" >&2 <<'PY'
import sys, yaml
def load(p): return {(d["kind"], d["metadata"]["name"]): d for d in yaml.safe_load_all(open(p)) if d}
default, every = load(sys.argv[1]), load(sys.argv[2])
problems = []
def check(cond, msg):
    if not cond: problems.append(msg)
base = {"ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment", "Service"}
check({k for k, _ in default} == base, f"default values render kinds {sorted({k for k, _ in default})}, want {sorted(base)}")
check({k for k, _ in every} == base | {"PodDisruptionBudget", "ServiceMonitor", "PrometheusRule"},
      f"everything values render kinds {sorted({k for k, _ in every})}")
dep = every[("Deployment", "servicebus-geodr-operator")]
pod = dep["spec"]["template"]["spec"]; c = pod["containers"][0]
env = {e["name"]: e.get("value", e.get("valueFrom")) for e in c["env"]}
want_env = {"GEODR_ARM_CLOUD": "AzureUSGovernment", "GEODR_ARM_ENDPOINT": "https://management.usgovcloudapi.net/",
            "GEODR_ARM_AUTHORITY_HOST": "https://login.microsoftonline.us/",
            "GEODR_ARM_METRICS_ENDPOINT": "https://management.usgovcloudapi.net/",
            "HTTPS_PROXY": "http://proxy.corp.example:3128", "NO_PROXY": ".svc,.cluster.local,kubernetes.default",
            "GEODR_POLL_FAST": "5s", "GEODR_POLL_FIRST_AFTER_PAIRING": "45s", "GEODR_POLL_PENDING": "20s", "GEODR_POLL_STEADY": "10m",
            "GEODR_FAILOVER_SAFE_TIMEOUT": "20m", "GEODR_FAILOVER_ISSUED_TIMEOUT": "30m",
            "GEODR_GEOREPLICATION_POLL_FAST": "15s", "GEODR_GEOREPLICATION_POLL_PENDING": "45s",
            "GEODR_GEOREPLICATION_POLL_STEADY": "10m", "GEODR_GEOREPLICATION_PLANNED_START_TIMEOUT": "20m",
            "GEODR_GEOREPLICATION_OPERATION_TIMEOUT": "90m",
            "GEODR_CONNECTION_SECRET_REFRESH": "2h", "GEODR_CLUSTER_NAME": "west", "GEODR_PARITY_INTERVAL": "1h",
            "GEODR_ARM_SHARE": "0.3", "GEODR_ARM_READS_PER_SECOND": "5.5",
            "GEODR_ARM_READ_BURST": "25", "GEODR_ARM_WRITES_PER_SECOND": "1", "GEODR_ARM_WRITE_BURST": "10",
            "SIMULATOR_URL": "https://arm-simulator.geodr-test.svc:8443/",
            "SIMULATOR_CERT": "/etc/geodr/simulator/simulator.pem", "QUARKUS_LOG_LEVEL": "DEBUG"}
for k, v in want_env.items():
    check(env.get(k) == v, f"everything: env {k}={env.get(k)!r}, want {v!r}")
denv = {e["name"] for e in default[("Deployment", "servicebus-geodr-operator")]["spec"]["template"]["spec"]["containers"][0]["env"]}
check(denv == {"GEODR_ARM_CLOUD", "POD_NAMESPACE", "POD_NAME"}, f"default env is {sorted(denv)}: unset values must not be passed")
check(dep["spec"]["replicas"] == 2, "everything: replicas")
check(c["image"] == "registry.example.com/geodr/servicebus-geodr-operator:0.1.0-rc1" and c["imagePullPolicy"] == "Always", f"everything: image {c['image']}")
check(default[("Deployment", "servicebus-geodr-operator")]["spec"]["template"]["spec"]["containers"][0]["image"] == "localhost/servicebus-geodr-operator:0.1.0", "default image is not localhost/servicebus-geodr-operator:<appVersion>")
mounts = {m["name"]: m for m in c["volumeMounts"]}
vols = {v["name"]: v for v in pod["volumes"]}
check(mounts.get("simulator-cert", {}).get("readOnly") is True and mounts["simulator-cert"]["mountPath"] == "/etc/geodr/simulator", "everything: simulator cert mount")
check(vols.get("simulator-cert", {}).get("secret", {}).get("secretName") == "arm-simulator-cert", "everything: simulator cert volume")
check(pod.get("imagePullSecrets") == [{"name": "registry-pull"}], "everything: imagePullSecrets")
for key in ("nodeSelector", "tolerations", "affinity", "topologySpreadConstraints", "priorityClassName"):
    check(key in pod, f"everything: pod spec has no {key}")
check(dep["spec"]["template"]["metadata"]["labels"].get("example.com/cost-center") == "dr", "everything: podLabels")
check(dep["spec"]["template"]["metadata"]["labels"].get("azure.workload.identity/use") == "true", "everything: workload identity pod label")
check(dep["spec"]["template"]["metadata"].get("annotations") == {"example.com/team": "platform"}, "everything: podAnnotations")
sa = every[("ServiceAccount", "servicebus-geodr-operator")]
check(sa["metadata"].get("annotations", {}).get("azure.workload.identity/client-id") == "11111111-2222-3333-4444-555555555555", "everything: SA client-id annotation")
check("annotations" not in default[("ServiceAccount", "servicebus-geodr-operator")]["metadata"], "default: SA has annotations")
pdb = every[("PodDisruptionBudget", "servicebus-geodr-operator")]
check(pdb["spec"]["minAvailable"] == 1 and pdb["spec"]["selector"]["matchLabels"] == dep["spec"]["selector"]["matchLabels"], "everything: PDB")
sm = every[("ServiceMonitor", "servicebus-geodr-operator")]
check(sm["metadata"]["labels"].get("release") == "kube-prometheus" and sm["spec"]["endpoints"][0]["interval"] == "15s"
      and sm["spec"]["endpoints"][0]["path"] == "/q/metrics" and sm["spec"]["endpoints"][0]["port"] == "http-metrics", "everything: ServiceMonitor")
pr = every[("PrometheusRule", "servicebus-geodr-operator")]
alerts = {r["alert"]: r for g in pr["spec"]["groups"] for r in g["rules"]}
check(set(alerts) == {"GeoDRPairingNotReady", "GeoDRFailoverFailed", "GeoDRReplicationPending", "GeoDRPartnerSettingsDiffer", "GeoDRArmThrottled", "GeoDROperatorDown"}, f"alerts {sorted(alerts)}")
for name, rule in alerts.items():
    check(rule["labels"].get("severity") in ("warning", "critical"), f"{name}: severity")
    check({"summary", "description", "runbook"} <= set(rule["annotations"]), f"{name}: annotations")
    check(rule["annotations"]["runbook"] == "https://docs.example.com/geodr/install#" + name.lower(), f"{name}: runbook {rule['annotations']['runbook']}")
check('job="servicebus-geodr-operator-metrics"' in alerts["GeoDROperatorDown"]["expr"], "GeoDROperatorDown: job of the metrics Service")
for p in problems: print("  render:", p)
sys.exit(1 if problems else 0)
PY
  then ok "helm template (default and everything values) renders what the values ask for"
  else fail "c: rendered objects do not match the values"; fi
else
  cat "$work/default.yaml.err" "$work/everything.yaml.err" >&2; fail "c: helm template"
fi

# NOTES.txt is not rendered by helm template; a client-side dry-run install renders it.
if notes="$("$HELM" install "$RELEASE" "$CHART" -n "$NS" --dry-run=client -f "$EVERYTHING" 2>&1)" \
  && grep -q 'ARM calls go to the simulator at https://arm-simulator.geodr-test.svc:8443/' <<<"$notes" \
  && grep -q 'rollout status deployment/servicebus-geodr-operator' <<<"$notes"; then
  ok "NOTES.txt renders (simulator mode named)"
else
  printf '%s\n' "$notes" | tail -n 20 >&2; fail "c: NOTES.txt"
fi

# Every value is in docs/install.md's table, and the schema knows every value (and no other).
if python3 - "$CHART" docs/install.md >&2 <<'PY'
import json, sys, yaml
chart, doc = sys.argv[1], open(sys.argv[2]).read()
values = yaml.safe_load(open(f"{chart}/values.yaml"))
schema = json.load(open(f"{chart}/values.schema.json"))
def leaves(v, prefix=""):
    for k, x in v.items():
        path = prefix + k
        if isinstance(x, dict) and x and k not in ("resources",):
            yield from leaves(x, path + ".")
        else:
            yield path
def schema_leaves(s, prefix=""):
    for k, x in s.get("properties", {}).items():
        path = prefix + k
        if "properties" in x and k != "resources":
            yield from schema_leaves(x, path + ".")
        else:
            yield path
problems = [f"{p} is not in {sys.argv[2]}" for p in leaves(values) if f"`{p}`" not in doc]
in_values, in_schema = set(leaves(values)), set(schema_leaves(schema)) - {"global", "nameOverride", "fullnameOverride"}
problems += [f"{p} is in values.yaml but not in values.schema.json" for p in sorted(in_values - in_schema)]
problems += [f"{p} is in values.schema.json but not in values.yaml" for p in sorted(in_schema - in_values)]
for p in problems: print("  values:", p)
sys.exit(1 if problems else 0)
PY
then ok "every value is documented in docs/install.md and typed in values.schema.json"
else fail "c: values, schema and docs/install.md disagree"; fi

# --- d. schema: wrong values fail, naming the field ---------------------------------------------
# <description>|<field the error must name>|<helm args...>
negative_cases=(
  "replicas 0|replicas|--set replicas=0"
  "replicas not an integer|replicas|--set-string replicas=two"
  "unknown cloud|cloud|--set azure.cloud=Mars"
  "unknown top-level key|replica|--set replica=2"
  "unknown nested key|cloudName|--set azure.cloudName=AzureCloud"
  "unknown pullPolicy|pullPolicy|--set image.pullPolicy=Sometimes"
  "bad operator duration|steady|--set poll.steady=5minutes"
  "bad alert duration|notReadyFor|--set prometheusRule.notReadyFor=soon"
  "serviceMonitor.enabled not a boolean|enabled|--set-string metrics.serviceMonitor.enabled=yes"
  "http ARM endpoint|armEndpoint|--set azure.armEndpoint=http://management.azure.com/"
  "negative write budget|writesPerSecond|--set arm.writesPerSecond=-1"
  "cluster name that is no DNS label|clusterName|--set clusterName=West_1"
  "parity interval without a unit|interval|--set-string parity.interval=30"
)
for case in "${negative_cases[@]}"; do
  IFS='|' read -r what field args <<<"$case"
  read -r -a argv <<<"$args"
  for cmd in lint template; do
    if [[ $cmd == lint ]]; then
      out="$("$HELM" lint "$CHART" "${argv[@]}" 2>&1)" && rc=0 || rc=$?
    else
      out="$("$HELM" template "$RELEASE" "$CHART" "${argv[@]}" 2>&1 >/dev/null)" && rc=0 || rc=$?
    fi
    if (( rc == 0 )); then
      fail "d: helm $cmd accepted $what ($args)"
    elif ! grep -qE "(/|'|\")${field}('|\"|[^a-zA-Z]|$)" <<<"$out"; then
      printf '%s\n' "$out" >&2; fail "d: helm $cmd refused $what ($args) without naming '$field'"
    else
      ok "helm $cmd refuses $what: $(grep -m1 -E "${field}" <<<"$out" | sed 's/^[[:space:]]*//' | cut -c1-150)"
    fi
  done
done

# --- e. parity with deploy/ ---------------------------------------------------------------------
find_kubectl() {
  local k
  if [[ -n "${KUBECTL:-}" && -x "${KUBECTL}" ]]; then echo "$KUBECTL"; return; fi
  for k in "$HOME"/.kubeapitest/k8s/*/kubectl "$REPO_ROOT/target/cluster/bin/kubectl"; do
    [[ -x "$k" ]] && { echo "$k"; return; }
  done
  command -v kubectl || true
}
KUBECTL_BIN="$(find_kubectl)"
if [[ -z "$KUBECTL_BIN" ]]; then
  fail "e: no kubectl for the parity check (set KUBECTL, or run hack/kube-binaries.sh)"
else
  log "parity with $KUBECTL_BIN ($("$KUBECTL_BIN" version --client 2>/dev/null | head -n 1))"
  if python3 "$HACK_DIR/chart_parity.py" --kubectl "$KUBECTL_BIN" --helm "$HELM" --repo "$REPO_ROOT" >&2; then
    ok "parity of the chart's defaults with deploy/"
  else
    fail "e: the chart's defaults differ from deploy/"
  fi
fi

# --- f. alerts: promtool ------------------------------------------------------------------------
RULES_DIR="$work/rules"; mkdir -p "$RULES_DIR"
if render "$work/rules-render.yaml" --set prometheusRule.enabled=true \
  && python3 "$HACK_DIR/chart_rules.py" extract "$work/rules-render.yaml" "$RULES_DIR/rules.yaml"; then
  if "$PROMTOOL" check rules "$RULES_DIR/rules.yaml" >&2; then ok "promtool check rules"; else fail "f: promtool check rules"; fi
  # The unit tests name rules.yaml; promtool resolves it next to the test file.
  cp "$CHART/tests/alerts.test.yaml" "$RULES_DIR/"
  if "$PROMTOOL" test rules "$RULES_DIR/alerts.test.yaml" >&2; then ok "promtool test rules"; else fail "f: promtool test rules"; fi
else
  fail "f: rendering the PrometheusRule"
fi

# --- g. check-alert-metrics.sh on samples -------------------------------------------------------
SAMPLE="$CHART/tests/metrics-sample.txt"
if [[ -f "$RULES_DIR/rules.yaml" ]]; then
  if "$HACK_DIR/check-alert-metrics.sh" "$SAMPLE" "$RULES_DIR/rules.yaml" >&2; then
    ok "check-alert-metrics passes on $SAMPLE"
  else fail "g: check-alert-metrics on $SAMPLE"; fi
  grep -v '^geodr_failovers_total' "$SAMPLE" >"$work/without-failovers.txt"
  if out="$("$HACK_DIR/check-alert-metrics.sh" "$work/without-failovers.txt" "$RULES_DIR/rules.yaml" 2>&1)"; then
    fail "g: check-alert-metrics passed on a sample without geodr_failovers_total"
  elif grep -q 'geodr_failovers_total' <<<"$out"; then
    ok "check-alert-metrics fails naming geodr_failovers_total when it is not exposed"
  else
    printf '%s\n' "$out" >&2; fail "g: check-alert-metrics failed without naming geodr_failovers_total"
  fi
fi

# --- h. server-side dry run ---------------------------------------------------------------------
dry_run() {
  # Namespace "default": it always exists, so the dry run creates nothing but the CRD (a namespace
  # made for it would stay Terminating on this control plane, which runs no namespace controller).
  local kubectl="$KUBECTL" dns=default crd_before=1 rc=0 values crds
  mapfile -t crds < <(crd_resources "$CHART/crds")
  "$kubectl" get "${crds[@]}" >/dev/null 2>&1 || crd_before=0
  (( crd_before )) || "$kubectl" apply --server-side -f "$CHART/crds/" >&2 || return 1
  wait_established "$kubectl" "${crds[@]}" >&2 || return 1
  # ServiceMonitor and PrometheusRule too when their CRDs are there: installed here (from
  # hack/tools.sh's copy of the Prometheus Operator's) on a control plane this script started.
  local skip="ServiceMonitor PrometheusRule"
  if (( started_cluster )) && [[ -d "$MONITORING_CRDS" ]]; then
    "$kubectl" apply --server-side -f "$MONITORING_CRDS" >&2 || return 1
    wait_established "$kubectl" crd/servicemonitors.monitoring.coreos.com crd/prometheusrules.monitoring.coreos.com >&2 || return 1
  fi
  if "$kubectl" get crd servicemonitors.monitoring.coreos.com prometheusrules.monitoring.coreos.com >/dev/null 2>&1; then
    skip=""
  else
    log "  no monitoring.coreos.com CRDs on this control plane: ServiceMonitor and PrometheusRule left out"
  fi
  for values in default everything; do
    local args=(); [[ $values == everything ]] && args=(-f "$EVERYTHING")
    "$HELM" template "$RELEASE" "$CHART" -n "$dns" "${args[@]}" \
      | SKIP="$skip" python3 -c 'import os, sys, yaml
skip = os.environ["SKIP"].split()
docs = [d for d in yaml.safe_load_all(sys.stdin) if d and d["kind"] not in skip]
yaml.safe_dump_all(docs, sys.stdout)' >"$work/dry-$values.yaml"
    if "$kubectl" apply --dry-run=server -f "$work/dry-$values.yaml" >&2; then
      log "  the API server accepts every object of the $values render ($(grep -c '^kind:' "$work/dry-$values.yaml") objects)"
    else rc=1; fi
  done
  (( crd_before || started_cluster )) || "$kubectl" delete "${crds[@]}" --ignore-not-found >&2 || true
  return "$rc"
}

# On a control plane this script started (nothing else on it): a real helm install, upgrade and
# uninstall, to check what docs/install.md says: the CRD comes from crds/ and stays after uninstall.
install_cycle() {
  local kubectl="$KUBECTL" ns=geodr-system crds
  mapfile -t crds < <(crd_resources "$CHART/crds")
  KUBECONFIG="$KUBECONFIG" "$HELM" install "$RELEASE" "$CHART" -n "$ns" --create-namespace >"$work/install.txt" 2>&1 \
    || { cat "$work/install.txt" >&2; return 1; }
  "$kubectl" -n "$ns" get deployment/"$RELEASE" serviceaccount/"$RELEASE" service/"$RELEASE-metrics" \
    role/"$RELEASE-leader-election" rolebinding/"$RELEASE-leader-election" -o name >&2 || return 1
  "$kubectl" get clusterrole/"$RELEASE" clusterrolebinding/"$RELEASE" "${crds[@]}" -o name >&2 || return 1
  # The upgrade is from a copy whose CRD has one more short name: Helm must leave the CRD alone.
  cp -r "$CHART" "$work/chart-next"
  sed -i 's/^    - "geopairing"$/    - "geopairing"\n    - "sbgpnext"/' "$work/chart-next/crds/servicebusgeopairings.servicebus.geodr.dev-v1.yml"
  grep -q sbgpnext "$work/chart-next/crds/servicebusgeopairings.servicebus.geodr.dev-v1.yml" || { log "could not edit the CRD copy"; return 1; }
  "$HELM" upgrade "$RELEASE" "$work/chart-next" -n "$ns" --set replicas=2 --set azure.workloadIdentity.clientId=11111111-2222-3333-4444-555555555555 >"$work/upgrade.txt" 2>&1 \
    || { cat "$work/upgrade.txt" >&2; return 1; }
  [[ "$("$kubectl" -n "$ns" get poddisruptionbudget "$RELEASE" -o jsonpath='{.spec.minAvailable}')" == 1 ]] || { log "no PDB after upgrade to 2 replicas"; return 1; }
  [[ "$("$kubectl" -n "$ns" get serviceaccount "$RELEASE" -o jsonpath='{.metadata.annotations.azure\.workload\.identity/client-id}')" == 11111111-2222-3333-4444-555555555555 ]] \
    || { log "no client-id annotation after upgrade"; return 1; }
  if [[ "$("$kubectl" get crd servicebusgeopairings.servicebus.geodr.dev -o jsonpath='{.spec.names.shortNames}')" == *sbgpnext* ]]; then
    log "helm upgrade changed the CRD; docs/install.md says it never does"; return 1
  fi
  "$HELM" uninstall "$RELEASE" -n "$ns" >&2 || return 1
  if "$kubectl" -n "$ns" get deployment "$RELEASE" >/dev/null 2>&1; then log "the Deployment survived helm uninstall"; return 1; fi
  "$kubectl" get "${crds[@]}" >/dev/null || { log "helm uninstall deleted a CRD"; return 1; }
  # A CRD that kubectl applied (kustomize, make deploy): Helm v4 would conflict with kubectl's fields
  # on .spec.versions; docs/install.md says to install with --skip-crds then.
  "$kubectl" delete "${crds[@]}" >&2 || return 1
  "$kubectl" apply -k "$REPO_ROOT/crds/" >&2 || return 1
  wait_established "$kubectl" "${crds[@]}" >&2 || return 1
  "$HELM" install "$RELEASE" "$CHART" -n "$ns" --skip-crds >"$work/install2.txt" 2>&1 || { cat "$work/install2.txt" >&2; return 1; }
  "$HELM" uninstall "$RELEASE" -n "$ns" >&2 || return 1
  log "  install -> upgrade (2 replicas: PDB; client id: annotation; CRD not upgraded) -> uninstall (CRD kept); install --skip-crds over kubectl's CRD"
}
cluster_env="$REPO_ROOT/target/cluster/env"
if [[ ! -f "$cluster_env" ]] && compgen -G "$HOME/.kubeapitest/k8s/*/kube-apiserver" >/dev/null; then
  log "no control plane up: starting one with hack/cluster-up.sh"
  if "$HACK_DIR/cluster-up.sh" >/dev/null; then started_cluster=1; else fail "h: hack/cluster-up.sh failed"; fi
fi
if [[ -f "$cluster_env" ]]; then
  # shellcheck source=/dev/null
  source "$cluster_env"
  if (( started_cluster )); then
    if install_cycle; then ok "helm install, upgrade and uninstall on the local control plane"; else fail "h: helm install/upgrade/uninstall"; fi
  else
    log "not running helm install/uninstall: the control plane was already up (it may hold someone's objects)"
  fi
  if dry_run; then ok "kubectl apply --dry-run=server of both renders"; else fail "h: the API server refused the rendered chart"; fi
elif [[ $CHART_DRY_RUN == require ]]; then
  fail "h: no control plane and no binaries for one (run hack/kube-binaries.sh)"
else
  log "SKIPPED h: no control plane (target/cluster/env) and no ~/.kubeapitest/k8s/*/kube-apiserver to start one"
fi

if (( ${#failures[@]} > 0 )); then
  log "FAILED: ${#failures[@]} check(s):"
  printf '  - %s\n' "${failures[@]}" >&2
  exit 1
fi
log "all chart checks passed"
