#!/usr/bin/env bash
# Makes the tracking tables the import tests read, as township offices send them. Run once;
# the outputs are committed.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Progress in GBK, dates written three ways, percent with and without %.
cat > "$work/progress.csv" <<'CSV'
项目编号,填报日期,完成量,完成百分比,备注,填报人
RY2018-002,2018年7月6日,1.2,25%,路基开挖,县交通运输局
RY2018-002,2018/7/13,1.9,,路基开挖,县交通运输局
RY2018-002,2018-07-20,2.45,51,路面基层施工,县交通运输局
RY2018-001,2018/8/31,,62,主坝填筑至373米高程,前坪水库建设管理局
CSV
iconv -f UTF-8 -t GBK "$work/progress.csv" > progress_gbk.csv
# Milestones as a spreadsheet.
cat > "$work/milestones.csv" <<'CSV'
项目编号,节点名称,计划日期,实际日期,权重,目标量
RY2018-002,开工,2018-04-17,2018-04-20,1,0
RY2018-002,路基完成,2018-07-31,,2,2.4
RY2018-002,竣工验收,2018-10-31,,1,4.8
CSV
rm -f milestones.xlsx
ogr2ogr -q -f XLSX milestones.xlsx "$work/milestones.csv"
# Problems in UTF-8 with Excel's BOM, no problem ids.
printf '\xEF\xBB\xBF' > problems_bom.csv
cat >> problems_bom.csv <<'CSV'
项目编号,发现日期,问题类别,问题描述,责任单位,整改时限,销号日期,整改情况
RY2018-002,2018-06-01,征地拆迁,部分路段占用耕地，群众阻工,蔡店乡人民政府,2018-06-30,2018-06-20,已协调解决
RY2018-001,2018-08-10,资金,配套资金未到位,县财政局,2018-09-15,,
CSV
/usr/bin/python3 make_serial_dates_xlsx.py # needs python3-openpyxl
