#pragma once

// The planned-percent curve of a project: piecewise linear through its milestones' planned
// dates, so "how far should it be on day D" has one answer for every front end.

#include "xiangjian/core/date.h"
#include "xiangjian/core/project.h"

#include <optional>
#include <span>
#include <vector>

namespace xj::core {

struct PlanPoint {
    Date date;
    double percent = 0;

    friend bool operator==(const PlanPoint&, const PlanPoint&) = default;
};

/// What of a project (or of its baseline copy) the plan depends on besides its milestones.
struct PlanBasis {
    std::optional<Date> planned_start;
    std::optional<Date> planned_finish;
    std::optional<double> planned_quantity;
    Measure measure = Measure::quantity;
};

/// Appends the plan's points in date order. With milestones: (planned_start, 0) when the start
/// is before the first milestone, then each milestone at its cumulative planned percent — the
/// share of planned_quantity its target_quantity stands for when the project is measured by
/// quantity and every milestone has a target, else the cumulative share of weight (taken in
/// planned-date order). Without milestones: planned_start at 0 and planned_finish at 100 when
/// both exist, else nothing (no plan).
void append_plan_points(const PlanBasis& basis, std::span<const Milestone> milestones,
                        std::vector<PlanPoint>& out);

/// The plan's value on `day`: 0 before the first point, the last point's value after the last,
/// linear in between. Of points sharing a date the last counts. nullopt for an empty plan.
std::optional<double> planned_percent_at(std::span<const PlanPoint> plan, Date day);

} // namespace xj::core
