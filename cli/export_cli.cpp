// `xiangjian export shapefile`: the bundle the county sends up for review (docs/export.md).

#include "export_cli.h"

#include "engine_support.h"
#include "i18n.h"
#include "xiangjian/core/error.h"
#include "xiangjian/review/bundle.h"
#include "xiangjian/review/geojson_layer.h"
#include "xiangjian/review/gpkg_copy.h"
#include "xiangjian/review/review_checks.h"
#include "xiangjian/review/review_layers.h"
#include "xiangjian/review/rollup_table.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/portfolio_loader.h"

#include <iostream>

namespace xj::cli {

ExportCli::ExportCli(CLI::App& app) {
    auto* group =
        app.add_subcommand("export", text("导出供省级审核的数据（shapefile 数据包）",
                                          "export for provincial review (a shapefile bundle)"));
    group->require_subcommand(1);
    // What every export and `check` take: the project, its day, and one township or the county.
    const auto common = [this](CLI::App* command, ShapefileExportOptions& options, bool township) {
        command->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))
            ->required();
        command->add_option("--as-of", options.as_of,
                            text("截至日期（默认：项目库设定的日期，否则今天）",
                                 "as of this day (default: the project's as-of setting, else "
                                 "today)"));
        if (township) {
            command->add_option("--township", options.township,
                                text("只含该乡镇：名称、9 位或 12 位代码",
                                     "this township only: its name, 9- or 12-digit code"));
        }
    };
    auto* s = m_shapefile_command = group->add_subcommand(
        "shapefile", text("shapefile 数据包：村、项目点线面、节点、进度、问题、字段说明、README",
                          "a shapefile bundle: villages, project points, lines and areas, "
                          "milestones, progress, problems, the data dictionary and a README"));
    common(s, m_shapefile, true);
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

    auto* k = m_gpkg_command = group->add_subcommand(
        "gpkg", text("独立的 GeoPackage，各图层样式存于 layer_styles（QGIS 打开即显示）",
                     "a standalone GeoPackage with each layer's style in layer_styles (QGIS "
                     "shows it styled on opening)"));
    common(k, m_gpkg, true);
    k->add_option("--out", m_gpkg.out,
                  text("输出的 .gpkg（不能已存在）", "the .gpkg (must not exist)"))
        ->required();

    auto* t = m_table_command = group->add_subcommand(
        "table", text("汇总表（同 status --by），供用 Excel 的同事：.xlsx 或 .csv",
                      "the roll-ups (as status --by prints them) for Excel: .xlsx or .csv"));
    common(t, m_table, false);
    t->add_option(
         "--out", m_table.out,
         text("输出：.xlsx（经 GDAL）或 .csv（UTF-8 带 BOM，中文 Windows 的 Excel 可直接打开）",
              "output: .xlsx (through GDAL) or .csv (UTF-8 with its BOM, which Excel on "
              "Chinese Windows opens with the text intact)"))
        ->required();
    t->add_option("--by", m_table.by,
                  text("汇总方式（默认 township）", "group by (default township)"))
        ->check(
            CLI::IsMember({"project", "village", "township", "county", "type", "leader", "unit"}));

    auto* g = m_geojson_command = group->add_subcommand(
        "geojson", text("一个图层的 GeoJSON，供网页用（RFC 7946：WGS 84 经纬度，不是 CGCS2000 "
                        "坐标系的文件；两者相差在分米以内）",
                        "one layer as GeoJSON for the web (RFC 7946: WGS 84 longitude and "
                        "latitude, not CGCS2000; the two agree within decimetres)"));
    common(g, m_geojson, true);
    g->add_option(
         "--layer", m_geojson.layer,
         text("图层：村（villages）、项目点（points）、项目线（lines）、项目面（polygons）",
              "layer: villages (村), points (项目点), lines (项目线), polygons (项目面)"))
        ->required();
    g->add_option("--out", m_geojson.out,
                  text("输出的 .geojson 文件（不能已存在）", "the .geojson file (must not exist)"))
        ->required();

    auto* c = m_check_command = app.add_subcommand(
        "check", text("上报前的检查（导出时也做）：坐标系、代码、几何、必填字段、编码、截断",
                      "the checks before review (an export makes them first): CRS, codes, "
                      "geometry, required fields, encoding, cut values"));
    common(c, m_check, true);
    c->add_option("--encoding", m_check.encoding,
                  text("按此编码检查文本：UTF-8（默认）或 GBK",
                       "check text against this encoding: UTF-8 (default) or GBK"));
}

