#!/usr/bin/env bash
# The project-day mode's speed (issue 14): build/bin/xj_bench_project_day on a copy of the demo
# county and on the province data set of render_bench.sh, whose 140,000 projects are given
# 470 leaders here (about 300 projects each: the leader in the goal).
#   bench/project_day_bench.sh [BUILD_DIR] [WORK_DIR]
# Goals: a leader picked to the list and the zoomed map under 300 ms on the demo and under 1 s
# on the province; a valid form to "saved" under 100 ms.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(realpath "${1:-build}")"
work="${2:-/tmp/xiangjian-province}"
bench="$build/bin/xj_bench_project_day"
repeat="${REPEAT:-10}"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/xiangjian-runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$build/bin/xiangjian" demo "$scratch/ruyang.gpkg" > /dev/null
echo "== demo county (36 projects; the two busiest leaders)"
"$bench" "$scratch/ruyang.gpkg" --repeat "$repeat" | grep -v '^result'

"$here/province_store.sh" "$build" "$work" > /dev/null
cp "$work/render.gpkg" "$scratch/province.gpkg"
# 470 leaders, projects dealt out in turn: 297 or 298 projects each.
ogrinfo -q "$scratch/province.gpkg" -dialect SQLite \
    -sql "UPDATE projects SET leader = '领导' || printf('%03d', fid % 470) || '（副县长）'" > /dev/null
echo "== province (140,000 projects, 470 leaders of about 300 projects)"
"$bench" "$scratch/province.gpkg" --repeat "$repeat" | grep -v '^result'
