#!/usr/bin/env python3
"""Parity of the Helm chart with the kustomize install (deploy/).

Renders `kubectl kustomize deploy/` and `helm template servicebus-geodr-operator
charts/servicebus-geodr-operator -n geodr-system` (default values) and compares them object by object,
keyed by (kind, namespace, name): every field of every object, after these normalisations only:

- Helm's own labels (helm.sh/chart, app.kubernetes.io/managed-by, app.kubernetes.io/instance) are
  dropped from every `labels` map of the chart's objects;
- the Namespace object of deploy/ is dropped (`helm install --create-namespace` makes it);
- deploy/'s image ghcr.io/geodr/servicebus-geodr-operator:0.1.0 is replaced by the chart's default
  image, as `make deploy` does with its IMAGE (default: the image `make image` builds).

Every difference is printed; exit status 1 when there is any. Usage:
  chart_parity.py --kubectl KUBECTL --helm HELM [--repo DIR]
"""
import argparse
import subprocess
import sys

import yaml

HELM_LABELS = {"helm.sh/chart", "app.kubernetes.io/managed-by", "app.kubernetes.io/instance"}
DEPLOY_IMAGE = "ghcr.io/geodr/servicebus-geodr-operator:0.1.0"
RELEASE = "servicebus-geodr-operator"
NAMESPACE = "geodr-system"


def render(cmd, cwd):
    out = subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, text=True)
    return [d for d in yaml.safe_load_all(out.stdout) if d]


def strip_helm_labels(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "labels" and isinstance(value, dict):
                for label in HELM_LABELS:
                    value.pop(label, None)
            strip_helm_labels(value)
    elif isinstance(node, list):
        for item in node:
            strip_helm_labels(item)


def replace_image(node, old, new):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "image" and value == old:
                node[key] = new
            else:
                replace_image(value, old, new)
    elif isinstance(node, list):
        for item in node:
            replace_image(item, old, new)


def index(docs, origin):
    objects = {}
    for doc in docs:
        meta = doc.get("metadata", {})
        key = (doc.get("kind"), meta.get("namespace", ""), meta.get("name"))
        if key in objects:
            sys.exit(f"{origin}: {key} rendered twice")
        objects[key] = doc
    return objects


def is_number(x):
    # kustomize re-serialises the CRD's `minimum: 0.0` as 0: equal numbers are equal.
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def diff(path, a, b, out):
    """Appends to out one line per difference between a (deploy/) and b (chart)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            p = f"{path}.{k}"
            if k not in b:
                out.append(f"{p}: only in deploy/: {a[k]!r}")
            elif k not in a:
                out.append(f"{p}: only in the chart: {b[k]!r}")
            else:
                diff(p, a[k], b[k], out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append(f"{path}: {len(a)} items in deploy/, {len(b)} in the chart: {a!r} vs {b!r}")
        for i, (x, y) in enumerate(zip(a, b)):
            diff(f"{path}[{i}]", x, y, out)
    elif a != b or (type(a) is not type(b) and not (is_number(a) and is_number(b))):
        out.append(f"{path}: deploy/ {a!r} != chart {b!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kubectl", required=True)
    ap.add_argument("--helm", required=True)
    ap.add_argument("--repo", default=".")
    ap.add_argument("--chart", default="charts/servicebus-geodr-operator")
    args = ap.parse_args()

    kustomize = render([args.kubectl, "kustomize", "deploy/"], args.repo)
    chart = render([args.helm, "template", RELEASE, args.chart, "-n", NAMESPACE, "--include-crds"], args.repo)
    values = yaml.safe_load(open(f"{args.repo}/{args.chart}/values.yaml"))
    chart_meta = yaml.safe_load(open(f"{args.repo}/{args.chart}/Chart.yaml"))
    chart_image = f"{values['image']['repository']}:{values['image']['tag'] or chart_meta['appVersion']}"

    kustomize = [d for d in kustomize if d.get("kind") != "Namespace"]
    replace_image(kustomize, DEPLOY_IMAGE, chart_image)
    strip_helm_labels(chart)
    want, got = index(kustomize, "deploy/"), index(chart, "chart")

    problems = []
    for key in sorted(set(want) | set(got), key=str):
        name = "/".join(str(k) for k in key if k)
        if key not in got:
            problems.append(f"{name}: in deploy/ but not rendered by the chart")
        elif key not in want:
            problems.append(f"{name}: rendered by the chart but not in deploy/")
        else:
            lines = []
            diff("", want[key], got[key], lines)
            problems.extend(f"{name}: {line.lstrip('.')}" for line in lines)

    for p in problems:
        print(f"parity: {p}")
    if problems:
        print(f"parity: FAILED, {len(problems)} difference(s) between deploy/ and the chart's defaults")
        return 1
    print(f"parity: ok, {len(want)} objects identical (deploy/ minus its Namespace vs the chart's defaults, "
          f"image {chart_image}, Helm's labels ignored)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
