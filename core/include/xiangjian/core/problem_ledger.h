#pragma once

// The problem list (问题清单) as of a day, per owner and per leader: what is open, what is
// overdue, how long closing takes. A problem raised after the day does not exist yet.

#include "xiangjian/core/date.h"

#include <optional>
#include <string>
#include <vector>

namespace xj::core {

class Portfolio;

struct LedgerRow {
    std::string key; ///< the owner, or the leader of the problems' projects
    int open = 0;
    int overdue = 0;                            ///< open, with a deadline before the day
    int closed = 0;                             ///< closed on or before the day
    std::optional<double> mean_days_to_close;   ///< of the closed ones
    std::optional<double> median_days_to_close; ///< of the closed ones
    std::optional<int> oldest_open_days;        ///< age of the oldest open problem
};

struct ProblemLedger {
    Date as_of;
    std::vector<LedgerRow> by_owner;  ///< sorted by owner
    std::vector<LedgerRow> by_leader; ///< sorted by leader
    LedgerRow total;                  ///< key empty
};

ProblemLedger problem_ledger(const Portfolio& portfolio, Date as_of);

} // namespace xj::core
