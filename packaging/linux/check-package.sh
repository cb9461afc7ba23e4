#!/usr/bin/env bash
# Builds the Debian package from an existing build directory, validates what it ships, installs it
# with apt-get (pulling in its dependencies), runs the installed binaries, and removes it again.
#
#   packaging/linux/check-package.sh [BUILD_DIR] [--keep]
#
# BUILD_DIR defaults to build/ (as configured by scripts/setup.sh). --keep leaves the package
# installed for a look around; by default it is removed at the end (also on failure) so a shared
# machine is left as it was found. Needs root (or sudo) for apt-get. Exits non-zero on any failure.
# Idempotent: re-running rebuilds the package and reinstalls it over whatever version is there.
# Tools: cpack (cmake), dpkg-shlibdeps (dpkg-dev), desktop-file-validate (desktop-file-utils),
# appstreamcli (appstream), file.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=$root/build
keep=0
for arg in "$@"; do
    case $arg in
    --keep) keep=1 ;;
    -h | --help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option: $arg" >&2; exit 2 ;;
    *) build_dir=$(cd "$arg" && pwd) ;;
    esac
done

app_id=io.github.qwenvl_desk.QwenVLDesk
package=qwenvl-desk
checks=0
ok() { checks=$((checks + 1)); printf '  ok   %s\n' "$*"; }
die() { printf '  FAIL %s\n' "$*" >&2; exit 1; }
section() { printf '\n== %s\n' "$*"; }

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "run as root or install sudo (apt-get needs it)"
    as_root=(sudo)
fi
for tool in cmake cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli file; do
    command -v "$tool" >/dev/null || die "missing tool: $tool (see the report/scripts/setup.sh)"
done
[[ -f $build_dir/CPackConfig.cmake ]] || die "$build_dir is not a configured build (no CPackConfig.cmake)"

work=$(mktemp -d "${TMPDIR:-/tmp}/qvd-package-XXXXXX")
installed_by_us=0
cleanup() {
    local status=$?
    rm -rf "$work"
    if ((installed_by_us && !keep)); then
        echo "== removing $package (pass --keep to leave it installed)"
        DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get remove -y -qq "$package" >/dev/null ||
            status=1
    fi
    exit "$status"
}
trap cleanup EXIT

