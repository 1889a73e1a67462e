#!/usr/bin/env bash
# The quick start. On a fresh Debian 12 machine:
#   ./run.sh        installs what is missing, builds, builds the demo county, shows it and
#                   draws its progress map (out/ruyang.png)
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
        ;;
    test)
        ctest --test-dir build --output-on-failure -j"$(nproc)"
        ;;
    *)
        echo "usage: ./run.sh [demo|test]" >&2
        exit 2
        ;;
esac
