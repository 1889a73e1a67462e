#pragma once

#include "xiangjian/core/portfolio_data.h"
#include "xiangjian/store/project_store.h"

namespace xj::store {

/// Everything the progress engine needs from a project database, in one read: the tables, the
/// village checklist with the project types serving each item, and the engine settings
/// (`engine.*` keys; defaults where unset).
core::PortfolioData load_portfolio(const ProjectStore& store);

} // namespace xj::store
