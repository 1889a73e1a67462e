#!/usr/bin/env bash
# The review export's speed (issue 15): `xiangjian export shapefile` of the province-sized set
# (47,150 villages, 120,000 points, 20,000 roads, 210,000 reports), the checks, the engine and
# the read-back included, against `ogr2ogr -f "ESRI Shapefile"` copying the same layers and
# tables out of the project file, taking turns RUNS times (median of each).
#   bench/export_bench.sh [BUILD_DIR] [WORK_DIR]
# Goal: at most 1.2 x ogr2ogr.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(realpath "${1:-build}")"
work="${2:-/tmp/xiangjian-province}"
runs="${RUNS:-3}"
"$here/province_store.sh" "$build" "$work" > /dev/null
store="$work/render.gpkg"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
xj=() ogr=()
for run in $(seq "$runs"); do
    rm -rf "$scratch/xj" "$scratch/ogr"
    /usr/bin/time -o "$scratch/time" -f "%e" "$build/bin/xiangjian" export shapefile "$store" \
        --out "$scratch/xj" > /dev/null 2> "$scratch/xj.err" || { cat "$scratch/xj.err"; exit 1; }
    xj+=("$(cat "$scratch/time")")
    mkdir "$scratch/ogr"
    /usr/bin/time -o "$scratch/time" -f "%e" ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 \
        "$scratch/ogr" "$store" admin_units project_points project_lines project_polygons \
        milestones progress_reports problems > /dev/null 2>&1
    ogr+=("$(cat "$scratch/time")")
    echo "run $run: xiangjian export ${xj[-1]} s, ogr2ogr ${ogr[-1]} s"
done
x=$(printf '%s\n' "${xj[@]}" | median)
o=$(printf '%s\n' "${ogr[@]}" | median)
echo "export shapefile: median $x s; ogr2ogr of the same layers: median $o s;" \
    "$(awk -v x="$x" -v o="$o" 'BEGIN { printf "%.2f", x / o }') x (goal <= 1.2)"
