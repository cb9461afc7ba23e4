#!/usr/bin/env bash
# Shared set-up for the README's two commands: installs the Debian 12 packages that are missing,
# then configures (once) and builds QwenVL Desk into build/ (Release, Ninja). Idempotent: with
# nothing missing and nothing changed it only asks ninja, which has nothing to do.
#
# Environment: QVD_BUILD_DIR (default build), QVD_BUILD_TYPE (default Release),
#              QVD_CMAKE_ARGS (extra configure arguments, e.g. -DQVD_WERROR=ON).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${QVD_BUILD_DIR:-$root/build}
build_type=${QVD_BUILD_TYPE:-Release}

# What it takes to build and run the app.
build_packages=(
    g++ cmake ninja-build ccache binutils
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev libqt6sql6-sqlite libqt6svg6 qt6-image-formats-plugins qt6-translations-l10n
    qt6-qpa-plugins libgl-dev libsecret-1-0 fonts-wqy-microhei
)
# What the test command adds: a private Secret Service and tools the tests call (ImageMagick
# is bench_PrepareVsConvert's baseline).
test_packages=(
    dbus-daemon dbus-bin gnome-keyring libsecret-tools clang-format xvfb xauth xdotool
    dpkg-dev desktop-file-utils appstream file
    clang libclang-rt-14-dev imagemagick
)

packages=("${build_packages[@]}")
if [[ ${QVD_WITH_TEST_PACKAGES:-0} == 1 ]]; then
    packages+=("${test_packages[@]}")
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]})); then
    echo "== installing ${#missing[@]} missing packages: ${missing[*]}"
    sudo_cmd=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || { echo "run as root or install sudo" >&2; exit 1; }
        sudo_cmd=(sudo)
    fi
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
fi

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    # Paths relative to the checkout, so clones elsewhere (CI) share cached objects.
    export CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=1
fi

# Configure on first use, and again when the requested options change.
# shellcheck disable=SC2206
extra_args=(${QVD_CMAKE_ARGS:-})
config_stamp="$build_type ${launcher[*]} ${extra_args[*]}"
if [[ ! -f $build_dir/build.ninja || "$(cat "$build_dir/.qvd-config" 2>/dev/null)" != "$config_stamp" ]]; then
    echo "== configuring $build_dir ($build_type)"
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" \
        "${launcher[@]}" "${extra_args[@]}"
    echo "$config_stamp" >"$build_dir/.qvd-config"
fi

# QVD_BUILD_TARGETS: only these targets (scripts/bench.sh builds the benches alone).
targets=()
if [[ -n ${QVD_BUILD_TARGETS:-} ]]; then
    # shellcheck disable=SC2206
    targets=(--target ${QVD_BUILD_TARGETS})
fi
echo "== building ${QVD_BUILD_TARGETS:-everything}"
cmake --build "$build_dir" --parallel "$(nproc)" "${targets[@]}"
