#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ (clang, libFuzzer, ASan + UBSan) and runs each
# for a bounded time on a seed corpus made from tests/data/grounding. Fails on any crash,
# sanitizer report, leak, timeout or out-of-memory (libFuzzer exits non-zero and writes the
# input to build-fuzz/fuzz-artifacts/).
#   tests/fuzz/run-fuzz.sh [SECONDS]      seconds per target, default 60
# Needs: clang libclang-rt-14-dev (Debian 12), plus the normal build packages.
# Environment: QVD_FUZZ_BUILD_DIR (default build-fuzz).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-60}
build_dir=${QVD_FUZZ_BUILD_DIR:-$root/build-fuzz}

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if [[ ! -f $build_dir/build.ninja ]]; then
    echo "== configuring $build_dir (clang, libFuzzer, ASan + UBSan)"
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" \
        -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" -DQVD_SANITIZE=ON -DQVD_FUZZ=ON
fi

# Seeds: every answer of the public corpus, and every answer fixture.
seeds=$build_dir/fuzz-seeds
rm -rf "$seeds"
mkdir -p "$seeds" "$build_dir/fuzz-artifacts"
python3 - "$root/tests/data/grounding/public-corpus.jsonl" "$seeds" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as corpus:
    for number, line in enumerate(corpus):
        if line.strip():
            with open(f"{sys.argv[2]}/corpus-{number:04d}.txt", "w", encoding="utf-8") as seed:
                seed.write(json.loads(line)["text"])
PY
cp "$root"/tests/data/grounding/*.txt "$seeds"/ 2>/dev/null || true

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export LSAN_OPTIONS=suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

status=0
for source in "$root"/tests/fuzz/fuzz_*.cpp; do
    name=$(basename "$source" .cpp)
    echo "== building $name"
    cmake --build "$build_dir" --target "$name"
    corpus=$build_dir/fuzz-corpus/$name # grows across runs; the seeds are read, never written
    mkdir -p "$corpus"
    echo "== running $name for ${seconds}s"
    if ! "$build_dir/bin/$name" "$corpus" "$seeds" -dict="$root/tests/fuzz/grounding.dict" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 \
        -artifact_prefix="$build_dir/fuzz-artifacts/$name-"; then
        echo "== $name FAILED: see the report above and $build_dir/fuzz-artifacts/" >&2
        status=1
    fi
done
exit "$status"
