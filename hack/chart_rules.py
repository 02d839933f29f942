#!/usr/bin/env python3
"""The chart's alert rules as Prometheus sees them.

  chart_rules.py extract <rendered-chart.yaml> <rules.yaml>
      writes spec.groups of the one PrometheusRule in a `helm template` output as a Prometheus rules
      file ({groups: ...}), for promtool check/test rules: promtool tests exactly what the chart renders.
  chart_rules.py metrics <rules.yaml>
      prints every metric name the rules' expressions select, one per line, sorted.
"""
import re
import sys

import yaml

# PromQL words that are not metric names: aggregations, functions, operators and modifiers.
NOT_METRICS = set("""
sum min max avg group stddev stdvar count count_values bottomk topk quantile limitk limit_ratio
by without on ignoring group_left group_right bool offset and or unless atan2
abs absent absent_over_time ceil changes clamp clamp_max clamp_min day_of_month day_of_week
day_of_year days_in_month delta deriv exp floor histogram_avg histogram_count histogram_fraction
histogram_quantile histogram_stddev histogram_stdvar histogram_sum holt_winters double_exponential_smoothing
hour idelta increase irate label_join label_replace ln log2 log10 minute month predict_linear rate
resets round scalar sgn sort sort_desc sort_by_label sort_by_label_desc sqrt time timestamp vector year
avg_over_time min_over_time max_over_time sum_over_time count_over_time quantile_over_time
stddev_over_time stdvar_over_time last_over_time present_over_time mad_over_time info
acos acosh asin asinh atan atanh cos cosh sin sinh tan tanh deg rad pi inf nan
""".split())


def extract(rendered, out):
    rules = [d for d in yaml.safe_load_all(open(rendered)) if d and d.get("kind") == "PrometheusRule"]
    if len(rules) != 1:
        sys.exit(f"extract: expected one PrometheusRule in {rendered}, found {len(rules)}")
    groups = rules[0]["spec"]["groups"]
    with open(out, "w") as f:
        yaml.safe_dump({"groups": groups}, f, sort_keys=False, width=200)
    print(f"extract: {sum(len(g['rules']) for g in groups)} rules in {len(groups)} groups -> {out}", file=sys.stderr)


def metric_names(expr):
    expr = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'', '""', expr)  # string literals
    expr = re.sub(r"\{[^}]*\}", " ", expr)                                  # label matchers
    expr = re.sub(r"\[[^\]]*\]", " ", expr)                                 # ranges and subqueries
    expr = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", expr)
    expr = re.sub(r"\boffset\s+-?[0-9a-z]+", " ", expr)
    names = set()
    for m in re.finditer(r"(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)", expr):
        word = m.group(1)
        if word.lower() in NOT_METRICS or re.fullmatch(r"[0-9a-z]+e[0-9]+", word):
            continue
        names.add(word)
    return names


def metrics(rules_file):
    names = set()
    for group in yaml.safe_load(open(rules_file))["groups"]:
        for rule in group["rules"]:
            names |= metric_names(str(rule["expr"]))
    print("\n".join(sorted(names)))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "extract":
        extract(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "metrics":
        metrics(sys.argv[2])
    else:
        sys.exit(__doc__)
