#pragma once

// Checks made before data entry writes a record, so the history stays one that the engine can
// read: cumulative values never go backwards, one report per project and day, no problem
// recorded twice, nothing dated after today. The command line (`xiangjian record`) and the
// viewer's forms both go through these, so both refuse the same entries with the same words.
// Every refusal is an xj::EntryError naming the form field at fault.

#include "xiangjian/core/date.h"
#include "xiangjian/core/project.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace xj::core {

class Portfolio;

/// Throws unless `day` is on or before `today`: what was found on a site cannot be dated in
/// the future. `what` names the entry ("visit to RY2018-002").
void check_entry_day(Date day, Date today, std::string_view what);

/// Throws when the report cannot be recorded: unknown project, negative quantity,
/// percent outside 0–100, neither quantity nor percent, a report already on that day, a value
/// below the latest earlier report's, or a later report below the new value (inserting in the
/// past must keep the series non-decreasing). Returns warnings that do not block the entry
/// (a quantity above the planned quantity).
std::vector<std::string> check_new_report(const Portfolio& portfolio, const ProgressReport& report);
/// The same against one project's reports (any order).
std::vector<std::string> check_new_report(const Project& project,
                                          std::span<const ProgressReport> history,
                                          const ProgressReport& report);

/// Throws unless the problem can be raised on the project: a description and an owner, a
/// deadline not before the day it is raised, and no problem of the project with the same
/// day and description already (the message names its id). `problems`: the project's.
void check_new_problem(const Project& project, std::span<const Problem> problems,
                       const Problem& problem);

/// Throws unless the problem exists, is still open, and `closed_on` is not before
/// the day it was raised.
void check_close_problem(const Portfolio& portfolio, std::string_view problem_id, Date closed_on);
void check_close_problem(const Problem& problem, Date closed_on);

/// Throws unless the milestone is not reached yet.
void check_milestone_reached(const Milestone& milestone, Date reached_on);

/// Throws unless the visit names who visited and is not recorded already (same project, day
/// and visitor). `visits`: the project's.
void check_new_visit(std::span<const SiteVisit> visits, const SiteVisit& visit);

} // namespace xj::core
