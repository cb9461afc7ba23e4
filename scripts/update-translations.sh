#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (lupdate), then fills Chinese texts from
# translations/zh_CN*.tsv and English plural forms from translations/en*.tsv. With --check, changes nothing and fails if the .ts files are stale or
# zh_CN has unfinished or vanished entries (CI runs this).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
# Keep these options in step with LUPDATE_OPTIONS in translations/CMakeLists.txt.
options=(-no-obsolete -locations none -silent -I . -I src)

run_lupdate() { # $1: directory holding the .ts files to update in place
    (cd "$root" && "$lupdate" "${options[@]}" src ui -ts "$1"/qwenvl-desk_zh_CN.ts "$1"/qwenvl-desk_en.ts)
}

refresh() { # $1: directory holding the .ts files to update in place
    local status=0
    run_lupdate "$1"
    cat "$root"/translations/zh_CN*.tsv >"$1/all.tsv.tmp"
    python3 "$root/scripts/ts-fill.py" "$1/qwenvl-desk_zh_CN.ts" "$1/all.tsv.tmp" || status=$?
    cat "$root"/translations/en*.tsv >"$1/all.tsv.tmp"
    python3 "$root/scripts/ts-fill.py" --numerus-only "$1/qwenvl-desk_en.ts" "$1/all.tsv.tmp" \
        || status=$?
    rm -f "$1/all.tsv.tmp"
    run_lupdate "$1" # once more, so the file is in lupdate's own format
    return "$status"
}

if [[ ${1:-} == --check ]]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    cp "$root"/translations/*.ts "$work"/
    if ! refresh "$work" >"$work/log" 2>&1; then
        cat "$work/log" >&2
        echo "translations: zh_CN has unfinished entries (add them to translations/zh_CN.tsv)" >&2
        exit 1
    fi
    if ! diff -u "$root/translations/qwenvl-desk_zh_CN.ts" "$work/qwenvl-desk_zh_CN.ts" ||
        ! diff -u "$root/translations/qwenvl-desk_en.ts" "$work/qwenvl-desk_en.ts"; then
        echo "translations: .ts files are out of date; run scripts/update-translations.sh" >&2
        exit 1
    fi
    if grep -qE 'type="(vanished|obsolete|unfinished)"' "$root/translations/qwenvl-desk_zh_CN.ts"; then
        echo "translations: zh_CN has vanished, obsolete or unfinished entries" >&2
        exit 1
    fi
    echo "translations: up to date, zh_CN complete"
else
    refresh "$root/translations"
fi
