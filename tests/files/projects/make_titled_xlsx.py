#!/usr/bin/python3
"""Writes sites_titled.xlsx, roads_wkt.xlsx and sites_two_row_header.xlsx. The first: a project table as a county office lays it out in Excel, with a
merged title row above the header and subtotal and total rows among the projects.
Needs python3-openpyxl (Debian); run once, the output is committed."""
import openpyxl

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "重点项目"
sheet.append(["汝阳县2018年脱贫攻坚重点项目表"])
sheet.merge_cells("A1:G1")
sheet.append(["序号", "项目编号", "项目名称", "项目类型", "经度", "纬度", "总投资"])
sheet.append([1, "TT-1", "云梦村安全饮水工程", "安全饮水", "112°28′12″", "34°09′00″", 120])
sheet.append([2, "TT-2", "东街危房改造", "危房改造", 112.462, 34.158, 80.5])
sheet.append(["小计", None, None, None, None, None, 200.5])
sheet.append([3, "TT-3", "城关镇光伏电站", "光伏", 112.455, 34.145, 300])
sheet.append(["合  计", None, None, None, None, None, 500.5])
book.save("sites_titled.xlsx")

# Roads with their geometry as WKT text in a column (GDAL reads WKT of CSV, not of XLSX).
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "道路"
sheet.append(["项目编号", "项目名称", "项目类型", "WKT"])
sheet.append(["TW-1", "东街至云梦村道路", "道路", "LINESTRING (112.455 34.145, 112.475 34.158)"])
sheet.append(["TW-2", "城关镇环线", "道路", "LINESTRING (112.450 34.150, 112.470 34.150)"])
book.save("roads_wkt.xlsx")

# A header on two rows under a title: "计划" merged over 开工 and 完工, the other headers
# merged down both rows.
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "项目计划"
sheet.append(["汝阳县2018年项目建设计划表"])
sheet.merge_cells("A1:F1")
sheet.append(["项目编号", "项目名称", "经度", "纬度", "计划", None])
sheet.append([None, None, None, None, "开工", "完工"])
for column in "ABCD":
    sheet.merge_cells(f"{column}2:{column}3")
sheet.merge_cells("E2:F2")
sheet.append(["TH-1", "云梦村安全饮水工程", 112.47, 34.15, "2018-03-01", "2018-09-30"])
sheet.append(["TH-2", "东街危房改造", 112.462, 34.158, "2018/4/1", "2018年10月31日"])
book.save("sites_two_row_header.xlsx")
