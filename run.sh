#!/usr/bin/env bash
# The quick start. On a fresh Debian 12 machine:
#   ./run.sh        installs what is missing, builds, builds the demo county and opens it in the
#                   viewer; without a display, draws its progress map (out/ruyang.png) and a
#                   grab of the viewer (out/ruyang-viewer.png) and says how to open the viewer
#   ./run.sh test   installs what is missing, builds, runs every test
set -euo pipefail
cd "$(dirname "$0")"
job="${1:-demo}"

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXJ_WERROR="${XJ_WERROR:-OFF}" >/dev/null
cmake --build build

case "$job" in
    demo)
        mkdir -p out
        build/bin/xiangjian demo --overwrite out/ruyang.gpkg
        build/bin/xiangjian render out/ruyang.gpkg --out out/ruyang.png
        if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
            echo "Opening the viewer: build/bin/xiangjian-viewer out/ruyang.gpkg"
            exec build/bin/xiangjian-viewer out/ruyang.gpkg
        fi
        # No display (a server, CI): the window is drawn offscreen and grabbed instead.
        QT_QPA_PLATFORM=offscreen build/bin/xiangjian-viewer out/ruyang.gpkg --size 1600x1000 \
            --screenshot out/ruyang-viewer.png >/dev/null
        cat <<EOF
No display here, so the viewer was not opened. Written instead:
  out/ruyang.png          the progress map (xiangjian render)
  out/ruyang-viewer.png   a grab of the viewer's window, drawn offscreen
To open the viewer, run on a desktop (or over ssh -X):
  build/bin/xiangjian-viewer out/ruyang.gpkg
or on this machine through a virtual display:
  xvfb-run -s '-screen 0 1920x1080x24' build/bin/xiangjian-viewer out/ruyang.gpkg
EOF
        ;;
    test)
        # The tests' map caches (gis/render map_cache.h) in the build tree, not the user's.
        XIANGJIAN_MAP_CACHE="$PWD/build/test-map-cache" \
            ctest --test-dir build --output-on-failure -j"$(nproc)"
        ;;
    *)
        echo "usage: ./run.sh [demo|test]" >&2
        exit 2
        ;;
esac
