#pragma once

// The command-line definitions of the exports for provincial review (export shapefile …).

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace xj::cli {

struct ShapefileExportOptions {
    std::string out;
    std::string crs = "EPSG:4490";
    std::string encoding = "UTF-8";
    std::string as_of;
    std::string township;
    std::string layer;           ///< of export geojson
    std::string by = "township"; ///< of export table
};

class ExportCli {
public:
    explicit ExportCli(CLI::App& app);
    /// The exit code when one of these commands was chosen, else nullopt.
    std::optional<int> run() const;

private:
    std::string m_project;
    ShapefileExportOptions m_shapefile;
    ShapefileExportOptions m_check; ///< its encoding, as-of day and township
    CLI::App* m_shapefile_command = nullptr;
    CLI::App* m_check_command = nullptr;
    ShapefileExportOptions m_geojson;
    CLI::App* m_geojson_command = nullptr;
    ShapefileExportOptions m_table;
    CLI::App* m_table_command = nullptr;
    ShapefileExportOptions m_gpkg;
    CLI::App* m_gpkg_command = nullptr;
};

int run_export_shapefile(const std::string& project_path, const ShapefileExportOptions& options);
/// `xiangjian export gpkg`: a standalone GeoPackage with each layer's style in layer_styles.
int run_export_gpkg(const std::string& project_path, const ShapefileExportOptions& options);
/// `xiangjian export table`: the roll-ups for Excel (XLSX or CSV).
int run_export_table(const std::string& project_path, const ShapefileExportOptions& options);
/// `xiangjian export geojson`: one layer for the web (RFC 7946, WGS 84).
int run_export_geojson(const std::string& project_path, const ShapefileExportOptions& options);
/// `xiangjian check`: the checks an export makes first, alone; exit 1 when any fails.
int run_review_check(const std::string& project_path, const ShapefileExportOptions& options);

} // namespace xj::cli
