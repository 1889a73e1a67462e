#!/usr/bin/env bash
# The render benchmark of issue 5: `xiangjian render --theme progress` against QGIS 3.22 on the
# province data set, in one run, so both see the same machine load:
#   bench/render_bench.sh [BUILD_DIR] [WORK_DIR]
# 1. installs the packages of bench/render-packages.txt that are missing (QGIS; not CI's);
# 2. generates the province data and builds a project store from it, with derived township and
#    county units and progress reports for every project, and QGIS's prepared copy: both by
#    bench/province_store.sh, which reuses them while they are up to date;
# 3. times `xiangjian render` (whole process, GNU time, and its --timings lines), full extent and
#    a county-sized window, 1920x1080, RUNS times each (median);
# 4. renders the same with QGIS (bench/qgis_render.py) from a prepared copy of the store;
# 5. prints a table. Images land in WORK_DIR/out to be looked at. RUNS=N changes the 3 runs;
#    EDGES=independent makes villages whose neighbours do not share the vertices of their common
#    border (borders digitised twice; use another WORK_DIR for it).
# Goals: full extent in at most half QGIS's time, county window under 50 ms, peak under 1 GiB.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(realpath "${1:-build}")"
work="${2:-/tmp/xiangjian-province}"
runs="${RUNS:-3}"
bbox="112.4,34.0,112.9,34.4" # 0.5° x 0.4° (about 46 x 44 km) in western Henan: a county
xj="$build/bin/xiangjian"
qgis_python=/usr/bin/python3 # python3-qgis installs the bindings for Debian's Python only

# --- 1, 2. Packages, data and stores (shared with bench/viewer_bench.sh) ----------------------
"$here/province_store.sh" "$build" "$work"
cd "$work"

