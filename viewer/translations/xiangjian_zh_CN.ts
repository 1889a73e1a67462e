<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>xj::viewer::DateBar</name>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Step back (Ctrl+Left)</source>
        <translation>后退一步（Ctrl+←）</translation>
    </message>
    <message>
        <source>Step forward (Ctrl+Right)</source>
        <translation>前进一步（Ctrl+→）</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Step size; changing it keeps the day</source>
        <translation>步长；更改步长不改变当前日期</translation>
    </message>
    <message>
        <source>Drag to change the as-of day; ticks mark days with records</source>
        <translation>拖动以更改截至日期；刻度标出有记录的日期</translation>
    </message>
    <message>
        <source>Play / pause: step through the days (Ctrl+P)</source>
        <translation>播放/暂停：按步长推进日期（Ctrl+P）</translation>
    </message>
    <message>
        <source>Not a day: %1. Type it as 2018-06-15, 2018/6/15 or 2018年6月15日</source>
        <translation>不是日期：%1。请写作 2018-06-15、2018/6/15 或 2018年6月15日</translation>
    </message>
    <message>
        <source>Type a day (2018-06-15, 2018/6/15, 2018年6月15日) and press Enter</source>
        <translation>输入日期（2018-06-15、2018/6/15、2018年6月15日）后按回车</translation>
    </message>
    <message>
        <source>Pick the day on a calendar</source>
        <translation>在日历上选择日期</translation>
    </message>
</context>
<context>
    <name>xj::viewer::EntryDialog</name>
    <message>
        <source>Record a site visit</source>
        <translation>登记现场督导</translation>
    </message>
    <message>
        <source>Record progress</source>
        <translation>填报进度</translation>
    </message>
    <message>
        <source>Raise a problem</source>
        <translation>登记问题</translation>
    </message>
    <message>
        <source>Close a problem</source>
        <translation>问题销号</translation>
    </message>
    <message>
        <source>Mark a milestone reached</source>
        <translation>节点完成</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>督导人</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>发现情况</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>cumulative, in %1</source>
        <translation>累计，单位 %1</translation>
    </message>
    <message>
        <source>Quantity done</source>
        <translation>累计完成量</translation>
    </message>
    <message>
        <source>cumulative, 0–100</source>
        <translation>累计，0–100</translation>
    </message>
    <message>
        <source>Percent done</source>
        <translation>累计完成百分比</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty</source>
        <translation>YYYY-MM-DD，可不填</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>限期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>整改结果</translation>
    </message>
    <message>
        <source>%1. %2 (planned %3)</source>
        <translation>%1. %2（计划 %3）</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Reached on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Not a number: %1</source>
        <translation>不是数字：%1</translation>
    </message>
    <message>
        <source>Not a day: %1. Type it as 2018-06-15, 2018/6/15 or 2018年6月15日</source>
        <translation>不是日期：%1。请写作 2018-06-15、2018/6/15 或 2018年6月15日</translation>
    </message>
    <message>
        <source>Choose photos…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Photos of the site</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <source>JPEG photos (*.jpg *.jpeg *.JPG *.JPEG)</source>
        <translation>JPEG 照片 (*.jpg *.jpeg *.JPG *.JPEG)</translation>
    </message>
</context>
<context>
    <name>xj::viewer::IdentifyPanel</name>
    <message>
        <source>milestone %1 planned %2, %3 days overdue</source>
        <translation>节点“%1”计划 %2，已逾期 %3 天</translation>
    </message>
    <message>
        <source>no progress since %1</source>
        <translation>自 %1 起无进展</translation>
    </message>
    <message>
        <source>no progress reported since the planned start</source>
        <translation>计划开工后未报进度</translation>
    </message>
    <message>
        <source>%1% done against %2% planned</source>
        <translation>完成 %1%，计划 %2%</translation>
    </message>
    <message>
        <source>%1% done, no plan</source>
        <translation>完成 %1%，无计划</translation>
    </message>
    <message>
        <source>last report %1 days ago</source>
        <translation>上次填报在 %1 天前</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Planned and actual progress</source>
        <translation>计划与实际进度（S 曲线）</translation>
    </message>
    <message>
        <source>Progress reports</source>
        <translation>进度填报</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Photos (double-click to open)</source>
        <translation>照片（双击查看原图）</translation>
    </message>
    <message>
        <source>Exit indicators</source>
        <translation>退出指标</translation>
    </message>
    <message>
        <source>Projects serving the village</source>
        <translation>服务本村的项目</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>工程量</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>By</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>限期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Projects that will meet it</source>
        <translation>将使其达标的项目</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done %</source>
        <translation>完成%</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>Click a site or a village on the map, or a row of a table.</source>
        <translation>在地图上点击项目点位或村，或点击表格中的一行。</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>分包领导</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划工期</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <source>Status as of %1</source>
        <translation>截至 %1 的状态</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>找不到文件：%1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source> (forecast %1)</source>
        <translation>（预计 %1）</translation>
    </message>
    <message>
        <source>Site visits</source>
        <translation>现场督导</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>督导人</translation>
    </message>
