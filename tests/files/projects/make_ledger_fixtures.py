#!/usr/bin/python3
"""Writes ledger_gbk.csv and ledger_grouped.xlsx: project ledgers as county offices keep them,
with the headers they use for the leader, the unit, the planned dates, the quantity, the
investment, the township and the village. Run once; the outputs are committed.

ledger_grouped.xlsx is written by hand (a minimal Office Open XML zip, no openpyxl needed): a
title merged across the table, and a header on two rows with 坐标 merged over 经度 and 纬度,
which a reader names 坐标经度 and 坐标纬度."""
import zipfile
from xml.sax.saxutils import escape

HEADER = ["项目编号", "项目名称", "经度", "纬度", "分包县领导", "建设单位", "计划开工时间",
          "计划完工时间", "建设规模", "总投资（万元）", "所属乡镇", "所在村", "建设性质", "备注"]
ROWS = [
    ["LG-1", "三角村安全饮水工程", "112.47", "34.15", "王建国", "县水利局", "2018-03-01",
     "2018-09-30", "2处", "120", "城关镇", "三角村村民委员会", "新建", "水源井两眼"],
    ["LG-2", "郜元村道路硬化", "112.455", "34.145", "李志强", "县交通运输局", "2018/4/1",
     "2018年10月31日", "5.8公里", "348", "城关镇", "", "续建", ""],
    ["LG-3", "河西村危房改造", "112.48", "34.14", "李志强", "城关镇人民政府", "2018.5.1",
     "2018-08-31", "35户", "80.5", "城关镇", "", "前期", ""],
    ["LG-4", "杜鹃社区光伏电站", "112.44", "34.16", "王建国", "县发改委", "2018-05-01",
     "2018-12-31", "0.3MW", "300", "城关镇", "", "竣工", ""],
    ["LG-5", "三角村文化广场", "112.462", "34.158", "赵红梅", "县文广局", "2018-06-01",
     "2018-11-30", "1处", "45", "城关镇", "", "新建", ""],
]

with open("ledger_gbk.csv", "w", encoding="gbk", newline="") as out:
    for row in [HEADER] + ROWS:
        out.write(",".join(row) + "\r\n")


def column_letter(i):
    return chr(ord("A") + i)


def cell(ref, value):
    if value is None or value == "":
        return ""
    try:
        float(value)
        return f'<c r="{ref}"><v>{value}</v></c>'
    except ValueError:
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def sheet_xml(rows, merges):
    lines = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell(f"{column_letter(c)}{r}", v) for c, v in enumerate(row))
        lines.append(f'<row r="{r}">{cells}</row>')
    merge = "".join(f'<mergeCell ref="{m}"/>' for m in merges)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{"".join(lines)}</sheetData>'
            f'<mergeCells count="{len(merges)}">{merge}</mergeCells></worksheet>')


def write_xlsx(path, sheet_name, rows, merges):
    files = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml(rows, merges),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=(2018, 8, 3, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            book.writestr(info, content)


# The same ledger with a title and 坐标 merged over 经度 and 纬度 (columns C and D); every other
# header is merged down rows 2 and 3.
top = [h if h not in ("经度", "纬度") else None for h in HEADER]
top[2] = "坐标"
below = [None] * len(HEADER)
below[2], below[3] = "经度", "纬度"
last = column_letter(len(HEADER) - 1)
merges = [f"A1:{last}1", "C2:D2"] + [f"{column_letter(c)}2:{column_letter(c)}3"
                                      for c in range(len(HEADER)) if c not in (2, 3)]
write_xlsx("ledger_grouped.xlsx", "重点项目台账",
           [["城关镇2018年重点项目台账"] + [None] * (len(HEADER) - 1), top, below] + ROWS, merges)