section "build and package ($build_dir)"
cmake --build "$build_dir" --parallel "$(nproc)" >"$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; die "build failed"; }
rm -rf "$build_dir/packages"
(cd "$build_dir" && cpack -G DEB --config CPackConfig.cmake) >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; die "cpack -G DEB failed"; }
debs=("$build_dir"/packages/*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || die "expected one .deb in $build_dir/packages"
deb=${debs[0]}
ok "built $(basename "$deb") ($(du -h "$deb" | cut -f1), $(stat -c %s "$deb") bytes)"

deb_version=$(dpkg-deb -f "$deb" Version)
upstream_version=${deb_version%-*} # drop the Debian revision: 0.1.0-1 -> 0.1.0
depends=$(dpkg-deb -f "$deb" Depends)
recommends=$(dpkg-deb -f "$deb" Recommends)
echo "  Package:    $(dpkg-deb -f "$deb" Package) $deb_version ($(dpkg-deb -f "$deb" Architecture))"
echo "  Depends:    $depends"
echo "  Recommends: $recommends"
# What shlibdeps computed must be there next to the run-time packages Qt loads by itself.
for needed in libc6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6keychain1 \
    libqt6sql6-sqlite qt6-image-formats-plugins qt6-qpa-plugins libqt6svg6 libsecret-1-0; do
    grep -Eq "(^|, )$needed( |,|$)" <<<"$depends" || die "Depends lacks $needed"
done
ok "Depends has the shlibdeps libraries and the run-time plugins"
for wanted in gnome-keyring qt6-translations-l10n; do
    grep -Eq "(^|, )$wanted( |,|$)" <<<"$recommends" || die "Recommends lacks $wanted"
done
ok "Recommends has gnome-keyring and qt6-translations-l10n"

section "contents"
tree=$work/tree
dpkg-deb -x "$deb" "$tree"
expected=(
    usr/bin/qwenvl-desk
    usr/bin/qwenvl-desk-cli
    "usr/share/applications/$app_id.desktop"
    "usr/share/metainfo/$app_id.metainfo.xml"
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
)
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    [[ -s $tree/$path ]] || die "package lacks /$path"
done
ok "${#expected[@]} files in their FHS places"
for size in 16 22 24 32 48 64 128 256 512; do
    file -b "$tree/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png" |
        grep -q "PNG image data, $size x $size" || die "${size}x${size} icon is not a $size px PNG"
done
ok "PNG icons are the sizes their folders say"
unexpected=$(cd "$tree" && find . -type f | grep -Ev '^\./usr/(bin|share/(applications|metainfo|icons))/' || true)
[[ -z $unexpected ]] || die "unexpected files in the package: $unexpected"
ok "nothing else in the package (no tests, headers or static libraries)"
for binary in qwenvl-desk qwenvl-desk-cli; do
    if readelf -d "$tree/usr/bin/$binary" | grep -Eq 'R(UN)?PATH'; then
        die "/usr/bin/$binary has an RPATH/RUNPATH"
    fi
done
ok "installed binaries carry no RPATH/RUNPATH"

section "validators"
desktop-file-validate "$tree/usr/share/applications/$app_id.desktop" ||
    die "desktop-file-validate failed"
ok "desktop-file-validate $app_id.desktop"
grep -q '^Exec=qwenvl-desk %F$' "$tree/usr/share/applications/$app_id.desktop" ||
    die "the desktop file must start qwenvl-desk with %F"
grep -q "^Icon=$app_id$" "$tree/usr/share/applications/$app_id.desktop" ||
    die "the desktop file's Icon must be $app_id"
grep -q '^MimeType=.*image/png;.*image/jpeg;' "$tree/usr/share/applications/$app_id.desktop" ||
    die "the desktop file must offer to open PNG and JPEG images"
ok "desktop file: Exec with %F, Icon=$app_id, image MIME types"
# --no-net: the screenshot URLs point at the repository and are not fetched here.
appstreamcli validate --no-net "$tree/usr/share/metainfo/$app_id.metainfo.xml" >"$work/as.log" 2>&1 ||
    { cat "$work/as.log" >&2; die "appstreamcli validate failed"; }
ok "appstreamcli validate --no-net $app_id.metainfo.xml ($(tail -n1 "$work/as.log"))"
# The installed tree as a whole: metainfo, the desktop file it launches and the icons agree.
appstreamcli validate-tree --no-net "$tree" >"$work/as-tree.log" 2>&1 ||
    { cat "$work/as-tree.log" >&2; die "appstreamcli validate-tree failed"; }
ok "appstreamcli validate-tree --no-net (package contents)"
release=$(grep -o '<release version="[^"]*"' "$tree/usr/share/metainfo/$app_id.metainfo.xml" |
    head -n1 | cut -d'"' -f2)
[[ $release == "$upstream_version" ]] ||
    die "newest metainfo release $release differs from the package version $upstream_version"
ok "newest metainfo release is $release"

section "install"
install_log=$work/apt.log
apt_install() {
    # --reinstall: a rebuilt package of the same version still replaces the installed files.
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --reinstall \
        --allow-downgrades "$deb" >"$install_log" 2>&1
}
installed_by_us=1
if ! apt_install; then
    # Missing dependencies with stale package lists: refresh them once and try again.
    "${as_root[@]}" apt-get update -qq >/dev/null 2>&1 || true
    apt_install || { cat "$install_log" >&2; die "apt-get install $deb failed"; }
fi
status=$(dpkg-query -W -f='${Status} ${Version}' "$package")
[[ $status == "install ok installed $deb_version" ]] || die "dpkg says: $status"
ok "apt-get install ./$(basename "$deb"): $status"
missing_libs=$(ldd /usr/bin/qwenvl-desk /usr/bin/qwenvl-desk-cli | grep 'not found' || true)
[[ -z $missing_libs ]] || die "unresolved libraries: $missing_libs"
ok "ldd resolves every library of both binaries"

section "run the installed binaries"
export QT_QPA_PLATFORM=offscreen
# stdout only: Qt may warn on stderr (e.g. about XDG_RUNTIME_DIR), which is not the version.
version_output=$(timeout 60 /usr/bin/qwenvl-desk --version 2>"$work/gui.err") ||
    die "/usr/bin/qwenvl-desk --version failed: $version_output $(cat "$work/gui.err")"
echo "  /usr/bin/qwenvl-desk --version -> $version_output"
[[ $version_output == "QwenVL Desk $upstream_version" ]] ||
    die "the GUI reports '$version_output', the package is $deb_version"
ok "GUI --version matches the package version ($upstream_version)"
help_output=$(timeout 60 /usr/bin/qwenvl-desk-cli --help 2>"$work/cli.err") ||
    die "/usr/bin/qwenvl-desk-cli --help failed: $help_output $(cat "$work/cli.err")"
grep -q '^Usage: ' <<<"$help_output" || die "qwenvl-desk-cli --help printed no usage: $help_output"
ok "qwenvl-desk-cli --help: $(head -n1 <<<"$help_output")"

printf "\n== all %d package checks passed\n" "$checks"
