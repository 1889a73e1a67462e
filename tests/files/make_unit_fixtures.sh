#!/usr/bin/env bash
# Makes the boundary files the import tests read, the way county data really arrives, from the
# demo county's 城关镇 villages. Run once with a built xiangjian; the outputs are committed.
#   tests/files/make_unit_fixtures.sh build/bin/xiangjian
set -euo pipefail
xiangjian="$(realpath "$1")"
cd "$(dirname "$0")/units"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$xiangjian" demo "$work/demo.gpkg" >/dev/null
villages="SELECT geom, code AS 村代码, name AS 村名称, households AS 户数, \
  CASE poor_village WHEN 1 THEN '是' ELSE '否' END AS 贫困村 \
  FROM admin_units WHERE parent_code = '410326100000' ORDER BY code"
rm -f ./*.shp ./*.shx ./*.dbf ./*.prj ./*.cpg ./*.geojson

# GBK shapefile in CGCS2000 geographic, as offices send it: no .cpg.
ogr2ogr -q -f "ESRI Shapefile" -lco ENCODING=CP936 chengguan_gbk.shp "$work/demo.gpkg" -sql "$villages"
rm chengguan_gbk.cpg
# The same with a .cpg that says 936.
ogr2ogr -q -f "ESRI Shapefile" -lco ENCODING=CP936 chengguan_gbk_cpg.shp "$work/demo.gpkg" -sql "$villages"
printf '936' > chengguan_gbk_cpg.cpg
# Xi'an 1980 3-degree Gauss-Kruger CM 111E (EPSG:2382), UTF-8, as an older survey would have it.
ogr2ogr -q -f "ESRI Shapefile" -lco ENCODING=UTF-8 -t_srs EPSG:2382 chengguan_xian80.shp "$work/demo.gpkg" -sql "$villages"
# Beijing 1954 3-degree Gauss-Kruger zone 37 with the zone number in the easting (EPSG:2413).
ogr2ogr -q -f "ESRI Shapefile" -lco ENCODING=UTF-8 -t_srs EPSG:2413 chengguan_beijing54.shp "$work/demo.gpkg" -sql "$villages"
# Web Mercator, as a web map exports it.
ogr2ogr -q -f GeoJSON -t_srs EPSG:3857 chengguan_webmercator.geojson "$work/demo.gpkg" -sql "$villages"
# Eastings with the zone number (EPSG:2361, zone 37) under the .prj of the twin without it.
ogr2ogr -q -f "ESRI Shapefile" -lco ENCODING=UTF-8 -t_srs EPSG:2361 chengguan_wrong_twin.shp "$work/demo.gpkg" -sql "$villages"
cp chengguan_xian80.prj chengguan_wrong_twin.prj
# No .prj at all, CGCS2000 GK zone without prefix (EPSG:4546).
ogr2ogr -q -f "ESRI Shapefile" -lco ENCODING=UTF-8 -t_srs EPSG:4546 chengguan_noprj.shp "$work/demo.gpkg" -sql "$villages"
rm chengguan_noprj.prj
# A .prj that is not a CRS.
ogr2ogr -q -f "ESRI Shapefile" -lco ENCODING=UTF-8 chengguan_badprj.shp "$work/demo.gpkg" -sql "$villages"
printf 'this is not a coordinate system\n' > chengguan_badprj.prj
# Missing .dbf; truncated .shp; an .shx from another file.
for name in nodbf truncated badshx; do
    ogr2ogr -q -f "ESRI Shapefile" -lco ENCODING=UTF-8 chengguan_$name.shp "$work/demo.gpkg" -sql "$villages"
done
rm chengguan_nodbf.dbf
size=$(stat -c %s chengguan_truncated.shp)
truncate -s $((size / 2)) chengguan_truncated.shp
ogr2ogr -q -f "ESRI Shapefile" "$work/other.shp" "$work/demo.gpkg" -sql \
    "SELECT geom, code FROM admin_units WHERE parent_code = '410326209000' ORDER BY code"
cp "$work/other.shx" chengguan_badshx.shx
# Townships as GeoJSON in WGS 84.
ogr2ogr -q -f GeoJSON -t_srs EPSG:4326 -lco COORDINATE_PRECISION=7 townships_wgs84.geojson \
    "$work/demo.gpkg" -sql "SELECT geom, code, name FROM admin_units WHERE level = 'township' ORDER BY code"
