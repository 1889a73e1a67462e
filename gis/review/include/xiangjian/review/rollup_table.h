#pragma once

// The roll-ups (`status --by`) as a table for people who work in Excel: XLSX through GDAL, with
// numbers as numbers; or CSV that Excel on Chinese Windows opens with the text intact (UTF-8
// with its byte-order mark, CRLF). Written under a temporary name and renamed into place.

#include "xiangjian/core/engine_vocabulary.h"
#include "xiangjian/core/project_status.h"

#include <string>

namespace xj::core {
class Portfolio;
}

namespace xj::review {

/// One row per group of `by`, in the order of core::rollup; columns: the group, projects, the
/// count of each status, budget and disbursed (万元), budget-weighted and mean percent, problems
/// open, closed and overdue. `path` ends in .xlsx or .csv. Returns the rows written; throws
/// xj::Error naming the file.
std::size_t write_rollup_table(const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                               core::RollupBy by, const std::string& path);

} // namespace xj::review
