// `xiangjian export shapefile`: the bundle the county sends up for review (docs/export.md).

#include "export_cli.h"

#include "engine_support.h"
#include "i18n.h"
#include "xiangjian/core/error.h"
#include "xiangjian/review/bundle.h"
#include "xiangjian/review/review_layers.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/portfolio_loader.h"

#include <iostream>

namespace xj::cli {

ExportCli::ExportCli(CLI::App& app) {
    auto* group =
        app.add_subcommand("export", text("导出供省级审核的数据（shapefile 数据包）",
                                          "export for provincial review (a shapefile bundle)"));
    group->require_subcommand(1);
    auto* s = m_shapefile_command = group->add_subcommand(
        "shapefile", text("shapefile 数据包：村、项目点线面、节点、进度、问题、字段说明、README",
                          "a shapefile bundle: villages, project points, lines and areas, "
                          "milestones, progress, problems, the data dictionary and a README"));
    s->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))->required();
    s->add_option("--out", m_shapefile.out,
                  text("输出：文件夹，或 .zip（不能已存在）",
                       "output: a folder, or a .zip (must not exist)"))
        ->required();
    s->add_option("--crs", m_shapefile.crs,
                  text("坐标系：EPSG:4490（CGCS2000 经纬度，默认）或 CGCS2000 高斯-克吕格 "
                       "EPSG:4491–4554",
                       "CRS: EPSG:4490 (CGCS2000 lon/lat, default) or a CGCS2000 Gauss–Krüger "
                       "zone, EPSG:4491–4554"));
    s->add_option("--encoding", m_shapefile.encoding,
                  text("文本编码：UTF-8（默认）或 GBK（代码页 936，写 .cpg 与 DBF 语言驱动）",
                       "text encoding: UTF-8 (default) or GBK (code page 936, in the .cpg and "
                       "the DBF's language driver)"));
    s->add_option("--as-of", m_shapefile.as_of,
                  text("截至日期（默认：项目库设定的日期，否则今天）",
                       "as of this day (default: the project's as-of setting, else today)"));
    s->add_option("--township", m_shapefile.township,
                  text("只导出该乡镇：名称、9 位或 12 位代码",
                       "this township only: its name, 9- or 12-digit code"));
}

std::optional<int> ExportCli::run() const {
    if (m_shapefile_command->parsed()) {
        return run_export_shapefile(m_project, m_shapefile);
    }
    return std::nullopt;
}

int run_export_shapefile(const std::string& project_path, const ShapefileExportOptions& options) {
    const auto encoding = review::parse_encoding(options.encoding);
    if (!encoding) {
        throw UsageError(text("--encoding：应为 UTF-8 或 GBK，而不是“",
                              "--encoding: expected UTF-8 or GBK, not '") +
                             options.encoding + text("”", "'"),
                         "--encoding");
    }
    const auto epsg = review::parse_review_crs(options.crs);
    if (!epsg) {
        throw UsageError(
            text("--crs：应为 CGCS2000：EPSG:4490 或高斯-克吕格 EPSG:4491–4554，而不是“",
                 "--crs: expected CGCS2000: EPSG:4490 or a Gauss–Krüger zone "
                 "EPSG:4491–4554, not '") +
                options.crs + text("”", "'"),
            "--crs");
    }
    const auto store = xj::store::open_project(project_path, xj::store::Access::read_only);
    const core::Date as_of = as_of_date(options.as_of, *store);
    std::string township_code, township_name;
    if (!options.township.empty()) {
        const core::AdminUnit township = find_township(*store, options.township, project_path);
        township_code = township.code;
        township_name = township.name + " " + township.code;
    }
    const core::Portfolio portfolio(store::load_portfolio(*store));
    const auto layers = review::review_layers(*store, portfolio, as_of, township_code);
    review::BundleOptions bundle;
    bundle.encoding = *encoding;
    bundle.epsg = *epsg;
    bundle.as_of = as_of;
    bundle.township = township_name;
    for (const core::AdminUnit& unit : store->unit_list()) {
        if (unit.level == core::AdminLevel::county) {
            bundle.county = unit.name + " " + unit.code;
        }
    }
    const review::BundleReport report = review::write_bundle(layers, options.out, bundle);
    std::cout << tr("已导出 ", "exported ") << options.out << tr("（截至 ", " (as of ")
              << as_of.iso() << ", EPSG:" << *epsg << ", " << review::cpg_text(*encoding)
              << tr("）：", "): ");
    bool first = true;
    for (const auto& [name, count] : report.layers) {
        std::cout << (first ? "" : tr("，", ", ")) << name << " " << count;
        first = false;
    }
    std::cout << '\n';
    for (const std::string& warning : report.warnings) {
        std::cerr << tr("警告：", "warning: ") << warning << '\n';
    }
    return 0;
}

} // namespace xj::cli
