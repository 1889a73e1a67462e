#pragma once

// The command-line definitions of the drawing commands (render, sheet).

#include "commands.h"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace xj::cli {

class MapCli {
public:
    explicit MapCli(CLI::App& app);
    /// The exit code when one of these commands was chosen, else nullopt.
    std::optional<int> run() const;

private:
    std::string m_project;
    RenderCommandOptions m_render;
    std::string m_leader, m_date, m_out;
    CLI::App* m_render_command = nullptr;
    CLI::App* m_sheet_command = nullptr;
};

} // namespace xj::cli