</context>
<context>
    <name>xj::viewer::LayersPanel</name>
    <message>
        <source>Basemap (raster)</source>
        <translation>底图（栅格）</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Township and county boundaries</source>
        <translation>乡镇界和县界</translation>
    </message>
    <message>
        <source>Project areas</source>
        <translation>项目面</translation>
    </message>
    <message>
        <source>Roads and lines</source>
        <translation>道路及线状工程</translation>
    </message>
    <message>
        <source>Project points</source>
        <translation>项目点位</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>注记</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>专题</translation>
    </message>
    <message>
        <source>Progress (villages)</source>
        <translation>进度（按村）</translation>
    </message>
    <message>
        <source>Status (projects)</source>
        <translation>状态（按项目）</translation>
    </message>
    <message>
        <source>Stage (projects)</source>
        <translation>阶段（按项目）</translation>
    </message>
    <message>
        <source>Exit indicators (villages)</source>
        <translation>退出指标（按村）</translation>
    </message>
    <message>
        <source>What the colours show</source>
        <translation>颜色表示的内容</translation>
    </message>
    <message>
        <source>Layers (drag to reorder)</source>
        <translation>图层（拖动调整顺序）</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>所选图层的不透明度</translation>
    </message>
    <message>
        <source>Basemap raster…</source>
        <translation>底图栅格…</translation>
    </message>
    <message>
        <source>Any raster GDAL reads (GeoTIFF, a DEM drawn as hillshade)</source>
        <translation>GDAL 可读的任何栅格（GeoTIFF；DEM 以晕渲显示）</translation>
    </message>
    <message>
        <source>Legend (counts in view)</source>
        <translation>图例（视图内数量）</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>In view</source>
        <translation>视图内</translation>
    </message>
