#!/usr/bin/env bash
# Runs shellcheck over the project's shell scripts (hack/*.sh, hack/lib/*.sh, .ci/run); part of make test.
# Installs Debian's shellcheck when it is missing and we are root; otherwise says how to install it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v shellcheck >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "shellcheck: not installed; installing Debian's package (apt-get install shellcheck)" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null
    else
        echo "shellcheck: not installed. Install it (Debian/Ubuntu: sudo apt-get install shellcheck," >&2
        echo "  macOS: brew install shellcheck) and run $0 again." >&2
        exit 1
    fi
fi

scripts=(hack/*.sh hack/lib/*.sh .ci/run)
# -x follows `source`d files so the variables they define are known where they are used; the scripts source
# "$DIR/lib/x.sh" with DIR being hack/, so look there from a script's own folder and from its parent.
shellcheck -x -P SCRIPTDIR -P SCRIPTDIR/.. "${scripts[@]}"
echo "shellcheck: ${#scripts[@]} scripts clean ($(shellcheck --version | sed -n 's/^version: //p'))"
