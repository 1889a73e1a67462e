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

} // namespace xj::core