std::optional<int> ExportCli::run() const {
    if (m_shapefile_command->parsed()) {
        return run_export_shapefile(m_project, m_shapefile);
    }
    if (m_gpkg_command->parsed()) {
        return run_export_gpkg(m_project, m_gpkg);
    }
    if (m_table_command->parsed()) {
        return run_export_table(m_project, m_table);
    }
    if (m_geojson_command->parsed()) {
        return run_export_geojson(m_project, m_geojson);
    }
    if (m_check_command->parsed()) {
        return run_review_check(m_project, m_check);
    }
    return std::nullopt;
}

namespace {

/// What an export and `check` share: the options read, the project opened, its layers made.
struct ReviewInput {
    review::Encoding encoding = review::Encoding::utf8;
    core::Date as_of;
    std::string township; ///< "刘店镇 410326105000", empty for the county
    std::string county;
    std::unique_ptr<store::ProjectStore> store;
    std::vector<review::LayerData> layers;
};

ReviewInput review_input(const std::string& project_path, const ShapefileExportOptions& options) {
    ReviewInput input;
    const auto encoding = review::parse_encoding(options.encoding);
    if (!encoding) {
        throw UsageError(text("--encoding：应为 UTF-8 或 GBK，而不是“",
                              "--encoding: expected UTF-8 or GBK, not '") +
                             options.encoding + text("”", "'"),
                         "--encoding");
    }
    input.encoding = *encoding;
    input.store = xj::store::open_project(project_path, xj::store::Access::read_only);
    input.as_of = as_of_date(options.as_of, *input.store);
    std::string township_code;
    if (!options.township.empty()) {
        const core::AdminUnit township =
            find_township(*input.store, options.township, project_path);
        township_code = township.code;
        input.township = township.name + " " + township.code;
    }
    for (const core::AdminUnit& unit : input.store->unit_list()) {
        if (unit.level == core::AdminLevel::county) {
            input.county = unit.name + " " + unit.code;
        }
    }
    const core::Portfolio portfolio(store::load_portfolio(*input.store));
    input.layers = review::review_layers(*input.store, portfolio, input.as_of, township_code);
    return input;
}

std::string listed(const std::vector<std::string>& lines) {
    std::string all;
    for (const std::string& line : lines) {
        all += "\n  " + line;
    }
    return all;
}

} // namespace

int run_export_gpkg(const std::string& project_path, const ShapefileExportOptions& options) {
    const ReviewInput input = review_input(project_path, options);
    const review::Findings findings =
        review::check_for_review(*input.store, input.layers, review::Encoding::utf8);
    if (!findings.errors.empty()) {
        throw Error(project_path + text("：不能上报，", ": not ready for review, ") +
                    std::to_string(findings.errors.size()) + text(" 处错误：", " errors:") +
                    listed(findings.errors));
    }
    const auto written = review::write_review_gpkg(input.layers, options.out);
    std::cout << tr("已导出 ", "exported ") << options.out << tr("（截至 ", " (as of ")
              << input.as_of.iso() << ", EPSG:4490" << tr("）：", "): ");
    bool first = true;
    for (const auto& [name, count] : written) {
        std::cout << (first ? "" : tr("，", ", ")) << name << " " << count;
        first = false;
    }
    std::cout << '\n';
    return 0;
}

