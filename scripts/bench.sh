#!/usr/bin/env bash
# Builds and runs the benchmarks of tests/bench and prints one table: each figure, the baseline
# it is measured against in the same run, their ratio, the goal on that ratio and whether it is
# met. Exits non-zero when a goal is missed or a bench fails (tests/bench/BenchReport.h).
#
#   scripts/bench.sh                       every bench (about 6 minutes on 2 cores)
#   scripts/bench.sh ChatView Grounding    some of them ("bench_" may be left out)
#   scripts/bench.sh --quick               small sizes, one round: every bench runs and its
#                                          figures are checked for sanity, no goal is judged
#   scripts/bench.sh --no-build            run what the build directory has
#
# Environment: QVD_BUILD_DIR (default build), QVD_BENCH_GOAL_SCALE (every goal made that many
# times as strict, < 1, or as lax, > 1: how the runner's own test sees a missed goal fail).
# Each bench's whole output is kept in <build>/bench-logs/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${QVD_BUILD_DIR:-$root/build}

quick=0
build=1
names=()
for argument in "$@"; do
    case $argument in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    -h | --help)
        sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    -*)
        echo "bench.sh: unknown option $argument (see --help)" >&2
        exit 2
        ;;
    *) names+=("bench_${argument#bench_}") ;;
    esac
done
if ((${#names[@]} == 0)); then
    for source in "$root"/tests/bench/bench_*.cpp; do
        names+=("$(basename "$source" .cpp)")
    done
fi
for name in "${names[@]}"; do
    if [[ ! -f $root/tests/bench/$name.cpp ]]; then
        echo "bench.sh: no bench called $name in tests/bench" >&2
        exit 2
    fi
done

if ((build)); then
    QVD_WITH_TEST_PACKAGES=1 QVD_BUILD_TARGETS="${names[*]}" "$root/scripts/setup.sh"
fi

export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
if ((quick)); then
    export QVD_BENCH_QUICK=1
else
    unset QVD_BENCH_QUICK
fi
logs=$build_dir/bench-logs
mkdir -p "$logs"
table=$(mktemp)
trap 'rm -f "$table"' EXIT

failed=()
started=$SECONDS
for name in "${names[@]}"; do
    binary=$build_dir/bin/$name
    log=$logs/$name.log
    printf '== %-24s ' "$name"
    began=$SECONDS
    rc=0
    if [[ ! -x $binary ]]; then
        echo "not built: $binary" >"$log"
        rc=127
    else
        timeout --kill-after=10 1200 "$binary" >"$log" 2>&1 || rc=$?
    fi
    rows=$(grep -c $'^BENCH\t' "$log" || true)
    grep $'^BENCH\t' "$log" | sed "s/^BENCH\t/${name#bench_}\t/" >>"$table" || true
    missing=$(grep -c $'^BENCH\t.*\t\(MISSED\|insane\)$' "$log" || true)
    verdict="ok"
    if ((rc != 0 && missing > 0)); then
        verdict="missed $missing goal(s)"
    elif ((rc != 0)); then
        verdict="FAILED (exit $rc)"
        failed+=("$name")
    elif ((rows == 0)); then
        verdict="FAILED (no figures)"
        failed+=("$name")
    fi
    printf '%3ds  %d figures  %s\n' $((SECONDS - began)) "$rows" "$verdict"
    if [[ $verdict == FAILED* ]]; then
        # What went wrong, from its log: failures and skips with where they happened.
        grep -E '^(FAIL!|SKIP|   Loc:)|not built' "$log" | head -n 12 | sed 's/^/     /' || true
    fi
done

echo
awk -F'\t' '
    BEGIN { n = 0 }
    {
        bench[n] = $1; figure[n] = $2
        value[n] = $3 " " $4
        baseline[n] = $5 ": " $6 " " $4
        ratio[n] = $7; goal[n] = $8; verdict[n] = $9
        n++
    }
    END {
        head[1] = "bench"; head[2] = "figure"; head[3] = "value"; head[4] = "baseline (same run)"
        head[5] = "ratio"; head[6] = "goal"; head[7] = "verdict"
        for (c = 1; c <= 7; c++) width[c] = length(head[c])
        for (i = 0; i < n; i++) {
            cell[i, 1] = bench[i]; cell[i, 2] = figure[i]; cell[i, 3] = value[i]
            cell[i, 4] = baseline[i]; cell[i, 5] = ratio[i]; cell[i, 6] = goal[i]
            cell[i, 7] = verdict[i]
            for (c = 1; c <= 7; c++)
                if (length(cell[i, c]) > width[c]) width[c] = length(cell[i, c])
        }
        line = ""
        for (c = 1; c <= 7; c++) line = line sprintf("%-" width[c] "s  ", head[c])
        print line
        for (i = 0; i < n; i++) {
            line = ""
            for (c = 1; c <= 7; c++) line = line sprintf("%-" width[c] "s  ", cell[i, c])
            print line
        }
    }' "$table"

missed=$(awk -F'\t' '$9 == "MISSED" || $9 == "insane"' "$table" | wc -l)
echo
mode=$([[ $quick == 1 ]] && echo "quick mode, goals not judged" || echo "goals judged")
printf '%d benches, %d figures, %d missed or insane, %d benches failed (%s; %ds; logs in %s)\n' \
    "${#names[@]}" "$(wc -l <"$table")" "$missed" "${#failed[@]}" "$mode" \
    $((SECONDS - started)) "$logs"
if ((missed > 0 || ${#failed[@]} > 0)); then
    exit 1
fi
