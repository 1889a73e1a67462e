#pragma once

#include "xiangjian/core/portfolio_data.h"
#include "xiangjian/store/project_store.h"

#include <span>
#include <string>
#include <vector>

namespace xj::store {

/// Everything the progress engine needs from a project database, in one read: the tables, the
/// village checklist with the project types serving each item, and the engine settings
/// (`engine.*` keys; defaults where unset).
core::PortfolioData load_portfolio(const ProjectStore& store);

/// One table of `load_portfolio` (or the project-wide checklist, baselines and settings), read
/// into its member of `data`.
using TableRead = void (*)(const ProjectStore& store, core::PortfolioData& data);

/// What `load_portfolio` reads, a table each, largest first as a province holds them (the
/// progress reports first): readers taking the next one in turn finish together
/// (`load_portfolio_in_parallel`).
std::span<const TableRead> portfolio_tables();

/// Part of a project, for the engine: some projects and some units (a map's window).
struct PortfolioScope {
    std::vector<std::string> project_ids; ///< to evaluate, with their whole history
    std::vector<core::AdminUnit> units;   ///< to name and roll up (and their assessments)
};

/// What the engine needs of a part of the project: those projects with their milestones,
/// reports, problems, visits, payments and village links, those units with their assessments,
/// the checklist, the baselines and the settings. Nothing else is read.
core::PortfolioData load_portfolio(const ProjectStore& store, const PortfolioScope& scope);

} // namespace xj::store