int run_export_table(const std::string& project_path, const ShapefileExportOptions& options) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::read_only);
    const core::Date as_of = as_of_date(options.as_of, *store);
    const core::Portfolio portfolio(store::load_portfolio(*store));
    const auto by = core::parse_term<core::RollupBy>(options.by);
    const std::size_t rows =
        review::write_rollup_table(portfolio, portfolio.evaluate(as_of), *by, options.out);
    std::cout << tr("已导出 ", "exported ") << options.out << tr("（截至 ", " (as of ")
              << as_of.iso() << tr("，按 ", ", by ") << options.by << tr("）：", "): ") << rows
              << tr(" 行", " rows") << '\n';
    return 0;
}

int run_export_geojson(const std::string& project_path, const ShapefileExportOptions& options) {
    const auto index = review::geojson_layer_index(options.layer);
    if (!index) {
        throw UsageError(text("--layer：应为 村、项目点、项目线、项目面（villages、points、lines、"
                              "polygons），而不是“",
                              "--layer: expected villages, points, lines or polygons (村, 项目点, "
                              "项目线, 项目面), not '") +
                             options.layer + text("”", "'"),
                         "--layer");
    }
    const ReviewInput input = review_input(project_path, options);
    const review::LayerData& layer = input.layers.at(*index);
    const std::size_t written = review::write_geojson(layer, options.out);
    std::cout << tr("已导出 ", "exported ") << options.out << tr("（", " (") << layer.name
              << tr("，截至 ", ", as of ") << input.as_of.iso() << ", WGS 84 (RFC 7946)"
              << tr("）：", "): ") << written << tr(" 个要素", " features") << '\n';
    return 0;
}

int run_review_check(const std::string& project_path, const ShapefileExportOptions& options) {
    const ReviewInput input = review_input(project_path, options);
    const review::Findings findings =
        review::check_for_review(*input.store, input.layers, input.encoding);
    for (const std::string& warning : findings.warnings) {
        std::cerr << tr("警告：", "warning: ") << warning << '\n';
    }
    if (!findings.errors.empty()) {
        std::cerr << "xiangjian: " << tr("错误：", "error: ") << project_path
                  << tr("：不能上报，", ": not ready for review, ") << findings.errors.size()
                  << tr(" 处错误：", " errors:") << listed(findings.errors) << '\n';
        return 1;
    }
    std::size_t features = 0;
    for (const review::LayerData& layer : input.layers) {
        features += layer.features.size();
    }
    std::cout << tr("检查通过：", "checks passed: ") << project_path << tr("（截至 ", " (as of ")
              << input.as_of.iso() << ", " << review::cpg_text(input.encoding) << tr("），", "), ")
              << features << tr(" 个要素，", " features, ") << findings.warnings.size()
              << tr(" 条警告", " warnings") << '\n';
    return 0;
}

int run_export_shapefile(const std::string& project_path, const ShapefileExportOptions& options) {
    const auto epsg = review::parse_review_crs(options.crs);
    if (!epsg) {
        throw UsageError(
            text("--crs：应为 CGCS2000：EPSG:4490 或高斯-克吕格 EPSG:4491–4554，而不是“",
                 "--crs: expected CGCS2000: EPSG:4490 or a Gauss–Krüger zone "
                 "EPSG:4491–4554, not '") +
                options.crs + text("”", "'"),
            "--crs");
    }
    const ReviewInput input = review_input(project_path, options);
    // Errors stop the export before anything is written; warnings go into the manifest.
    const review::Findings findings =
        review::check_for_review(*input.store, input.layers, input.encoding);
    if (!findings.errors.empty()) {
        throw Error(project_path + text("：不能上报，", ": not ready for review, ") +
                    std::to_string(findings.errors.size()) + text(" 处错误：", " errors:") +
                    listed(findings.errors));
    }
    review::BundleOptions bundle;
    bundle.encoding = input.encoding;
    bundle.epsg = *epsg;
    bundle.as_of = input.as_of;
    bundle.township = input.township;
    bundle.county = input.county;
    const review::BundleReport report = review::write_bundle(input.layers, options.out, bundle);
    std::cout << tr("已导出 ", "exported ") << options.out << tr("（截至 ", " (as of ")
              << input.as_of.iso() << ", EPSG:" << *epsg << ", " << review::cpg_text(input.encoding)
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
