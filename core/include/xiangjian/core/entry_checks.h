#pragma once

// Checks made before data entry writes a record, so the history stays one that the engine can
// read: cumulative values never go backwards, one report per project and day.

#include "xiangjian/core/date.h"
#include "xiangjian/core/project.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace xj::core {

class Portfolio;

/// Throws xj::Error when the report cannot be recorded: unknown project, negative quantity,
/// percent outside 0–100, neither quantity nor percent, a report already on that day, a value
/// below the latest earlier report's, or a later report below the new value (inserting in the
/// past must keep the series non-decreasing). Returns warnings that do not block the entry
/// (a quantity above the planned quantity).
std::vector<std::string> check_new_report(const Portfolio& portfolio, const ProgressReport& report);
/// The same against one project's reports (any order).
std::vector<std::string> check_new_report(const Project& project,
                                          std::span<const ProgressReport> history,
                                          const ProgressReport& report);

/// Throws xj::Error unless the problem exists, is still open, and `closed_on` is not before
/// the day it was raised.
void check_close_problem(const Portfolio& portfolio, std::string_view problem_id, Date closed_on);
void check_close_problem(const Problem& problem, Date closed_on);

} // namespace xj::core
