#!/usr/bin/env bash
# Checks that kstatus (sigs.k8s.io/cli-utils, pinned in hack/kstatus-check/go.mod) computes the
# status expected.json names (Current / InProgress / Failed / Terminating) for every snapshot in
# src/test/resources/status-snapshots/ (captured from a real API server by
# hack/capture-status-snapshots.sh). Ends with "N passed, M failed"; exits non-zero if any failed.
#
#   hack/test-kstatus.sh [snapshots dir]
#
# Builds with the machine's Go (GOTOOLCHAIN=local, no toolchain download); modules come from the Go
# module proxy on first use, then from the module cache; the build cache makes a second run take
# about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

REPO="$(pwd)"
DIR="$(cd "${1:-src/test/resources/status-snapshots}" && pwd)"
command -v go >/dev/null || { echo "go not found: install Go >= 1.25" >&2; exit 2; }
export GOTOOLCHAIN=local GOFLAGS=-mod=readonly
cd hack/kstatus-check
echo "kstatus: $(go list -m -f '{{.Path}} {{.Version}}' sigs.k8s.io/cli-utils) with $(go env GOVERSION), over ${DIR#"$REPO"/}/"
# go build (not go run) so the exit status is the checker's own and nothing follows its closing line.
mkdir -p "$REPO/target"
go build -o "$REPO/target/kstatus-check" .
exec "$REPO/target/kstatus-check" "$DIR"
