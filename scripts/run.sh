#!/usr/bin/env bash
# README command 1: install what is missing, build, and launch QwenVL Desk.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
build_dir=${QVD_BUILD_DIR:-$root/build}
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
    echo "No display found (DISPLAY/WAYLAND_DISPLAY unset): start it from a desktop session," >&2
    echo "or try it headless with: xvfb-run $build_dir/bin/qwenvl-desk" >&2
    exit 1
fi
exec "$build_dir/bin/qwenvl-desk" "$@"
