#pragma once

#include "xiangjian/core/portfolio_data.h"
#include "xiangjian/store/project_store.h"

namespace xj::store {

/// `load_portfolio`, read on two cores: through `store` and through a second read-only opening
/// of `store.location()`, each taking the next table, largest first. For programs that only
/// read (status, project-day, a map): a second connection does not see an open transaction's
/// writes. When the project cannot be opened again, `store` reads it all.
core::PortfolioData load_portfolio_in_parallel(const ProjectStore& store);

} // namespace xj::store
