#pragma once

// The project day (项目日): which projects a leader should look at first, and which milestones
// fall due in the coming days.

#include "xiangjian/core/date.h"
#include "xiangjian/core/project_status.h"

#include <span>
#include <string>
#include <vector>

namespace xj::core {

class Portfolio;

/// The groups of attention_order(), most urgent first.
enum class Attention { late, stalled, overdue_problems, behind, rest };
Attention attention_of(const ProjectStatus& status);

/// Late, stalled, with overdue problems, behind, then the rest; within a group the larger
/// deficit (most negative schedule variance; none counts as 0) first, then by project id.
std::vector<const ProjectStatus*> attention_order(std::span<const ProjectStatus* const> statuses);
std::vector<const ProjectStatus*> attention_order(std::span<const ProjectStatus> statuses);

struct DueMilestone {
    const Project* project = nullptr;
    int seq = 0;
    std::string name;
    Date planned_date;
    int days_left = 0; ///< planned_date − day, 0 … due_soon_days
};

/// Milestones not reached by `day` with a planned date in [day, day + due_soon_days], by date,
/// then project id and seq.
std::vector<DueMilestone> milestones_due(const Portfolio& portfolio, Date day, int due_soon_days);
/// With the portfolio's settings().due_soon_days.
std::vector<DueMilestone> milestones_due(const Portfolio& portfolio, Date day);

/// A leader's week of project days, as the county office sums it up on Friday: the week is
/// the seven days ending on `friday` (Saturday to Friday).
struct WeekSummaryRow {
    std::string leader;        ///< as stored
    int projects = 0;          ///< the leader's projects
    int visited = 0;           ///< of them, visited in the week
    int progress_recorded = 0; ///< of them, with progress reported in the week
    int problems_raised = 0;   ///< on their projects, in the week
    int problems_closed = 0;   ///< on their projects, in the week
    int problems_overdue = 0;  ///< open on `friday` with a deadline before it
};

/// One row per leader (in the order project_leaders() gives), then none for projects without
/// a leader.
std::vector<WeekSummaryRow> week_summary(const Portfolio& portfolio, Date friday);

} // namespace xj::core
