// xiangjian: the command line. Parsing only; each subcommand lives in its own file.

#include "commands.h"
#include "engine_cli.h"
#include "i18n.h"
#include "map_cli.h"
#include "xiangjian/core/error.h"
#include "xiangjian/import/photo_import.h"
#include "xiangjian/import/project_import.h"
#include "xiangjian/import/table_import.h"
#include "xiangjian/import/unit_import.h"

#include <CLI/CLI.hpp>
#include <iostream>

namespace {

using xj::cli::tr;

std::string text(std::string_view zh, std::string_view en) {
    return std::string{tr(zh, en)};
}

/// --lang must take effect before the help texts are built, so it is read by hand first.
void choose_language(int argc, char** argv) {
    xj::cli::set_language_from_environment();
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        std::string value;
        if (arg == "--lang" && i + 1 < argc) {
            value = argv[i + 1];
        } else if (arg.rfind("--lang=", 0) == 0) {
            value = arg.substr(7);
        }
        if (!value.empty()) {
            xj::cli::set_language(value.rfind("en", 0) == 0 ? xj::cli::Language::en
                                                            : xj::cli::Language::zh);
        }
    }
}

/// The options every vector importer shares.
void add_source_options(CLI::App& command, xj::import::SourceOptions& source) {
    command.add_option(
        "--layer", source.layer,
        text("要读取的图层（来源有多个图层时）", "layer to read (sources with several)"));
    command
        .add_option("--encoding", source.encoding,
                    text("文字编码：auto（默认：有 .cpg 按 .cpg，否则 UTF-8 或 GB18030）、UTF-8、"
                         "GBK、GB18030",
                         "text encoding: auto (default: the .cpg, else UTF-8 or GB18030), "
                         "UTF-8, GBK, GB18030"))
        ->check(CLI::IsMember({"auto", "UTF-8", "utf-8", "GBK", "gbk", "GB18030", "gb18030"}));
    command.add_option(
        "--s-srs", source.source_srs,
        text("来源坐标系（来源没有坐标系或有误时），如 EPSG:4547",
             "source CRS (when the source has none, or a wrong one), e.g. EPSG:4547"));
}

} // namespace

