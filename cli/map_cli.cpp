#include "map_cli.h"

#include "engine_support.h"
#include "i18n.h"

namespace xj::cli {

MapCli::MapCli(CLI::App& app) {
    auto* r = m_render_command = app.add_subcommand(
        "render", text("绘制进度专题图（PNG、PDF、SVG）", "draw a progress map (PNG, PDF, SVG)"));
    r->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))->required();
    r->add_option("--out", m_render.out,
                  text("输出文件：.png、.pdf 或 .svg", "output file: .png, .pdf or .svg"))
        ->required();
    r->add_option("--size", m_render.size,
                  text("图像大小（像素，默认 1920x1080）", "size in pixels (default 1920x1080)"));
    auto* bbox = r->add_option("--bbox", m_render.bbox,
                               text("范围：最小经度,最小纬度,最大经度,最大纬度（CGCS2000）",
                                    "window: minlon,minlat,maxlon,maxlat (CGCS2000 degrees)"));
    auto* township = r->add_option(
        "--township", m_render.township,
        text("只画该乡镇：名称、9 位或 12 位代码", "the township: its name, 9- or 12-digit code"));
    auto* project = r->add_option("--project", m_render.project,
                                  text("只画该项目的位置", "the sites of this project"));
    bbox->excludes(township)->excludes(project);
    township->excludes(project);
    r->add_option("--theme", m_render.theme,
                  text("专题：progress（村级进度，默认）、status（项目状态）、stage（建设阶段）、"
                       "indicators（退出指标）",
                       "theme: progress (default), status, stage, indicators"))
        ->check(CLI::IsMember({"progress", "status", "stage", "indicators"}));
    r->add_option("--as-of", m_render.as_of,
                  text("截至日期（默认：项目库设定的日期，否则今天）",
                       "as of this day (default: the project's as-of setting, else today)"));
    r->add_option("--layers", m_render.layers,
                  text("要画的图层，逗号分隔：basemap,boundaries,villages,polygons,lines,points,"
                       "labels,furniture（默认全部）",
                       "layers to draw, comma-separated: basemap, boundaries, villages, polygons, "
                       "lines, points, labels, furniture (default all)"));
    r->add_option("--basemap", m_render.basemap,
                  text("底图：GDAL 可读的栅格（GeoTIFF、DEM 晕渲、MBTiles）",
                       "basemap: any GDAL raster (GeoTIFF, DEM as hillshade, MBTiles)"));
    r->add_option("--crs", m_render.crs,
                  text("显示坐标系（默认：项目设定 display_crs，否则项目中心所在的 CGCS2000 "
                       "高斯-克吕格 3 度带）",
                       "display CRS (default: the project's display_crs setting, else the "
                       "CGCS2000 3° Gauss-Kruger zone of its centre)"));
    r->add_option("--threads", m_render.threads, text("绘图线程数（默认 2）", "drawing threads"))
        ->check(CLI::Range(1, 16));
    r->add_flag("--timings", m_render.timings,
                text("在标准错误输出各步用时", "print the time of each step on stderr"));

    auto* s = m_sheet_command =
        app.add_subcommand("sheet", text("项目日现场记录单（PDF，每个项目一页）",
                                         "project-day site sheets (PDF, one page a project)"));
    s->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))->required();
    s->add_option("--leader", m_leader, leader_help())->required();
    s->add_option("--date", m_date, project_day_date_help());
    s->add_option("--out", m_out, text("输出 PDF 文件", "output PDF file"))->required();
}

std::optional<int> MapCli::run() const {
    if (*m_render_command) {
        return run_render(m_project, m_render);
    }
    if (*m_sheet_command) {
        return run_sheet(m_project, m_leader, m_date, m_out);
    }
    return std::nullopt;
}

} // namespace xj::cli
