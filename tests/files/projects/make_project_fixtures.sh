#!/usr/bin/env bash
# Makes the project-site tables the import tests read. Run once; the outputs are committed.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A spreadsheet as a township office fills it: Chinese headers, WGS 84 phone GPS, dates.
cat > "$work/sites.csv" <<'CSV'
项目编号,项目名称,项目类型,经度,纬度,计划工程量,单位,计划开工,计划完工,分包领导
XLSX-1,云梦村安全饮水工程,安全饮水,112.4700,34.1500,2,处,2018-03-01,2018-09-30,王建国（副县长）
XLSX-2,东街危房改造,危房改造,112.4620,34.1580,35,户,2018-04-01,2018-10-31,李志强（常务副县长）
XLSX-3,城关镇光伏电站,光伏,112.4550,34.1450,0.3,MW,2018-05-01,2018-08-31,李志强（常务副县长）
CSV
rm -f sites.xlsx
ogr2ogr -q -f XLSX -oo AUTODETECT_TYPE=YES sites.xlsx "$work/sites.csv"
# The same table as CSV in GBK, as Excel on a Chinese Windows saves it.
iconv -f UTF-8 -t GBK "$work/sites.csv" > sites_gbk.csv
# A table laid out as in Excel (merged title row, 小计 and 合计 rows): needs python3-openpyxl.
/usr/bin/python3 make_titled_xlsx.py
# Ledgers with the headers county offices use, and 坐标 merged over 经度/纬度 (no openpyxl).
/usr/bin/python3 make_ledger_fixtures.py
