#!/usr/bin/env bash
# The import benchmark of issue 3, whole-process timings on one run:
#   bench/import_bench.sh [BUILD_DIR] [WORK_DIR]
# generates the province data set, then times `xiangjian import units|projects` against
# `ogr2ogr -f GPKG` of the same files, the spatial join of 120,000 points into 47,000
# villages, and peak memory (GNU time).
set -euo pipefail
build="$(realpath "${1:-build}")"
work="${2:-/tmp/xiangjian-province}"
mkdir -p "$work"
cd "$work"
"$build/bin/xj_make_province" "$work"
measure() { # label, command...
    local label="$1"; shift
    /usr/bin/time -f "$label: %e s, peak %M KB" "$@" > /dev/null 2> time.txt || { cat time.txt; exit 1; }
    tail -1 time.txt
}
for source in villages.shp province.gpkg; do
    layer=(); ogr_layer=()
    if [ "$source" = province.gpkg ]; then layer=(--layer villages); ogr_layer=(villages); fi
    rm -f ogr.gpkg; measure "ogr2ogr -f GPKG $source (villages)" ogr2ogr -f GPKG ogr.gpkg "$source" "${ogr_layer[@]}"
    rm -f xj.gpkg; "$build/bin/xiangjian" init xj.gpkg > /dev/null
    measure "xiangjian import units $source --no-coverage-check" "$build/bin/xiangjian" import units --no-coverage-check xj.gpkg "$source" "${layer[@]}"
    rm -f xj.gpkg; "$build/bin/xiangjian" init xj.gpkg > /dev/null
    measure "xiangjian import units $source (with overlap/gap check)" "$build/bin/xiangjian" import units xj.gpkg "$source" "${layer[@]}"
done
cp xj.gpkg villages-only.gpkg # the units just imported, for the roads on their own below
rm -f ogr.gpkg; measure "ogr2ogr -f GPKG sites.shp (120,000 points)" ogr2ogr -f GPKG ogr.gpkg sites.shp
measure "xiangjian import projects sites.shp (120,000 points, linked to villages)" "$build/bin/xiangjian" import projects xj.gpkg sites.shp
rm -f ogr.gpkg; measure "ogr2ogr -f GPKG roads.shp (20,000 lines)" ogr2ogr -f GPKG ogr.gpkg roads.shp
measure "xiangjian import projects roads.shp (20,000 lines, lengths per village; after the points)" "$build/bin/xiangjian" import projects xj.gpkg roads.shp
measure "xiangjian import projects roads.shp (20,000 lines, lengths per village; villages only)" "$build/bin/xiangjian" import projects villages-only.gpkg roads.shp
rm -f villages-only.gpkg
"$build/bin/xj_bench_spatial_join" province.gpkg roads.shp
# Borders that wiggle (one polyline per border, shared by both neighbours): GEOS's validity
# check costs several times more on them (a monotone chain ends at every turn).
"$build/bin/xj_make_province" "$work/wiggly" --wiggly-edges > /dev/null
rm -f ogr.gpkg; measure "ogr2ogr -f GPKG villages.shp, wiggly borders" ogr2ogr -f GPKG ogr.gpkg "$work/wiggly/villages.shp"
rm -f xj.gpkg; "$build/bin/xiangjian" init xj.gpkg > /dev/null
measure "xiangjian import units villages.shp, wiggly borders (with check)" \
    "$build/bin/xiangjian" import units xj.gpkg "$work/wiggly/villages.shp"
rm -f ogr.gpkg; measure "ogr2ogr -f GPKG sites.shp, wiggly borders" ogr2ogr -f GPKG ogr.gpkg "$work/wiggly/sites.shp"
measure "xiangjian import projects sites.shp, wiggly borders" \
    "$build/bin/xiangjian" import projects xj.gpkg "$work/wiggly/sites.shp"
"$build/bin/xj_bench_ring_validity" "$work/wiggly/villages.shp"
# Borders digitised twice: neighbours' vertices differ along each border (T-junctions).
"$build/bin/xj_make_province" "$work/independent" --independent-edges > /dev/null
rm -f xj.gpkg; "$build/bin/xiangjian" init xj.gpkg > /dev/null
measure "xiangjian import units villages.shp, borders with different vertices (with check)" \
    "$build/bin/xiangjian" import units xj.gpkg "$work/independent/villages.shp"
