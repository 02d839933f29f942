#!/usr/bin/env bash
# Checks crds/ with kube-apiserver's own validation code (Kubernetes 1.29 libraries, from the Go module
# proxy): the CRD is accepted (CEL compiles and fits the cost budget), every examples/ pairing is
# accepted, and a table of invalid creates/updates is refused with messages naming the field.
# Needs Go; the first run downloads the modules (cached afterwards).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
cd hack/crd-rules-check
GOTOOLCHAIN=${GOTOOLCHAIN:-local} go run . "$root/crds/servicebusgeopairings.servicebus.geodr.dev-v1.yml" "$root/examples"
