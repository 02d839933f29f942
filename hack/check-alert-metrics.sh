#!/usr/bin/env bash
# Checks that every metric the chart's alerts use is one the operator really exposes:
#
#   hack/check-alert-metrics.sh <metrics.txt> [rules.yaml]
#
# <metrics.txt> is Prometheus exposition text, e.g. `curl -s http://<pod>:8080/q/metrics`; a metric
# counts as exposed when it has at least one sample line there. Counters only appear after their first
# increment, so take the text after a run that failed over at least once (geodr_failovers_total) and
# made ARM calls (geodr_arm_requests_total). `up` is Prometheus's own and is exempt.
# [rules.yaml] is a Prometheus rules file; by default the chart's PrometheusRule is rendered with helm
# (hack/tools.sh) and its spec.groups extracted. Fails naming every missing metric.
set -euo pipefail
HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HACK_DIR/.." && pwd)"

die() { printf 'check-alert-metrics: %s\n' "$*" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || die "usage: $0 <metrics.txt> [rules.yaml]"
METRICS="$1"
[[ -s "$METRICS" ]] || die "$METRICS is missing or empty"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ $# -eq 2 ]]; then
  RULES="$2"
else
  TOOLS_BIN="$("$HACK_DIR/tools.sh" | tail -n 1 | sed -n 's/^TOOLS_BIN=//p')"
  [[ -x "$TOOLS_BIN/helm" ]] || die "hack/tools.sh did not provide helm"
  "$TOOLS_BIN/helm" template servicebus-geodr-operator "$REPO_ROOT/charts/servicebus-geodr-operator" \
    -n geodr-system --set prometheusRule.enabled=true >"$work/rendered.yaml"
  RULES="$work/rules.yaml"
  python3 "$HACK_DIR/chart_rules.py" extract "$work/rendered.yaml" "$RULES"
fi

used="$(python3 "$HACK_DIR/chart_rules.py" metrics "$RULES")"
[[ -n "$used" ]] || die "no metric names found in $RULES"
exposed="$(grep -Eo '^[a-zA-Z_:][a-zA-Z0-9_:]*' "$METRICS" | sort -u || true)"

missing=()
while read -r name; do
  [[ "$name" == up ]] && continue
  grep -qxF "$name" <<<"$exposed" || missing+=("$name")
done <<<"$used"

if (( ${#missing[@]} > 0 )); then
  printf 'check-alert-metrics: FAILED: the alerts use metrics that %s does not expose: %s\n' "$METRICS" "${missing[*]}" >&2
  exit 1
fi
echo "check-alert-metrics: ok, all $(wc -l <<<"$used") metrics the alerts use are exposed (up exempt): $(tr '\n' ' ' <<<"$used")"
