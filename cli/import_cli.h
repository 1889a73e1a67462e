#pragma once

// The command-line definitions of the importers: import units, projects, milestones,
// progress, problems and photos.

#include "xiangjian/import/photo_import.h"
#include "xiangjian/import/project_import.h"
#include "xiangjian/import/table_import.h"
#include "xiangjian/import/unit_import.h"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace xj::cli {

class ImportCli {
public:
    explicit ImportCli(CLI::App& app);
    /// The exit code when one of these commands was chosen, else nullopt.
    std::optional<int> run() const;

private:
    std::string m_project;
    std::string m_file;
    std::string m_level;
    import::UnitImportOptions m_unit_options;
    bool m_skip_coverage = false;
    import::ProjectImportOptions m_project_options;
    std::string m_coords;
    import::TableImportOptions m_table_options;
    std::string m_column_mapping;
    import::PhotoImportOptions m_photo_options;
    CLI::App* m_units = nullptr;
    CLI::App* m_projects = nullptr;
    CLI::App* m_photos = nullptr;
    std::vector<std::pair<CLI::App*, import::TableKind>> m_tables;
};

} // namespace xj::cli
