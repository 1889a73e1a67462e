#include "import_cli.h"

#include "commands.h"
#include "i18n.h"

namespace xj::cli {

namespace {

/// The options every vector importer shares.
void add_source_options(CLI::App& command, import::SourceOptions& source) {
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

ImportCli::ImportCli(CLI::App& app) {
    auto* import = app.add_subcommand("import", text("导入数据", "import data"));
    import->require_subcommand(1);
    auto* units = m_units = import->add_subcommand(
        "units", text("导入行政区划边界（任何 GDAL 矢量格式）",
                      "import administrative boundaries (any GDAL vector source)"));
    units->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))->required();
    units->add_option("FILE", m_file, text("边界文件", "boundary file"))->required();
    add_source_options(*units, m_unit_options.source);
    units
        ->add_option("--level", m_level,
                     text("层级（默认按代码判断）", "level (default: told by the code)"))
        ->check(CLI::IsMember({"county", "township", "village"}));
    units->add_option("--code-field", m_unit_options.code_field,
                      text("区划代码字段", "field holding the division code"));
    units->add_option("--name-field", m_unit_options.name_field,
                      text("名称字段", "field holding the name"));
    units->add_option("--parent-field", m_unit_options.parent_field,
                      text("上级代码字段（默认由代码推出）",
                           "field holding the parent code (default: from the code)"));
    units->add_option("--tolerance", m_unit_options.overlap_tolerance_m2,
                      text("报告重叠和缝隙的面积下限（平方米，默认 10）",
                           "smallest overlap or gap reported, m² (default 10)"));
    units->add_flag("--no-coverage-check", m_skip_coverage,
                    text("不检查重叠和缝隙（大数据量时更快）",
                         "skip the overlap and gap check (faster on large imports)"));
    units->add_flag("--dry-run", m_unit_options.dry_run,
                    text("只报告将要做的更改，不写入", "report what would change, write nothing"));