</context>
<context>
    <name>xj::viewer::MainWindow</name>
    <message>
        <source>The file was written by a newer Xiangjian. Open it with that version, or ask the office that sent it for an export.</source>
        <translation>此文件由更新版本的乡建写出。请用该版本打开，或请发送文件的单位导出一份。</translation>
    </message>
    <message>
        <source>Upgrade it first: xiangjian upgrade FILE (keep a copy).</source>
        <translation>请先升级：xiangjian upgrade 文件（先备份）。</translation>
    </message>
    <message>
        <source>Choose a Xiangjian project file (.gpkg made by xiangjian init or xiangjian demo), or import the data into one first.</source>
        <translation>请选择乡建项目库文件（由 xiangjian init 或 xiangjian demo 生成的 .gpkg），或先把数据导入项目库。</translation>
    </message>
    <message>
        <source>Lon %1°  Lat %2°   Gauss–Krüger X %3 m  Y %4 m</source>
        <translation>经度 %1°  纬度 %2°   高斯-克吕格 X %3 米  Y %4 米</translation>
    </message>
    <message>
        <source>drawing…</source>
        <translation>正在绘制…</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>打开项目库</translation>
    </message>
    <message>
        <source>Xiangjian projects (*.gpkg);;All files (*)</source>
        <translation>乡建项目库 (*.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About Xiangjian</source>
        <translation>关于乡建</translation>
    </message>
    <message>
        <source>Xiangjian (乡建) viewer: county infrastructure projects and their progress on the map.
Built on GDAL, PROJ, GEOS and Qt %1.</source>
        <translation>乡建查看器：全县基础设施项目及其进度地图。
基于 GDAL、PROJ、GEOS 和 Qt %1。</translation>
    </message>
    <message>
        <source>Xiangjian — %1</source>
        <translation>乡建 — %1</translation>
    </message>
    <message>
        <source>Xiangjian</source>
        <translation>乡建</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom to &amp;township</source>
        <translation>缩放到乡镇(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>打开项目库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project file (Ctrl+O)</source>
        <translation>打开项目库文件（Ctrl+O）</translation>
    </message>
    <message>
        <source>Export &amp;map (PNG, PDF, SVG)…</source>
        <translation>导出地图(&amp;M)（PNG、PDF、SVG）…</translation>
    </message>
    <message>
        <source>Write the map as shown to PNG, PDF or SVG (Ctrl+E)</source>
        <translation>按当前显示导出地图为 PNG、PDF 或 SVG（Ctrl+E）</translation>
    </message>
    <message>
        <source>Export &amp;table (CSV, XLSX)…</source>
        <translation>导出表格(&amp;T)（CSV、XLSX）…</translation>
    </message>
    <message>
        <source>Write the table as shown to CSV or Excel (Ctrl+Shift+E)</source>
        <translation>按当前显示导出表格为 CSV 或 Excel（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++, wheel, +)</source>
        <translation>放大（Ctrl++、滚轮、+）</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-, wheel, -)</source>
        <translation>缩小（Ctrl+-、滚轮、-）</translation>
    </message>
    <message>
        <source>Zoom to &amp;county</source>
        <translation>全县(&amp;C)</translation>
    </message>
    <message>
        <source>Show the whole county (Ctrl+Home, Home)</source>
        <translation>显示全县（Ctrl+Home、Home）</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>缩放到所选(&amp;S)</translation>
    </message>
    <message>
        <source>Show the selected projects (Ctrl+J)</source>
        <translation>显示所选项目（Ctrl+J）</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <source>Step &amp;forward</source>
        <translation>前进一步(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Find in tables</source>
        <translation>在表格中查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Layers and legend</source>
        <translation>图层与图例</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Roll-ups</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Open a project: File → Open (Ctrl+O)</source>
        <translation>打开项目库：文件 → 打开（Ctrl+O）</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1: %2 projects, %3 villages; drawn in %4</source>
        <translation>%1：%2 个项目，%3 个村；坐标系 %4</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>as of %1: %2 of %3 projects shown</source>
        <translation>截至 %1：显示 %2 / %3 个项目</translation>
    </message>
    <message>
        <source>Choose a basemap raster</source>
        <translation>选择底图栅格</translation>
    </message>
    <message>
        <source>Rasters (*.tif *.tiff *.img *.vrt *.jpg *.png *.asc);;All files (*)</source>
        <translation>栅格 (*.tif *.tiff *.img *.vrt *.jpg *.png *.asc);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export the map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)</source>
        <translation>PNG 图片 (*.png);;PDF (*.pdf);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写出 %1…</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写出 %1</translation>
    </message>
    <message>
        <source>Choose a folder that exists and a name ending in .png, .pdf or .svg.</source>
        <translation>请选择已存在的文件夹，文件名以 .png、.pdf 或 .svg 结尾。</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV for Excel (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV（Excel 可读） (*.csv)</translation>
    </message>
    <message>
        <source>Choose a folder that exists and a name ending in .xlsx or .csv.</source>
        <translation>请选择已存在的文件夹，文件名以 .xlsx 或 .csv 结尾。</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the project again: entries made in other windows (F5)</source>
        <translation>重新读取项目库：其他窗口录入的内容（F5）</translation>
    </message>
    <message>
        <source>Project day</source>
        <translation>项目日</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Withdrawn: %1</source>
        <translation>已撤回：%1</translation>
    </message>
    <message>
        <source>Site sheets to print</source>
        <translation>要打印的督导单</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Site sheets</source>
        <translation>督导单</translation>
    </message>
    <message>
        <source>withdrawn: %1</source>
        <translation>撤回：%1</translation>
    </message>
    <message>
        <source>record progress</source>
        <translation>录入进度</translation>
    </message>
    <message>
        <source>record visit</source>
        <translation>登记督导</translation>
    </message>
    <message>
        <source>record problem</source>
        <translation>登记问题</translation>
    </message>
    <message>
        <source>record close-problem</source>
        <translation>问题销号</translation>
    </message>
    <message>
        <source>record milestone</source>
        <translation>节点完成</translation>
    </message>
    <message>
        <source>record payment</source>
        <translation>登记支付</translation>
    </message>
    <message>
        <source>Export for &amp;review (shapefile, GeoPackage)…</source>
        <translation>导出审核数据包（shapefile、GeoPackage）(&amp;R)…</translation>
    </message>
    <message>
        <source>The bundle the province reviews: shapefiles or a GeoPackage, checked first</source>
        <translation>供省级审核的数据包：shapefile 或 GeoPackage，导出前先检查</translation>
    </message>
    <message>
        <source>Exporting for review…</source>
        <translation>正在导出审核数据包…</translation>
    </message>
    <message>
        <source>Export for review</source>
        <translation>导出审核数据包</translation>
    </message>
    <message>
        <source>Correct what the checks name, or choose another destination.</source>
        <translation>请改正检查指出的问题，或另选保存位置。</translation>
    </message>
</context>
<context>
    <name>xj::viewer::MilestoneTimeline</name>
    <message>
        <source>No milestones</source>
        <translation>无节点</translation>
    </message>
</context>
<context>
    <name>xj::viewer::ProjectDayModel</name>
    <message>
        <source>%1% / %2%</source>
        <translation>%1% / %2%</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>all reached</source>
        <translation>全部完成</translation>
    </message>
    <message>
        <source>%1 · %2 days overdue</source>
        <translation>%1 · 逾期 %2 天</translation>
    </message>
    <message>
        <source>%1 · in %2 days</source>
        <translation>%1 · %2 天后</translation>
    </message>
    <message>
        <source>%1 (%2 overdue)</source>
        <translation>%1（逾期 %2）</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done / plan</source>
        <translation>完成/计划</translation>
    </message>
    <message>
        <source>Next milestone</source>
        <translation>下一节点</translation>
    </message>
    <message>
        <source>Open problems</source>
        <translation>未结问题</translation>
    </message>
</context>
<context>
    <name>xj::viewer::ProjectDayPanel</name>
    <message>
        <source>Leader</source>
        <translation>分包领导</translation>
    </message>
    <message>
        <source>Project day</source>
        <translation>项目日</translation>
    </message>
    <message>
        <source>The leader whose projects to visit; names without titles</source>
        <translation>要督导其项目的分包领导（只列姓名，不带职务）</translation>
    </message>
    <message>
        <source>— choose a leader —</source>
        <translation>— 选择分包领导 —</translation>
    </message>
    <message>
        <source>Visit…</source>
        <translation>现场督导…</translation>
    </message>
    <message>
        <source>Progress…</source>
        <translation>填报进度…</translation>
    </message>
    <message>
        <source>New problem…</source>
        <translation>登记问题…</translation>
    </message>
    <message>
        <source>Close a problem…</source>
        <translation>问题销号…</translation>
    </message>
    <message>
        <source>Milestone reached…</source>
        <translation>节点完成…</translation>
    </message>
    <message>
        <source>Entries for the selected project (change log)</source>
        <translation>所选项目的录入记录（变更记录）</translation>
    </message>
    <message>
        <source>Withdraw the selected entry</source>
        <translation>撤回所选录入</translation>
    </message>
    <message>
        <source>Only entries made in this window; the withdrawal is recorded too</source>
        <translation>只能撤回本窗口中的录入；撤回本身也会记录</translation>
    </message>
    <message>
        <source>Print site sheets…</source>
        <translation>打印督导单…</translation>
    </message>
    <message>
        <source>Week's summary…</source>
        <translation>本周汇总…</translation>
    </message>
</context>
<context>
    <name>xj::viewer::ProjectTableModel</name>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>分包领导</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done %</source>
        <translation>完成%</translation>
    </message>
    <message>
        <source>Planned %</source>
        <translation>计划%</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Open problems</source>
        <translation>未结问题</translation>
    </message>
    <message>
        <source>Last report</source>
        <translation>最近填报</translation>
    </message>
</context>
<context>
    <name>xj::viewer::ReviewExportDialog</name>
    <message>
        <source>Reading the project…</source>
        <translation>正在读取项目库…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Writing and reading back…</source>
        <translation>正在写出并读回核对…</translation>
    </message>
    <message>
        <source>Wrote %1: %2</source>
        <translation>已导出 %1：%2</translation>
    </message>
    <message>
        <source>Export for review</source>
        <translation>导出审核数据包</translation>
    </message>
    <message>
        <source>Shapefile bundle (.zip)</source>
        <translation>shapefile 数据包（.zip）</translation>
    </message>
    <message>
        <source>Shapefile bundle (folder)</source>
        <translation>shapefile 数据包（文件夹）</translation>
    </message>
    <message>
        <source>GeoPackage with styles (.gpkg)</source>
        <translation>带样式的 GeoPackage（.gpkg）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>CGCS2000 longitude/latitude (EPSG:4490)</source>
        <translation>CGCS2000 经纬度（EPSG:4490）</translation>
    </message>
    <message>
        <source>CGCS2000 Gauss–Krüger 3° zone (EPSG:%1)</source>
        <translation>CGCS2000 高斯-克吕格 3° 带（EPSG:%1）</translation>
    </message>
    <message>
        <source>CRS</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>GBK (code page 936)</source>
        <translation>GBK（代码页 936）</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <source>The whole county</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>A new folder for the bundle</source>
        <translation>数据包的新文件夹</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>保存导出</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Zip (*.zip)</source>
        <translation>Zip (*.zip)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>xj::viewer::RollupModel</name>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Budget-weighted %</source>
        <translation>按投资加权完成%</translation>
    </message>
    <message>
        <source>Mean %</source>
        <translation>平均完成%</translation>
    </message>
    <message>
        <source>Done / planned</source>
        <translation>完成量/计划量</translation>
    </message>
    <message>
        <source>Open problems</source>
        <translation>未结问题</translation>
    </message>
    <message>
        <source>Overdue problems</source>
        <translation>逾期问题</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
</context>
<context>
    <name>xj::viewer::RollupPanel</name>
    <message>
        <source>By</source>
        <translation>汇总方式</translation>
    </message>
    <message>
        <source>township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>分包领导</translation>
    </message>
    <message>
        <source>responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Clear the filter: every project on the map and in the tables</source>
        <translation>清除筛选：地图和表格显示全部项目</translation>
    </message>
    <message>
        <source>Click a row to show only its projects on the map and in the tables</source>
        <translation>点击一行，地图和表格只显示该组项目</translation>
    </message>
</context>
<context>
    <name>xj::viewer::SCurveView</name>
    <message>
        <source>planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>截至</translation>
    </message>
</context>
<context>
    <name>xj::viewer::TablesPanel</name>
    <message>
        <source>Search: id, name, leader, unit, village</source>
        <translation>搜索：编号、名称、领导、单位、村</translation>
    </message>
    <message>
        <source>Search the tables (Ctrl+F)</source>
        <translation>搜索表格（Ctrl+F）</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Filter by project type</source>
        <translation>按项目类型筛选</translation>
    </message>
    <message>
        <source>Filter by status as of the day</source>
        <translation>按当日状态筛选</translation>
    </message>
    <message>
        <source>Filter by stage</source>
        <translation>按阶段筛选</translation>
    </message>
    <message>
        <source>Filter by township</source>
        <translation>按乡镇筛选</translation>
    </message>
    <message>
        <source>Filter by leader</source>
        <translation>按分包领导筛选</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>All leaders</source>
        <translation>全部领导</translation>
    </message>
    <message>
        <source>%1 of %2 projects</source>
        <translation>%1 / %2 个项目</translation>
    </message>
</context>
<context>
    <name>xj::viewer::VillageTableModel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Budget-weighted %</source>
        <translation>按投资加权完成%</translation>
    </message>
    <message>
        <source>Mean %</source>
        <translation>平均完成%</translation>
    </message>
    <message>
        <source>Open problems</source>
        <translation>未结问题</translation>
    </message>
    <message>
        <source>Overdue problems</source>
        <translation>逾期问题</translation>
    </message>
</context>
<context>
    <name>xj::viewer::WeekSummaryDialog</name>
    <message>
        <source>Leader</source>
        <translation>分包领导</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已督导项目</translation>
    </message>
    <message>
        <source>Progress recorded</source>
        <translation>已填报进度</translation>
    </message>
    <message>
        <source>Problems raised</source>
        <translation>新登记问题</translation>
    </message>
    <message>
        <source>Problems closed</source>
        <translation>已销号问题</translation>
    </message>
    <message>
        <source>Problems overdue</source>
        <translation>逾期问题</translation>
    </message>
    <message>
        <source>Week's summary</source>
        <translation>本周汇总</translation>
    </message>
    <message>
        <source>The week of %1 to %2, per leader</source>
        <translation>%1 至 %2 一周，按分包领导</translation>
    </message>
    <message>
        <source>Write CSV/XLSX…</source>
        <translation>导出 CSV/XLSX…</translation>
    </message>
    <message>
        <source>Write the week's summary</source>
        <translation>导出本周汇总</translation>
    </message>
    <message>
        <source>week-summary-%1.xlsx</source>
        <translation>本周汇总-%1.xlsx</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV for Excel (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV（Excel 可读） (*.csv)</translation>
    </message>
</context>
</TS>