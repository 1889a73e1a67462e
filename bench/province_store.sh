#!/usr/bin/env bash
# The province data set the render and viewer benchmarks share, as a project store:
#   bench/province_store.sh [BUILD_DIR] [WORK_DIR]
# 1. installs the packages of bench/render-packages.txt that are missing (QGIS, GNU time; not
#    CI's);
# 2. generates the province data with xj_make_province (reused when present): 47,000 villages,
#    120,000 sites, 20,000 roads; dissolves townships and counties from the village codes;
# 3. builds the store WORK_DIR/render.gpkg with the CLI's importers, with one or two progress
#    reports for every project (bench/make_progress.py);
# 4. makes QGIS's prepared copy WORK_DIR/render-qgis.gpkg (bench/qgis_render.py reads it).
# Steps 3 and 4 take minutes, so the stores are reused while they are newer than everything
# they are made from (the xiangjian binary included: a new importer or schema builds them
# again); REBUILD_STORE=1 builds them anyway. EDGES=independent makes villages whose neighbours
# do not share the vertices of their common border (use another WORK_DIR for it).
# bench/render_bench.sh and bench/viewer_bench.sh call this first; it can also be run alone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(realpath "${1:-build}")"
work="${2:-/tmp/xiangjian-province}"
xj="$build/bin/xiangjian"

# --- 1. Packages (QGIS and its Python bindings: not needed to build or test) --------------------
"$here/../scripts/install-deps.sh" "$here/render-packages.txt"

# --- 2. Data ---------------------------------------------------------------------------------
mkdir -p "$work/out"
cd "$work"
if [ ! -f villages.shp ] || [ ! -f sites.shp ] || [ ! -f roads.shp ]; then
    if [ "${EDGES:-shared}" = independent ]; then
        "$build/bin/xj_make_province" "$work" --independent-edges
    else
        "$build/bin/xj_make_province" "$work"
    fi
fi
# Real stores have townships and counties, and the progress theme outlines and labels
# townships; the generated data has villages only. Dissolve them from the village codes
# (41 CC 01 TTT VVV: township = first 9 digits, county = first 6) with GDAL's SQLite dialect.
if [ ! -f townships.shp ] || [ townships.shp -ot villages.shp ]; then
    ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 -nln townships townships.shp villages.shp \
        -dialect sqlite -sql "SELECT ST_Union(geometry) AS geometry,
            substr(code, 1, 9) || '000' AS code,
            '第' || (CAST(substr(code, 7, 3) AS INTEGER) - 99) || '乡' AS name
            FROM villages GROUP BY substr(code, 1, 9)"
fi
if [ ! -f counties.shp ] || [ counties.shp -ot townships.shp ]; then
    ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 -nln counties counties.shp townships.shp \
        -dialect sqlite -sql "SELECT ST_Union(geometry) AS geometry,
            substr(code, 1, 6) || '000000' AS code,
            '第' || CAST(substr(code, 3, 2) AS INTEGER) || '县' AS name
            FROM townships GROUP BY substr(code, 1, 6)"
fi

# --- 3. Store --------------------------------------------------------------------------------
# store.done is written last, so a build that was interrupted is never taken for a finished one.
stale=0
if [ "${REBUILD_STORE:-0}" = 1 ] || [ ! -f store.done ]; then
    stale=1
else
    for input in "$xj" villages.shp townships.shp counties.shp sites.shp roads.shp \
        "$here/make_progress.py" "$here/province_store.sh"; do
        if [ "$input" -nt store.done ]; then stale=1; fi
    done
fi
if [ "$stale" = 0 ]; then
    echo "Reusing the stores $work/render.gpkg and render-qgis.gpkg (REBUILD_STORE=1 rebuilds)"
    exit 0
fi
echo "Building the store render.gpkg (log: $work/store.log)"
rm -f store.done render.gpkg render.gpkg-wal render.gpkg-shm
{
    "$xj" init render.gpkg
    "$xj" import units render.gpkg villages.shp
    "$xj" import units render.gpkg townships.shp
    "$xj" import units render.gpkg counties.shp
    "$xj" import projects render.gpkg sites.shp
    "$xj" import projects render.gpkg roads.shp
    # One or two reports per project, so that villages differ in percent done.
    python3 "$here/make_progress.py" render.gpkg progress.csv
    "$xj" import progress render.gpkg progress.csv
} > store.log 2>&1 || { tail -20 store.log; exit 1; }

# --- 4. QGIS's copy --------------------------------------------------------------------------
# QGIS cannot evaluate Xiangjian's progress, so the copy carries what the theme needs as plain
# columns: admin_units.pct, each village's mean percent done as `xiangjian status --by village`
# computes it (-1: no project), and project_points.type from projects. This favours QGIS, which
# does neither the evaluation nor the joins inside its timings.
sqlite3 render.gpkg "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null # cp must see every write
rm -f render-qgis.gpkg
cp render.gpkg render-qgis.gpkg
"$xj" status render.gpkg --by village --format csv > village-status.csv
sqlite3 render-qgis.gpkg ".import --csv village-status.csv bench_village_status" \
    "CREATE UNIQUE INDEX bench_village_status_key ON bench_village_status(key)"
# Updates of admin_units and project_points go through GDAL: the GeoPackage R-tree triggers
# call ST_IsEmpty, which the sqlite3 shell does not have.
ogrinfo -q render-qgis.gpkg -sql "ALTER TABLE admin_units ADD COLUMN pct REAL"
ogrinfo -q render-qgis.gpkg -sql "UPDATE admin_units SET pct = coalesce((SELECT
    CAST(mean_percent AS REAL) FROM bench_village_status s WHERE s.key = admin_units.code), -1)"
ogrinfo -q render-qgis.gpkg -sql "ALTER TABLE project_points ADD COLUMN type TEXT"
ogrinfo -q render-qgis.gpkg -sql "UPDATE project_points SET type = (SELECT type FROM projects p
    WHERE p.project_id = project_points.project_id)"
touch store.done
