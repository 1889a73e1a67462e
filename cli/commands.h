#pragma once

#include <string>

namespace xj::gis {
struct UnitImportOptions;
struct ProjectImportOptions;
struct TableImportOptions;
struct PhotoImportOptions;
} // namespace xj::gis

namespace xj::cli {

// Each subcommand returns the process exit code; errors are thrown as xj::Error and reported
// by main().
int run_init(const std::string& project_path);
int run_demo(const std::string& out_path, bool overwrite);
int run_info(const std::string& project_path);
int run_upgrade(const std::string& project_path);
int run_import_units(const std::string& project_path, const std::string& file,
                     const gis::UnitImportOptions& options);
int run_import_projects(const std::string& project_path, const std::string& file,
                        const gis::ProjectImportOptions& options);
int run_import_table(const std::string& project_path, const std::string& file,
                     const gis::TableImportOptions& options);
int run_import_photos(const std::string& project_path, const std::string& directory,
                      const gis::PhotoImportOptions& options);

} // namespace xj::cli
