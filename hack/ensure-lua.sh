#!/usr/bin/env bash
# Makes sure Lua 5.1 and the dkjson library (Debian packages lua5.1, lua-dkjson) are installed, for
# hack/test-argocd-health.sh. Installs them with apt-get when missing (needs root, as in CI; with
# sudo otherwise). A no-op taking milliseconds when both are there.
#
# Why Lua 5.1: Argo CD runs health scripts in gopher-lua, which implements Lua 5.1. Why dkjson: it is
# pure Lua (no C module to match the interpreter), and Lua has no JSON decoder of its own.
set -euo pipefail

have() { command -v lua5.1 >/dev/null && lua5.1 -e 'require("dkjson")' >/dev/null 2>&1; }
if have; then
  exit 0
fi

SUDO=""
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null || { echo "ensure-lua: lua5.1/lua-dkjson missing and not root; run: apt-get install -y lua5.1 lua-dkjson" >&2; exit 1; }
  SUDO=sudo
fi
echo "ensure-lua: installing lua5.1 and lua-dkjson from Debian" >&2
export DEBIAN_FRONTEND=noninteractive
# Try without refreshing the package lists first; refresh them only if that fails.
if ! $SUDO apt-get install -y -q lua5.1 lua-dkjson >/dev/null 2>&1; then
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q lua5.1 lua-dkjson >/dev/null
fi
have || { echo "ensure-lua: lua5.1 with dkjson still not usable after apt-get install" >&2; exit 1; }
echo "ensure-lua: $(lua5.1 -v 2>&1 | awk '{print $1, $2}'), $(lua5.1 -e 'io.write(require("dkjson").version)')" >&2
