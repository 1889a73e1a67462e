#pragma once

// Roll-ups of an evaluation: one row per village, township, county, project type, leader or
// responsible unit, with the same sums everywhere the county looks at them.

#include "xiangjian/core/engine_vocabulary.h"
#include "xiangjian/core/project_status.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace xj::core {

class Portfolio;

/// Which projects to look at; unset fields match every project.
struct ProjectFilter {
    std::optional<std::string> leader;
    std::optional<ProjectType> type;
    std::optional<ScheduleStatus> status;

    bool matches(const ProjectStatus& status) const;
};

/// The statuses of the projects that pass the filter, in evaluation order.
std::vector<const ProjectStatus*> filter_projects(const Evaluation& evaluation,
                                                  const ProjectFilter& filter);

/// Quantities of one measuring unit (km, 处, 户, MW …); only projects with a planned quantity.
struct UnitQuantities {
    std::string unit;
    double planned = 0;
    double planned_to_date = 0; ///< of the projects with a plan
    double done = 0;
};

struct RollupRow {
    std::string key;   ///< code, id or name the rows are sorted by
    std::string label; ///< what users read: a village's name, a type's Chinese label …
    int projects = 0;
    std::array<int, schedule_status_count> by_status{};
    std::vector<UnitQuantities> quantities; ///< by unit
    double budget_wan = 0;
    double disbursed_wan = 0;
    /// Σ budget · percent / Σ budget over the projects with a budget; nullopt if none has one.
    std::optional<double> budget_weighted_percent;
    double mean_percent = 0;
    int problems_open = 0;
    int problems_closed = 0;
    int problems_overdue = 0;

    int count(ScheduleStatus status) const { return by_status[static_cast<std::size_t>(status)]; }
};

/// Rows sorted by key; no projects give no rows. A project counts whole in every group it
/// belongs to (project, status and problem counts, percents); amounts (quantities, budget,
/// disbursed) of a project split between villages by length or area go by its share.
/// Villages are Portfolio::villages(); a county is the parent of the project's township.
std::vector<RollupRow> rollup(const Portfolio& portfolio, const Evaluation& evaluation, RollupBy by,
                              const ProjectFilter& filter = {});

} // namespace xj::core
