#pragma once

// A province-sized portfolio, the same on every machine and every run: 10,000 projects,
// 1,000,000 progress reports, 50,000 problems, 400 villages in 20 townships, 30 leaders.

#include "xiangjian/core/portfolio_data.h"

namespace xj::bench {

core::PortfolioData synthetic_portfolio();

} // namespace xj::bench
