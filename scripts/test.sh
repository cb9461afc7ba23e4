#!/usr/bin/env bash
# README command 2: install what is missing, build, and run the whole test suite headless,
# with a private D-Bus session and an unlocked gnome-keyring for the real keychain tests.
# Arguments go to ctest, e.g. `scripts/test.sh -R HttpTestServer` or `-L unit`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QVD_WITH_TEST_PACKAGES=1 "$root/scripts/setup.sh"
build_dir=${QVD_BUILD_DIR:-$root/build}
export QT_QPA_PLATFORM=offscreen
exec "$root/tests/support/with-keyring.sh" \
    ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" "$@"
