#!/bin/sh
# Takes the viewer's screenshots in this folder again, from a fresh demo county, with the
# options the README and docs/viewer.md show them for. Look at each before committing them.
#   docs/screenshots/retake.sh [BUILD_DIR]      (default: build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/xiangjian" demo "$work/ruyang.gpkg" >/dev/null
# No display needed; a map cache of its own, not the user's.
export QT_QPA_PLATFORM=offscreen XIANGJIAN_MAP_CACHE="$work/map-cache"
shot() {
    name=$1
    shift
    "$build/bin/xiangjian-viewer" "$work/ruyang.gpkg" --size 1600x1000 "$@" --screenshot "$here/$name"
}
shot progress-zh.png
shot project-status-zh.png --as-of 2018-08-31 --select RY2018-003 --theme status
shot indicators-en.png --as-of 2018-05-31 --theme indicators --lang en
shot project-day-zh.png --leader 张卫东 --select RY2018-011
shot project-day-en.png --leader 张卫东 --select RY2018-011 --lang en
