#!/usr/bin/env bash
# Compares what two builds of xiangjian print and draw for the demo county, byte for byte:
#   scripts/compare-outputs.sh BEFORE_BINARY AFTER_BINARY [WORK_DIR]
# Each binary builds its own demo project, then writes `info`, `status` (CSV and JSON, several
# dates and groupings), `project-day` (table and JSON) and full-extent `render` PNGs of the
# progress and status themes. Exit 0 when every output is identical; otherwise the differing
# files are listed (and the first lines of each text diff shown), exit 1.
# A refactoring must leave all of them unchanged (issue 11).
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: scripts/compare-outputs.sh BEFORE_BINARY AFTER_BINARY [WORK_DIR]" >&2
    exit 2
fi
before="$(realpath "$1")"
after="$(realpath "$2")"
work="${3:-$(mktemp -d /tmp/xj-compare.XXXXXX)}"
mkdir -p "$work"
export QT_QPA_PLATFORM=offscreen

dates=(2018-03-01 2018-06-30 2018-08-03 2018-12-31)
leaders=("李志强（常务副县长）" "张卫东（副县长）")

outputs() {
    local xj="$1" dir="$2"
    rm -rf "$dir"
    mkdir -p "$dir"
    local project="$dir/demo.gpkg"
    # demo and info print the path: given relative, so that the two runs compare.
    (cd "$dir" && "$xj" demo --overwrite demo.gpkg >demo.txt && "$xj" info demo.gpkg >info.txt &&
        "$xj" --lang en info demo.gpkg >info.en.txt)
    "$xj" status "$project" --format csv >"$dir/status.csv"
    "$xj" status "$project" --format json >"$dir/status.json"
    for day in "${dates[@]}"; do
        for by in project village township county type leader unit; do
            "$xj" status "$project" --as-of "$day" --by "$by" --format csv >"$dir/status.$day.$by.csv"
        done
        "$xj" status "$project" --as-of "$day" --format json >"$dir/status.$day.json"
        "$xj" status "$project" --as-of "$day" >"$dir/status.$day.txt"
    done
    local n=0
    for leader in "${leaders[@]}"; do
        n=$((n + 1))
        "$xj" project-day "$project" --leader "$leader" >"$dir/project-day.$n.txt"
        "$xj" project-day "$project" --leader "$leader" --format json >"$dir/project-day.$n.json"
        "$xj" project-day "$project" --leader "$leader" --date 2018-06-29 --format json \
            >"$dir/project-day.$n.2018-06-29.json"
    done
    for theme in progress status; do
        "$xj" render "$project" --theme "$theme" --out "$dir/render.$theme.png" >/dev/null
        "$xj" render "$project" --theme "$theme" --as-of 2018-06-30 \
            --out "$dir/render.$theme.2018-06-30.png" >/dev/null
    done
    rm -f "$project"
}

outputs "$before" "$work/before"
outputs "$after" "$work/after"

status=0
while IFS= read -r name; do
    if ! cmp -s "$work/before/$name" "$work/after/$name"; then
        echo "differs: $name"
        case "$name" in
            *.png) ;;
            *) diff "$work/before/$name" "$work/after/$name" | head -10 || true ;;
        esac
        status=1
    fi
done < <(cd "$work/before" && find . -type f | sort)
count=$(cd "$work/before" && find . -type f | wc -l)
if [ "$status" -eq 0 ]; then
    echo "all $count outputs identical ($work)"
fi
exit "$status"