int main(int argc, char** argv) {
    choose_language(argc, argv);

    CLI::App app{text("乡建：县域项目建设进度地理信息工具",
                      "Xiangjian: county infrastructure-project tracking on a map"),
                 "xiangjian"};
    app.require_subcommand(1);
    app.set_help_flag("-h,--help", text("显示帮助", "show help"));
    std::string lang;
    app.add_option("--lang", lang,
                   text("界面语言：zh（默认）或 en", "language: zh (default) or en"))
        ->check(CLI::IsMember({"zh", "en"}));
    app.set_version_flag("--version", "xiangjian 0.1.0");

    std::string project;
    auto* init = app.add_subcommand("init", text("新建空项目库（GeoPackage 文件）",
                                                 "create an empty project file (GeoPackage)"));
    init->add_option("PROJECT.gpkg", project, text("要新建的项目文件", "project file to create"))
        ->required();

    std::string out;
    bool overwrite = false;
    auto* demo = app.add_subcommand(
        "demo", text("生成示范县（汝阳县）项目库", "build the demo county (Ruyang) project file"));
    demo->add_option("OUT.gpkg", out, text("输出的项目文件", "project file to write"))->required();
    demo->add_flag("--overwrite", overwrite,
                   text("覆盖已存在的文件", "replace the file if it exists"));

    auto* info =
        app.add_subcommand("info", text("查看项目库：图层、数量、坐标系、范围",
                                        "describe a project file: layers, counts, CRS, extent"));
    info->add_option("PROJECT.gpkg", project, text("项目文件", "project file"))->required();

    auto* upgrade = app.add_subcommand(
        "upgrade", text("将旧版本项目库升级到当前模式版本",
                        "migrate an older project file to this program's schema"));
    upgrade->add_option("PROJECT.gpkg", project, text("项目文件", "project file"))->required();

    auto* import = app.add_subcommand("import", text("导入数据", "import data"));
    import->require_subcommand(1);
    std::string file;
    std::string level;
    xj::import::UnitImportOptions unit_options;
    auto* units = import->add_subcommand(
        "units", text("导入行政区划边界（任何 GDAL 矢量格式）",
                      "import administrative boundaries (any GDAL vector source)"));
    units->add_option("PROJECT.gpkg", project, text("项目文件", "project file"))->required();
    units->add_option("FILE", file, text("边界文件", "boundary file"))->required();
    add_source_options(*units, unit_options.source);
    units
        ->add_option("--level", level,
                     text("层级（默认按代码判断）", "level (default: told by the code)"))
        ->check(CLI::IsMember({"county", "township", "village"}));
    units->add_option("--code-field", unit_options.code_field,
                      text("区划代码字段", "field holding the division code"));
    units->add_option("--name-field", unit_options.name_field,
                      text("名称字段", "field holding the name"));
    units->add_option("--parent-field", unit_options.parent_field,
                      text("上级代码字段（默认由代码推出）",
                           "field holding the parent code (default: from the code)"));
    units->add_option("--tolerance", unit_options.overlap_tolerance_m2,
                      text("报告重叠和缝隙的面积下限（平方米，默认 10）",
                           "smallest overlap or gap reported, m² (default 10)"));
    bool skip_coverage = false;
    units->add_flag("--no-coverage-check", skip_coverage,
                    text("不检查重叠和缝隙（大数据量时更快）",
                         "skip the overlap and gap check (faster on large imports)"));
    units->add_flag("--dry-run", unit_options.dry_run,
                    text("只报告将要做的更改，不写入", "report what would change, write nothing"));

    xj::import::ProjectImportOptions project_options;
    std::string coords;
    auto* projects = import->add_subcommand(
        "projects", text("导入项目点位、线路和范围（GDAL 矢量格式，或带经纬度列的 CSV/XLSX）",
                         "import project sites (any GDAL vector source, or CSV/XLSX with "
                         "longitude/latitude columns)"));
    projects->add_option("PROJECT.gpkg", project, text("项目文件", "project file"))->required();
    projects->add_option("FILE", file, text("项目文件（点、线、面或表格）", "sites file"))
        ->required();
    add_source_options(*projects, project_options.source);
    projects->add_option("--id-field", project_options.id_field,
                         text("项目编号字段", "field holding the project id"));
    projects->add_option("--type-field", project_options.type_field,
                         text("项目类型字段", "field holding the project type"));
    projects
        ->add_option("--coords", coords,
                     text("经纬度列的坐标系：wgs84、cgcs2000、gcj02（高德/腾讯）、bd09（百度）",
                          "CRS of longitude/latitude: wgs84, cgcs2000, gcj02 (AMap, Tencent), "
                          "bd09 (Baidu)"))
        ->check(CLI::IsMember({"wgs84", "cgcs2000", "gcj02", "bd09"}));
    projects->add_option(
        "--x-field", project_options.source.x_column,
        text("经度列（默认识别 经度、lon、lng …）", "longitude column (default: recognised)"));
    projects->add_option(
        "--y-field", project_options.source.y_column,
        text("纬度列（默认识别 纬度、lat …）", "latitude column (default: recognised)"));
    projects->add_flag(
        "--dry-run", project_options.dry_run,
        text("只报告将要做的更改，不写入", "report what would change, write nothing"));

    xj::import::TableImportOptions table_options;
    std::string column_mapping;
    std::vector<std::pair<CLI::App*, xj::import::TableKind>> tables;
    const std::tuple<const char*, xj::import::TableKind, std::string> table_kinds[] = {
        {"milestones", xj::import::TableKind::milestones,
         text("导入项目节点（CSV 或 XLSX）", "import milestones (CSV or XLSX)")},
        {"progress", xj::import::TableKind::progress,
         text("导入进度填报（CSV 或 XLSX）", "import progress reports (CSV or XLSX)")},
        {"problems", xj::import::TableKind::problems,
         text("导入问题清单（CSV 或 XLSX）", "import problems (CSV or XLSX)")},
    };
    for (const auto& [name, kind, description] : table_kinds) {
        auto* table = import->add_subcommand(name, description);
        table->footer(text("可识别的列（键：表头）：\n", "Recognised columns (key: headers):\n") +
                      xj::import::describe_table_columns(kind));
        table->add_option("PROJECT.gpkg", project, text("项目文件", "project file"))->required();
        table->add_option("FILE", file, text("CSV 或 XLSX 表格", "CSV or XLSX table"))->required();
        table->add_option("--encoding", table_options.encoding,
                          text("文字编码：auto（默认）、UTF-8、GBK、GB18030",
                               "text encoding: auto (default), UTF-8, GBK, GB18030"));
        table->add_option("--layer", table_options.layer,
                          text("工作表（XLSX 有多个时）", "sheet (when an XLSX has several)"));
        table->add_option("--columns", column_mapping,
                          text("其他表头：键=表头,…（如 date=上报时间）",
                               "other headers: key=header,… (e.g. date=上报时间)"));
        table->add_flag(
            "--dry-run", table_options.dry_run,
            text("只报告将要做的更改，不写入", "report what would change, write nothing"));
        tables.emplace_back(table, kind);
    }

    xj::import::PhotoImportOptions photo_options;
    auto* photos = import->add_subcommand(
        "photos", text("导入带定位的现场照片（JPEG EXIF），匹配到最近的项目点位并核查",
                       "import geotagged site photos (JPEG EXIF), attach them to the nearest "
                       "site and check them"));
    photos->add_option("PROJECT.gpkg", project, text("项目文件", "project file"))->required();
    photos->add_option("DIR", file, text("照片文件夹", "folder of photos"))->required();
    photos->add_option("--radius", photo_options.radius_m,
                       text("匹配半径（米，默认 200）", "matching radius in metres (default 200)"));
    photos->add_option(
        "--days", photo_options.time_window_days,
        text("照片时间与督导或填报相差超过此天数即提示（默认 14）",
             "flag photos more days than this from any visit or report (default 14)"));
    photos->add_flag("--dry-run", photo_options.dry_run,
                     text("只报告将要做的更改，不写入", "report what would change, write nothing"));

    const xj::cli::EngineCli engine_commands(app);
    const xj::cli::MapCli map_commands(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    }

    try {
        if (const auto code = engine_commands.run()) {
            return *code;
        }
        if (const auto code = map_commands.run()) {
            return *code;
        }
        if (*init) {
            return xj::cli::run_init(project);
        }
        if (*demo) {
            return xj::cli::run_demo(out, overwrite);
        }
        if (*info) {
            return xj::cli::run_info(project);
        }
        if (*upgrade) {
            return xj::cli::run_upgrade(project);
        }
        if (*units) {
            if (!level.empty()) {
                unit_options.level = xj::core::parse_term<xj::core::AdminLevel>(level);
            }
            unit_options.check_coverage = !skip_coverage;
            return xj::cli::run_import_units(project, file, unit_options);
        }
        if (*projects) {
            if (!coords.empty() && project_options.source.source_srs.empty()) {
                project_options.source.source_srs =
                    coords == "cgcs2000" ? "EPSG:4490" : "EPSG:4326";
            }
            project_options.source.offset = coords == "gcj02"  ? xj::import::CoordinateOffset::gcj02
                                            : coords == "bd09" ? xj::import::CoordinateOffset::bd09
                                                               : xj::import::CoordinateOffset::none;
            return xj::cli::run_import_projects(project, file, project_options);
        }
        if (*photos) {
            return xj::cli::run_import_photos(project, file, photo_options);
        }
        for (const auto& [table, kind] : tables) {
            if (*table) {
                table_options.kind = kind;
                table_options.columns = xj::import::parse_column_mapping(column_mapping);
                return xj::cli::run_import_table(project, file, table_options);
            }
        }
    } catch (const std::exception& error) {
        std::cerr << "xiangjian: " << tr("错误：", "error: ") << error.what() << '\n';
        return 1;
    }
    return 2;
}