# --- Helpers ---------------------------------------------------------------------------------
median() { # numbers on stdin, one a line
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-";
        else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
max() { sort -g | tail -1; }
mb() { awk -v kb="$1" 'BEGIN { if (kb == "-") print "-"; else printf "%.0f MB", kb / 1024 }'; }
declare -A fig # figures for the table, by name

read -r load_before _ < /proc/loadavg
echo "Load average before timing: $load_before (2 cores; other builds make timings noisy)"

# --- 3. Xiangjian ----------------------------------------------------------------------------
# The command may not be built yet: its name must be among the subcommands of --help (CLI11
# answers `xiangjian render --help` with the main help when there is no such subcommand).
xj_available=0
# (Into a variable first: with pipefail, grep -q closing the pipe early fails the pipeline.)
xj_help="$("$xj" --help 2>/dev/null || true)"
if grep -qE '^\s+render\s' <<< "$xj_help"; then
    xj_available=1
else
    echo "xiangjian render: not in $xj yet; timing QGIS only"
fi
xj_view() { # name, extra arguments...
    local name="$1"; shift
    local walls=() peaks=() cpus=()
    for run in $(seq "$runs"); do
        # In English: the --timings lines are read back below by their English names.
        if ! XIANGJIAN_LANG=en /usr/bin/time -o time.txt -f "%e %M %U %S" "$xj" render render.gpkg \
            --out "out/xiangjian-$name.png" --size 1920x1080 --theme progress --timings "$@" \
            > /dev/null 2> "xj-$name-$run.txt"; then
            echo "xiangjian render ($name) failed:"; tail -5 "xj-$name-$run.txt"; return 1
        fi
        read -r wall peak user sys < <(tail -1 time.txt)
        echo "xiangjian render $name, run $run: $wall s, peak $peak KB, cpu $user+$sys s;" \
            "$(grep -hE '^(load|evaluate|render|write):' "xj-$name-$run.txt" | paste -sd' ')"
        walls+=("$wall"); peaks+=("$peak"); cpus+=("$(awk "BEGIN { print $user + $sys }")")
    done
    fig[xj_${name}_wall]=$(printf '%s\n' "${walls[@]}" | median)
    fig[xj_${name}_peak]=$(printf '%s\n' "${peaks[@]}" | max)
    fig[xj_${name}_cpu]=$(printf '%s\n' "${cpus[@]}" | median)
    for step in load evaluate render write; do # median of each --timings line over the runs
        fig[xj_${name}_$step]=$(sed -nE "s/^$step: *([0-9.]+) *s.*/\1/p" xj-"$name"-*.txt | median)
    done
}
if [ "$xj_available" = 1 ]; then
    rm -f xj-*.txt
    xj_view full || xj_available=0
    xj_view county --bbox "$bbox" || xj_available=0
fi

# --- 4. QGIS ---------------------------------------------------------------------------------
# One process renders each view RUNS times (init and load once, render medians, peak), then
# one process per view and run renders that view once: the whole-process time of a one-off map,
# comparable with one `xiangjian render`.
echo "QGIS: $runs renders of each view in one process"
/usr/bin/time -o time.txt -f "%e %M" "$qgis_python" "$here/qgis_render.py" render-qgis.gpkg out \
    --runs "$runs" --bbox "$bbox" > qgis.txt 2> qgis-stderr.txt ||
    { cat qgis.txt; tail -20 qgis-stderr.txt; exit 1; }
sed 's/^/  /' qgis.txt
read -r wall peak < <(tail -1 time.txt)
echo "  whole process: $wall s, peak $peak KB"
qgis_value() { sed -nE "s/^qgis $1: *([0-9.]+).*/\1/p" qgis.txt; }
qgis_cpu() { sed -nE "s/^qgis $1: .*cpu ([0-9.]+) s.*/\1/p" qgis.txt; }
fig[qgis_init]=$(qgis_value init)
fig[qgis_load]=$(qgis_value load)
fig[qgis_full_render]=$(qgis_value "full render")
fig[qgis_county_render]=$(qgis_value "county render")
fig[qgis_full_render_cpu]=$(qgis_cpu "full render")
fig[qgis_county_render_cpu]=$(qgis_cpu "county render")
for name in full county; do
    walls=() peaks=() cpus=()
    for run in $(seq "$runs"); do
        /usr/bin/time -o time.txt -f "%e %M %U %S" "$qgis_python" "$here/qgis_render.py" \
            render-qgis.gpkg out --runs 1 --views "$name" --bbox "$bbox" > /dev/null 2>&1 ||
            { echo "QGIS one-off $name failed"; exit 1; }
        read -r wall peak user sys < <(tail -1 time.txt)
        echo "QGIS one-off $name, run $run: $wall s, peak $peak KB, cpu $user+$sys s"
        walls+=("$wall"); peaks+=("$peak"); cpus+=("$(awk "BEGIN { print $user + $sys }")")
    done
    fig[qgis_${name}_wall]=$(printf '%s\n' "${walls[@]}" | median)
    fig[qgis_${name}_peak]=$(printf '%s\n' "${peaks[@]}" | max)
    fig[qgis_${name}_cpu]=$(printf '%s\n' "${cpus[@]}" | median)
done
read -r load_after _ < /proc/loadavg

# --- 5. Table --------------------------------------------------------------------------------
row() { printf '%-40s %-22s %-22s\n' "$@"; }
echo
echo "Render benchmark (issue 5): 1920x1080, EPSG:4547, county window $bbox, median of $runs;"
echo "load average $load_before before, $load_after after"
row "" "full extent" "county window"
if [ "$xj_available" = 1 ]; then
    row "xiangjian render, whole process" \
        "${fig[xj_full_wall]} s, $(mb "${fig[xj_full_peak]}")" \
        "${fig[xj_county_wall]} s, $(mb "${fig[xj_county_peak]}")"
    row "  CPU time (user + system)" "${fig[xj_full_cpu]} s" "${fig[xj_county_cpu]} s"
    for step in load evaluate render write; do
        row "  $step (--timings)" "${fig[xj_full_$step]} s" "${fig[xj_county_$step]} s"
    done
else
    row "xiangjian render" "not built" "not built"
fi
row "QGIS 3.22 one-off, whole process" \
    "${fig[qgis_full_wall]} s, $(mb "${fig[qgis_full_peak]}")" \
    "${fig[qgis_county_wall]} s, $(mb "${fig[qgis_county_peak]}")"
row "  CPU time (user + system)" "${fig[qgis_full_cpu]} s" "${fig[qgis_county_cpu]} s"
row "  render (QgsMapRendererParallelJob)" \
    "${fig[qgis_full_render]} s (cpu ${fig[qgis_full_render_cpu]})" \
    "${fig[qgis_county_render]} s (cpu ${fig[qgis_county_render_cpu]})"
row "  init / layer load" "${fig[qgis_init]} s / ${fig[qgis_load]} s" ""
if [ "$xj_available" = 1 ]; then
    awk -v xr="${fig[xj_full_render]}" -v qr="${fig[qgis_full_render]}" \
        -v xw="${fig[xj_full_wall]}" -v qw="${fig[qgis_full_wall]}" \
        -v cr="${fig[xj_county_render]}" -v cw="${fig[xj_county_wall]}" \
        -v xc="${fig[xj_full_cpu]}" -v qc="${fig[qgis_full_cpu]}" \
        -v peak="${fig[xj_full_peak]}" 'BEGIN {
        if (xr != "-") printf "full extent, render step: %.2f x QGIS'\''s render (goal <= 0.5)\n", xr / qr
        printf "full extent, whole process: %.2f x QGIS'\''s (goal <= 0.5)\n", xw / qw
        printf "full extent, whole-process CPU time: %.2f x QGIS'\''s\n", xc / qc
        if (cr != "-") printf "county window, render step: %.0f ms (goal < 50 ms)\n", cr * 1000
        printf "county window, whole process: %.0f ms\n", cw * 1000
        printf "province render peak memory: %.0f MB (goal < 1024 MB)\n", peak / 1024 }'
fi
echo "Images: $work/out/{xiangjian,qgis}-{full,county}.png"
