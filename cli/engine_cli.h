#pragma once

// The command-line definitions of the engine commands (status, record, baseline, project-day),
// kept out of main.cpp so that each part of the interface stays readable.

#include "commands.h"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace xj::cli {

class EngineCli {
public:
    explicit EngineCli(CLI::App& app);
    /// The exit code when one of these commands was chosen, else nullopt.
    std::optional<int> run() const;

private:
    std::string m_project;
    StatusOptions m_status;
    RecordOptions m_record;
    std::string m_baseline_name, m_date, m_leader, m_format = "table";
    std::string m_project_id, m_measure;
    CLI::App* m_set_measure_command = nullptr;
    CLI::App* m_config_command = nullptr;
    std::string m_key;
    std::optional<std::string> m_value;
    CLI::App* m_status_command = nullptr;
    CLI::App* m_baseline_command = nullptr;
    CLI::App* m_project_day_command = nullptr;
    std::vector<std::pair<CLI::App*, std::string>> m_record_commands;
};

} // namespace xj::cli
