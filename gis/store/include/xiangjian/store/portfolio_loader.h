#pragma once

#include "xiangjian/core/portfolio_data.h"
#include "xiangjian/store/project_store.h"

#include <string>
#include <vector>

namespace xj::store {

/// Everything the progress engine needs from a project database, in one read: the tables, the
/// village checklist with the project types serving each item, and the engine settings
/// (`engine.*` keys; defaults where unset).
core::PortfolioData load_portfolio(const ProjectStore& store);

/// Of `load_portfolio`: every table but the progress reports, into `data`.
void read_all_but_reports(const ProjectStore& store, core::PortfolioData& data);

/// Of `load_portfolio`: what holds for the whole project, whatever part of it is read (the
/// checklist, the baselines and the engine settings), into `data`.
void read_project_wide(const ProjectStore& store, core::PortfolioData& data);

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