    auto* projects = m_projects = import->add_subcommand(
        "projects", text("导入项目点位、线路和范围（GDAL 矢量格式，或带经纬度列的 CSV/XLSX）",
                         "import project sites (any GDAL vector source, or CSV/XLSX with "
                         "longitude/latitude columns)"));
    projects->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))->required();
    projects->add_option("FILE", m_file, text("项目文件（点、线、面或表格）", "sites file"))
        ->required();
    add_source_options(*projects, m_project_options.source);
    projects->add_option("--id-field", m_project_options.id_field,
                         text("项目编号字段", "field holding the project id"));
    projects->add_option("--type-field", m_project_options.type_field,
                         text("项目类型字段", "field holding the project type"));
    projects
        ->add_option("--coords", m_coords,
                     text("经纬度列的坐标系：wgs84、cgcs2000、gcj02（高德/腾讯）、bd09（百度）",
                          "CRS of longitude/latitude: wgs84, cgcs2000, gcj02 (AMap, Tencent), "
                          "bd09 (Baidu)"))
        ->check(CLI::IsMember({"wgs84", "cgcs2000", "gcj02", "bd09"}));
    projects->add_option(
        "--x-field", m_project_options.source.x_column,
        text("经度列（默认识别 经度、lon、lng …）", "longitude column (default: recognised)"));
    projects->add_option(
        "--y-field", m_project_options.source.y_column,
        text("纬度列（默认识别 纬度、lat …）", "latitude column (default: recognised)"));
    projects->add_option("--columns", m_column_mapping,
                         text("其他表头：键=表头,…（如 leader=县级包抓领导）",
                              "other headers: key=header,… (e.g. leader=县级包抓领导)"));
    projects->footer(text("可识别的列（键：表头）：\n", "Recognised columns (key: headers):\n") +
                     import::describe_project_columns() +
                     text("经度、纬度：经度, lon, lng, longitude, x, 东经, X坐标 / 纬度, lat, "
                          "latitude, y, 北纬, Y坐标（或 WKT 列）\n",
                          "longitude, latitude: 经度, lon, lng, longitude, x, 东经, X坐标 / 纬度, "
                          "lat, latitude, y, 北纬, Y坐标 (or a WKT column)\n"));
    projects->add_flag(
        "--dry-run", m_project_options.dry_run,
        text("只报告将要做的更改，不写入", "report what would change, write nothing"));

    const std::tuple<const char*, import::TableKind, std::string> table_kinds[] = {
        {"milestones", import::TableKind::milestones,
         text("导入项目节点（CSV 或 XLSX）", "import milestones (CSV or XLSX)")},
        {"progress", import::TableKind::progress,
         text("导入进度填报（CSV 或 XLSX）", "import progress reports (CSV or XLSX)")},
        {"problems", import::TableKind::problems,
         text("导入问题清单（CSV 或 XLSX）", "import problems (CSV or XLSX)")},
    };
    for (const auto& [name, kind, description] : table_kinds) {
        auto* table = import->add_subcommand(name, description);
        table->footer(text("可识别的列（键：表头）：\n", "Recognised columns (key: headers):\n") +
                      import::describe_table_columns(kind));
        table->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))->required();
        table->add_option("FILE", m_file, text("CSV 或 XLSX 表格", "CSV or XLSX table"))
            ->required();
        table->add_option("--encoding", m_table_options.encoding,
                          text("文字编码：auto（默认）、UTF-8、GBK、GB18030",
                               "text encoding: auto (default), UTF-8, GBK, GB18030"));
        table->add_option("--layer", m_table_options.layer,
                          text("工作表（XLSX 有多个时）", "sheet (when an XLSX has several)"));
        table->add_option("--columns", m_column_mapping,
                          text("其他表头：键=表头,…（如 date=上报时间）",
                               "other headers: key=header,… (e.g. date=上报时间)"));
        table->add_flag(
            "--dry-run", m_table_options.dry_run,
            text("只报告将要做的更改，不写入", "report what would change, write nothing"));
        m_tables.emplace_back(table, kind);
    }

    auto* photos = m_photos = import->add_subcommand(
        "photos", text("导入带定位的现场照片（JPEG EXIF），匹配到最近的项目点位并核查",
                       "import geotagged site photos (JPEG EXIF), attach them to the nearest "
                       "site and check them"));
    photos->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))->required();
    photos->add_option("DIR", m_file, text("照片文件夹", "folder of photos"))->required();
    photos->add_option("--radius", m_photo_options.radius_m,
                       text("匹配半径（米，默认 200）", "matching radius in metres (default 200)"));
    photos->add_option(
        "--days", m_photo_options.time_window_days,
        text("照片时间与督导或填报相差超过此天数即提示（默认 14）",
             "flag photos more days than this from any visit or report (default 14)"));
    photos->add_flag("--dry-run", m_photo_options.dry_run,
                     text("只报告将要做的更改，不写入", "report what would change, write nothing"));
}

std::optional<int> ImportCli::run() const {
    if (*m_units) {
        import::UnitImportOptions options = m_unit_options;
        if (!m_level.empty()) {
            options.level = core::parse_term<core::AdminLevel>(m_level);
        }
        options.check_coverage = !m_skip_coverage;
        return run_import_units(m_project, m_file, options);
    }
    if (*m_projects) {
        import::ProjectImportOptions options = m_project_options;
        options.columns = import::parse_column_mapping(m_column_mapping);
        if (!m_coords.empty() && options.source.source_srs.empty()) {
            options.source.source_srs = m_coords == "cgcs2000" ? "EPSG:4490" : "EPSG:4326";
        }
        options.source.offset = m_coords == "gcj02"  ? import::CoordinateOffset::gcj02
                                : m_coords == "bd09" ? import::CoordinateOffset::bd09
                                                     : import::CoordinateOffset::none;
        return run_import_projects(m_project, m_file, options);
    }
    if (*m_photos) {
        return run_import_photos(m_project, m_file, m_photo_options);
    }
    for (const auto& [table, kind] : m_tables) {
        if (*table) {
            import::TableImportOptions options = m_table_options;
            options.kind = kind;
            options.columns = import::parse_column_mapping(m_column_mapping);
            return run_import_table(m_project, m_file, options);
        }
    }
    return std::nullopt;
}

} // namespace xj::cli
