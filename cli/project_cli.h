#pragma once

// The command-line definitions of the commands that make and describe project files: init,
// demo, info, upgrade.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace xj::cli {

class ProjectCli {
public:
    explicit ProjectCli(CLI::App& app);
    /// The exit code when one of these commands was chosen, else nullopt.
    std::optional<int> run() const;

private:
    std::string m_project;
    std::string m_out;
    bool m_overwrite = false;
    CLI::App* m_init = nullptr;
    CLI::App* m_demo = nullptr;
    CLI::App* m_info = nullptr;
    CLI::App* m_upgrade = nullptr;
};

} // namespace xj::cli
