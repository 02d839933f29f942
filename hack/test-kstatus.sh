#!/usr/bin/env bash
# Checks that kstatus (sigs.k8s.io/cli-utils, pinned in hack/kstatus-check/go.mod) computes the
# status expected.json names (Current / InProgress / Failed / Terminating) for every snapshot of each
# kind: src/test/resources/status-snapshots/ (ServiceBusGeoPairing, captured from a real API server by
# hack/capture-status-snapshots.sh) and status-snapshots/georeplication/ (ServiceBusGeoReplication).
# Ends with "N passed, M failed" per directory; exits non-zero if any failed.
#
#   hack/test-kstatus.sh [snapshots dir]   # default: both kinds' directories
#
# Builds with the machine's Go (GOTOOLCHAIN=local, no toolchain download); modules come from the Go
# module proxy on first use, then from the module cache; the build cache makes a second run take
# about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

REPO="$(pwd)"
if [[ $# -ge 1 ]]; then
  DIRS=("$(cd "$1" && pwd)")
else
  DIRS=("$REPO/src/test/resources/status-snapshots" "$REPO/src/test/resources/status-snapshots/georeplication")
fi
command -v go >/dev/null || { echo "go not found: install Go >= 1.25" >&2; exit 2; }
export GOTOOLCHAIN=local GOFLAGS=-mod=readonly
cd hack/kstatus-check
# go build (not go run) so the exit status is the checker's own and nothing follows its closing line.
mkdir -p "$REPO/target"
go build -o "$REPO/target/kstatus-check" .
rc=0
for dir in "${DIRS[@]}"; do
  echo "kstatus: $(go list -m -f '{{.Path}} {{.Version}}' sigs.k8s.io/cli-utils) with $(go env GOVERSION), over ${dir#"$REPO"/}/"
  "$REPO/target/kstatus-check" "$dir" || rc=1
done
exit "$rc"
