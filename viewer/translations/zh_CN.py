#!/usr/bin/env python3
"""Fills viewer/translations/xiangjian_zh_CN.ts from the table below (English source text ->
Chinese). Run after `cmake --build build --target update_translations` adds new texts; texts
without a translation here are listed, and left unfinished (the window then shows English)."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ZH = {
    "As of": "截至",
    "Step back (Ctrl+Left)": "后退一步（Ctrl+←）",
    "Step forward (Ctrl+Right)": "前进一步（Ctrl+→）",
    "Play / pause: step through the days (Ctrl+P)": "播放/暂停：按步长推进日期（Ctrl+P）",
    "day": "日", "week": "周", "month": "月",
    "Step size; changing it keeps the day": "步长；更改步长不改变当前日期",
    "Drag to change the as-of day; ticks mark days with records": "拖动以更改截至日期；刻度标出有记录的日期",
    "Type a day (2018-06-15, 2018/6/15, 2018年6月15日) and press Enter": "输入日期（2018-06-15、2018/6/15、2018年6月15日）后按回车",
    "Not a day: %1. Type it as 2018-06-15, 2018/6/15 or 2018年6月15日": "不是日期：%1。请写作 2018-06-15、2018/6/15 或 2018年6月15日",
    "Pick the day on a calendar": "在日历上选择日期",
    "milestone %1 planned %2, %3 days overdue": "节点“%1”计划 %2，已逾期 %3 天",
    "no progress since %1": "自 %1 起无进展",
    "no progress reported since the planned start": "计划开工后未报进度",
    "%1% done against %2% planned": "完成 %1%，计划 %2%",
    "%1% done, no plan": "完成 %1%，无计划",
    "last report %1 days ago": "上次填报在 %1 天前",
    "Milestones": "节点", "Planned and actual progress": "计划与实际进度（S 曲线）",
    "Progress reports": "进度填报", "Problems": "问题", "Photos (double-click to open)": "照片（双击查看原图）",
    "Exit indicators": "退出指标", "Projects serving the village": "服务本村的项目",
    "Date": "日期", "Quantity": "工程量", "Percent": "百分比", "Note": "备注", "By": "分组",
    "Raised": "提出日期", "Category": "类别", "Problem": "问题", "Owner": "责任人",
    "Deadline": "限期", "Closed": "已销号", "Indicator": "指标", "State": "状态",
    "Projects that will meet it": "将使其达标的项目", "ID": "编号", "Project": "项目",
    "Status": "状态", "Done %": "完成%", "Nothing selected": "未选择",
    "Click a site or a village on the map, or a row of a table.": "在地图上点击项目点位或村，或点击表格中的一行。",
    "Type": "类型", "Stage": "阶段", "Place": "位置", "Leader": "分包领导",
    "Responsible unit": "责任单位", "Planned": "计划工期", "Investment": "投资",
    "Status as of %1": "截至 %1 的状态", "Why": "原因", "File not found: %1": "找不到文件：%1",
    "Code": "代码", "Township": "乡镇", " (forecast %1)": "（预计 %1）",
    "Basemap (raster)": "底图（栅格）", "Villages": "村", "Township and county boundaries": "乡镇界和县界",
    "Project areas": "项目面", "Roads and lines": "道路及线状工程", "Project points": "项目点位",
    "Labels": "注记", "Theme": "专题", "Progress (villages)": "进度（按村）",
    "Status (projects)": "状态（按项目）", "Stage (projects)": "阶段（按项目）",
    "Exit indicators (villages)": "退出指标（按村）", "What the colours show": "颜色表示的内容",
    "Layers (drag to reorder)": "图层（拖动调整顺序）", "Opacity of the selected layer": "所选图层的不透明度",
    "Basemap raster…": "底图栅格…", "Any raster GDAL reads (GeoTIFF, a DEM drawn as hillshade)": "GDAL 可读的任何栅格（GeoTIFF；DEM 以晕渲显示）",
    "Legend (counts in view)": "图例（视图内数量）", "Class": "分类", "In view": "视图内",
    "The file was written by a newer Xiangjian. Open it with that version, or ask the office that sent it for an export.":
        "此文件由更新版本的乡建写出。请用该版本打开，或请发送文件的单位导出一份。",
    "Upgrade it first: xiangjian upgrade FILE (keep a copy).": "请先升级：xiangjian upgrade 文件（先备份）。",
    "Choose a Xiangjian project file (.gpkg made by xiangjian init or xiangjian demo), or import the data into one first.":
        "请选择乡建项目库文件（由 xiangjian init 或 xiangjian demo 生成的 .gpkg），或先把数据导入项目库。",
    "Lon %1°  Lat %2°   Gauss–Krüger X %3 m  Y %4 m": "经度 %1°  纬度 %2°   高斯-克吕格 X %3 米  Y %4 米",
    "drawing…": "正在绘制…", "Open a project": "打开项目库",
    "Xiangjian projects (*.gpkg);;All files (*)": "乡建项目库 (*.gpkg);;所有文件 (*)",
    "About Xiangjian": "关于乡建",
    "Xiangjian (乡建) viewer: county infrastructure projects and their progress on the map.\nBuilt on GDAL, PROJ, GEOS and Qt %1.":
        "乡建查看器：全县基础设施项目及其进度地图。\n基于 GDAL、PROJ、GEOS 和 Qt %1。",
    "Xiangjian — %1": "乡建 — %1", "Xiangjian": "乡建", "&File": "文件(&F)", "Open &recent": "最近打开(&R)",
    "&View": "视图(&V)", "Zoom to &township": "缩放到乡镇(&T)", "&Language": "语言(&L)", "&Help": "帮助(&H)",
    "Main toolbar": "主工具栏", "&Open project…": "打开项目库(&O)…", "Open a project file (Ctrl+O)": "打开项目库文件（Ctrl+O）",
    "Export &map (PNG, PDF, SVG)…": "导出地图(&M)（PNG、PDF、SVG）…",
    "Write the map as shown to PNG, PDF or SVG (Ctrl+E)": "按当前显示导出地图为 PNG、PDF 或 SVG（Ctrl+E）",
    "Export &table (CSV, XLSX)…": "导出表格(&T)（CSV、XLSX）…",
    "Write the table as shown to CSV or Excel (Ctrl+Shift+E)": "按当前显示导出表格为 CSV 或 Excel（Ctrl+Shift+E）",
    "&Quit": "退出(&Q)", "Zoom &in": "放大(&I)", "Zoom in (Ctrl++, wheel, +)": "放大（Ctrl++、滚轮、+）",
    "Zoom &out": "缩小(&O)", "Zoom out (Ctrl+-, wheel, -)": "缩小（Ctrl+-、滚轮、-）",
    "Zoom to &county": "全县(&C)", "Show the whole county (Ctrl+Home, Home)": "显示全县（Ctrl+Home、Home）",
    "Zoom to &selection": "缩放到所选(&S)", "Show the selected projects (Ctrl+J)": "显示所选项目（Ctrl+J）",
    "Step &back": "后退一步(&B)", "Step &forward": "前进一步(&F)", "&Play / pause": "播放/暂停(&P)",
    "&Find in tables": "在表格中查找(&F)", "&About": "关于(&A)", "Layers and legend": "图层与图例",
    "Tables": "表格", "Roll-ups": "汇总", "Identify": "详情",
    "Open a project: File → Open (Ctrl+O)": "打开项目库：文件 → 打开（Ctrl+O）",
    "Opening %1…": "正在打开 %1…", "Cancel": "取消",
    "%1: %2 projects, %3 villages; drawn in %4": "%1：%2 个项目，%3 个村；坐标系 %4",
    "computing…": "正在计算…", "as of %1: %2 of %3 projects shown": "截至 %1：显示 %2 / %3 个项目",
    "Choose a basemap raster": "选择底图栅格",
    "Rasters (*.tif *.tiff *.img *.vrt *.jpg *.png *.asc);;All files (*)": "栅格 (*.tif *.tiff *.img *.vrt *.jpg *.png *.asc);;所有文件 (*)",
    "Export the map": "导出地图", "PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)": "PNG 图片 (*.png);;PDF (*.pdf);;SVG (*.svg)",
    "Writing %1…": "正在写出 %1…", "Wrote %1": "已写出 %1",
    "Choose a folder that exists and a name ending in .png, .pdf or .svg.": "请选择已存在的文件夹，文件名以 .png、.pdf 或 .svg 结尾。",
    "Export the table": "导出表格", "Excel (*.xlsx);;CSV for Excel (*.csv)": "Excel (*.xlsx);;Excel 用 CSV (*.csv)",
    "Choose a folder that exists and a name ending in .xlsx or .csv.": "请选择已存在的文件夹，文件名以 .xlsx 或 .csv 结尾。",
    "No milestones": "无节点", "Planned %": "计划%", "Variance": "偏差", "Open problems": "未结问题",
    "Last report": "最近填报", "Group": "分组", "Projects": "项目数", "Budget-weighted %": "按投资加权完成%",
    "Mean %": "平均完成%", "Done / planned": "完成量/计划量", "Overdue problems": "逾期问题",
    "township": "乡镇", "type": "类型", "leader": "分包领导", "responsible unit": "责任单位",
    "Show all": "显示全部", "Clear the filter: every project on the map and in the tables": "清除筛选：地图和表格显示全部项目",
    "Click a row to show only its projects on the map and in the tables": "点击一行，地图和表格只显示该组项目",
    "planned": "计划", "actual": "实际", "as of": "截至",
    "Search: id, name, leader, unit, village": "搜索：编号、名称、领导、单位、村",
    "Search the tables (Ctrl+F)": "搜索表格（Ctrl+F）", "Villages": "村",
    "Filter by project type": "按项目类型筛选", "Filter by status as of the day": "按当日状态筛选",
    "Filter by stage": "按阶段筛选", "Filter by township": "按乡镇筛选", "Filter by leader": "按分包领导筛选",
    "All types": "全部类型", "All statuses": "全部状态", "All stages": "全部阶段",
    "All townships": "全部乡镇", "All leaders": "全部领导", "%1 of %2 projects": "%1 / %2 个项目",
    "Village": "村",
    # Project day (issue 14)
    "Record a site visit": "登记现场督导", "Record progress": "填报进度", "Raise a problem": "登记问题",
    "Close a problem": "问题销号", "Mark a milestone reached": "节点完成", "Who": "督导人",
    "What was found": "发现情况", "cumulative": "累计", "cumulative, in %1": "累计，单位 %1",
    "Quantity done": "累计完成量", "cumulative, 0–100": "累计，0–100", "Percent done": "累计完成百分比",
    "Raised on": "登记日期", "YYYY-MM-DD, or empty": "YYYY-MM-DD，可不填", "Closed on": "销号日期",
    "Resolution": "整改结果", "%1. %2 (planned %3)": "%1. %2（计划 %3）", "Milestone": "节点",
    "Reached on": "完成日期", "Save": "保存", "Not a number: %1": "不是数字：%1",
    "Site visits": "现场督导", "&Refresh": "刷新(&R)",
    "Read the project again: entries made in other windows (F5)": "重新读取项目库：其他窗口录入的内容（F5）",
    "Project day": "项目日", "Withdraw": "撤回", "Saved: %1": "已保存：%1", "Withdrawn: %1": "已撤回：%1",
    "Site sheets to print": "要打印的督导单", "PDF (*.pdf)": "PDF (*.pdf)", "Site sheets": "督导单",
    "%1% / %2%": "%1% / %2%", "%1%": "%1%", "all reached": "全部完成",
    "%1 · %2 days overdue": "%1 · 逾期 %2 天", "%1 · in %2 days": "%1 · %2 天后",
    "%1 (%2 overdue)": "%1（逾期 %2）", "Done / plan": "完成/计划", "Next milestone": "下一节点",
    "The leader whose projects to visit; names without titles": "要督导其项目的分包领导（只列姓名，不带职务）",
    "— choose a leader —": "— 选择分包领导 —", "Visit…": "现场督导…", "Progress…": "填报进度…",
    "New problem…": "登记问题…", "Close a problem…": "问题销号…", "Milestone reached…": "节点完成…",
    "Entries for the selected project (change log)": "所选项目的录入记录（变更记录）",
    "Withdraw the selected entry": "撤回所选录入",
    "Only entries made in this window; the withdrawal is recorded too": "只能撤回本窗口中的录入；撤回本身也会记录",
    "Print site sheets…": "打印督导单…", "Week's summary…": "本周汇总…",
    "record progress": "录入进度", "record visit": "登记督导", "record problem": "登记问题",
    "record close-problem": "问题销号", "record milestone": "节点完成", "record payment": "登记支付",
    "withdrawn: %1": "撤回：%1",
    "Visited": "已督导项目", "Progress recorded": "已填报进度", "Problems raised": "新登记问题",
    "Problems closed": "已销号问题", "Problems overdue": "逾期问题", "Week's summary": "本周汇总",
    "The week of %1 to %2, per leader": "%1 至 %2 一周，按分包领导", "Write CSV/XLSX…": "导出 CSV/XLSX…",
    "Write the week's summary": "导出本周汇总", "week-summary-%1.xlsx": "本周汇总-%1.xlsx",
    "Excel (*.xlsx);;CSV for Excel (*.csv)": "Excel (*.xlsx);;CSV（Excel 可读） (*.csv)",
    "Choose photos…": "选择照片…", "none": "无", "Photos": "照片", "Photos of the site": "现场照片",
    "JPEG photos (*.jpg *.jpeg *.JPG *.JPEG)": "JPEG 照片 (*.jpg *.jpeg *.JPG *.JPEG)",
    # Export for review (issue 15)
    "Export for &review (shapefile, GeoPackage)…": "导出审核数据包（shapefile、GeoPackage）(&R)…",
    "The bundle the province reviews: shapefiles or a GeoPackage, checked first": "供省级审核的数据包：shapefile 或 GeoPackage，导出前先检查",
    "Exporting for review…": "正在导出审核数据包…", "Export for review": "导出审核数据包",
    "Correct what the checks name, or choose another destination.": "请改正检查指出的问题，或另选保存位置。",
    "Reading the project…": "正在读取项目库…", "Checking…": "正在检查…",
    "Writing and reading back…": "正在写出并读回核对…", "Wrote %1: %2": "已导出 %1：%2",
    "Shapefile bundle (.zip)": "shapefile 数据包（.zip）", "Shapefile bundle (folder)": "shapefile 数据包（文件夹）",
    "GeoPackage with styles (.gpkg)": "带样式的 GeoPackage（.gpkg）", "Format": "格式",
    "CGCS2000 longitude/latitude (EPSG:4490)": "CGCS2000 经纬度（EPSG:4490）",
    "CGCS2000 Gauss–Krüger 3° zone (EPSG:%1)": "CGCS2000 高斯-克吕格 3° 带（EPSG:%1）",
    "CRS": "坐标系", "GBK (code page 936)": "GBK（代码页 936）", "Text encoding": "文本编码",
    "The whole county": "全县", "Choose…": "选择…", "Save as": "保存为",
    "A new folder for the bundle": "数据包的新文件夹", "Save the export": "保存导出",
    "GeoPackage (*.gpkg)": "GeoPackage (*.gpkg)", "Zip (*.zip)": "Zip (*.zip)", "Export": "导出",
}
# Same English, other words in some places.
BY_CONTEXT = {
    ("xj::viewer::IdentifyPanel", "By"): "填报人",
    ("xj::viewer::RollupPanel", "By"): "汇总方式",
    ("xj::viewer::TablesPanel", "Projects"): "项目",
    ("xj::viewer::IdentifyPanel", "Planned"): "计划工期",
}

path = Path(__file__).with_name("xiangjian_zh_CN.ts")
tree = ET.parse(path)
missing = []
for context in tree.getroot().iter("context"):
    name = context.find("name").text
    for message in context.iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        chinese = BY_CONTEXT.get((name, source), ZH.get(source))
        if chinese is None:
            missing.append(f"{name}: {source}")
            continue
        translation.text = chinese
        translation.attrib.pop("type", None)
tree.write(path, encoding="utf-8", xml_declaration=True)
for line in missing:
    print("untranslated:", line, file=sys.stderr)
sys.exit(1 if missing else 0)
