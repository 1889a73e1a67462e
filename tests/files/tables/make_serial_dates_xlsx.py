#!/usr/bin/python3
"""Writes milestones_serial_dates.xlsx: milestones whose date cells lost their date format,
so that Excel stores and shows the day numbers (43315 is 2018-08-03).
Needs python3-openpyxl (Debian); run once, the output is committed."""
import openpyxl

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "节点"
sheet.append(["项目编号", "节点名称", "计划日期", "实际日期"])
sheet.append(["RY2018-001", "开工", 43160, 43166])  # 2018-03-01, 2018-03-07
sheet.append(["RY2018-001", "主体完工", 43315, None])  # 2018-08-03
for row in sheet.iter_rows(min_row=2, min_col=3, max_col=4):
    for cell in row:
        cell.number_format = "General"
book.save("milestones_serial_dates.xlsx")
