#!/usr/bin/env bash
# Whole-process `xiangjian status --by township` on a province-sized history (issue 11: 10,000
# projects, 1,000,000 progress reports; goal under 0.6 s), and the read table by table:
#   bench/status_bench.sh [BUILD_DIR] [WORK_DIR]
# RUNS=N changes the 5 runs; the median and the fastest are printed, with peak memory.
set -euo pipefail
build="$(realpath "${1:-build}")"
work="${2:-/tmp/xiangjian-status}"
runs="${RUNS:-5}"
mkdir -p "$work"
store="$work/engine.gpkg"
if [ ! -f "$store" ]; then
    "$build/bin/xj_make_engine_store" "$store"
fi
"$build/bin/xiangjian" status "$store" --by township >/dev/null # page cache warm, as a user's
for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" "$build/bin/xiangjian" status "$store" --by township 2>&1 >/dev/null |
        tail -1
done | sort -n | awk -v runs="$runs" '{ t[NR] = $1; m[NR] = $2 }
    END { printf "status --by township, %d runs: median %.2f s, fastest %.2f s, peak %.0f MB\n",
          runs, t[int((NR + 1) / 2)], t[1], m[1] / 1024 }'
"$build/bin/xj_bench_store_read" "$store"
