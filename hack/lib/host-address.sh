#!/usr/bin/env bash
# Prints this machine's primary IPv4 address: the first global address of the default route's
# interface (else the first global address at all). The local control plane advertises it to Pods on
# the local node (hack/node-up.sh), and the end-to-end test's ARM simulator listens on it. Only the
# machine's own configuration is read; nothing is sent.
set -euo pipefail
dev="$(ip -4 route show default 2>/dev/null | awk '{for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit }}')"
first_global() { ip -4 -o addr show "$@" scope global 2>/dev/null | awk '{sub(/\/.*/, "", $4); print $4; exit}'; }
addr=""
[[ -n "$dev" ]] && addr="$(first_global dev "$dev")"
[[ -n "$addr" ]] || addr="$(first_global)"
[[ -n "$addr" ]] || { echo "host-address: this machine has no global IPv4 address" >&2; exit 1; }
echo "$addr"
