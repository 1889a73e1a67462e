#pragma once

#include <optional>
#include <string>

namespace xj::import {
struct UnitImportOptions;
struct ProjectImportOptions;
struct TableImportOptions;
struct PhotoImportOptions;
} // namespace xj::import

namespace xj::cli {

struct StatusOptions {
    std::string as_of;
    std::string by = "project";
    std::string leader;
    std::string type;
    std::string status;
    std::string format = "table";
    std::string baseline;
    bool excel = false; ///< CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends
};

/// What `record …` takes; each subcommand uses the fields it needs.
struct RecordOptions {
    std::string project_id;
    std::string date;
    std::optional<double> quantity;
    std::optional<double> percent;
    std::optional<double> amount_wan;
    std::string note;
    std::string by;
    std::string problem_id;
    std::string category = "other";
    std::string description;
    std::string owner;
    std::string deadline;
    std::string resolution;
    std::string visitor;
    std::optional<int> seq; ///< of a milestone
};

/// What `render` takes (names as on the command line).
struct RenderCommandOptions {
    std::string out;
    std::string size = "1920x1080";
    std::string bbox;
    std::string township;
    std::string project;
    std::string theme = "progress";
    std::string as_of;
    std::string layers;
    std::string basemap;
    std::string crs;
    unsigned threads = 2;
    bool timings = false;
};

// Each subcommand returns the process exit code; errors are thrown as xj::Error and reported
// by main().
/// A new project's file must end in .gpkg (any letter case): `init notes.txt` would make a
/// GeoPackage no one would know as one. Throws UsageError.
void check_new_project_path(const std::string& project_path);
int run_init(const std::string& project_path);
int run_demo(const std::string& out_path, bool overwrite);
int run_info(const std::string& project_path);
int run_upgrade(const std::string& project_path);
int run_import_units(const std::string& project_path, const std::string& file,
                     const import::UnitImportOptions& options);
int run_import_projects(const std::string& project_path, const std::string& file,
                        const import::ProjectImportOptions& options);
int run_import_table(const std::string& project_path, const std::string& file,
                     const import::TableImportOptions& options);
int run_import_photos(const std::string& project_path, const std::string& directory,
                      const import::PhotoImportOptions& options);

int run_status(const std::string& project_path, const StatusOptions& options);
/// kind: progress, problem, close-problem, visit, payment
int run_record(const std::string& kind, const std::string& project_path,
               const RecordOptions& options);
int run_baseline(const std::string& project_path, const std::string& name, const std::string& date,
                 const std::string& by);
int run_render(const std::string& project_path, const RenderCommandOptions& options);
int run_sheet(const std::string& project_path, const std::string& leader, const std::string& date,
              const std::string& out);
/// measure: quantity, percent or milestones (code or Chinese label).
int run_set_measure(const std::string& project_path, const std::string& project_id,
                    const std::string& measure, const std::string& by);
/// Lists every setting (empty key), prints one, or sets it (`set`; an empty value unsets it).
int run_config(const std::string& project_path, const std::string& key, const std::string& value,
               bool set, const std::string& by);
int run_project_day(const std::string& project_path, const std::string& leader,
                    const std::string& date, const std::string& format);

} // namespace xj::cli
