#include "xiangjian/core/plan_curve.h"

#include <algorithm>
#include <numeric>

namespace xj::core {

void append_plan_points(const PlanBasis& basis, std::span<const Milestone> milestones,
                        std::vector<PlanPoint>& out) {
    if (milestones.empty()) {
        if (basis.planned_start && basis.planned_finish) {
            out.push_back({*basis.planned_start, 0.0});
            out.push_back({std::max(*basis.planned_start, *basis.planned_finish), 100.0});
        }
        return;
    }

    // Milestones come by seq; the curve needs them by date (seq breaks ties).
    std::vector<const Milestone*> ordered;
    ordered.reserve(milestones.size());
    for (const auto& milestone : milestones) {
        ordered.push_back(&milestone);
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const Milestone* a, const Milestone* b) {
        return a->planned_date != b->planned_date ? a->planned_date < b->planned_date
                                                  : a->seq < b->seq;
    });

    const bool by_target = basis.measure == Measure::quantity && basis.planned_quantity &&
                           *basis.planned_quantity > 0 &&
                           std::all_of(ordered.begin(), ordered.end(), [](const Milestone* m) {
                               return m->target_quantity.has_value();
                           });
    double total_weight = 0;
    for (const auto* milestone : ordered) {
        total_weight += std::max(0.0, milestone->weight);
    }
    // All weights zero would make every share 0/0: count the milestones equally instead.
    const bool equal_weights = total_weight <= 0;
    if (equal_weights) {
        total_weight = static_cast<double>(ordered.size());
    }

    if (basis.planned_start && *basis.planned_start < ordered.front()->planned_date) {
        out.push_back({*basis.planned_start, 0.0});
    }
    double cumulative_weight = 0;
    double previous = 0;
    for (const auto* milestone : ordered) {
        cumulative_weight += equal_weights ? 1.0 : std::max(0.0, milestone->weight);
        double percent = by_target ? *milestone->target_quantity / *basis.planned_quantity * 100.0
                                   : cumulative_weight / total_weight * 100.0;
        // A plan never asks for less than it asked before (targets out of order are typos).
        percent = std::clamp(std::max(percent, previous), 0.0, 100.0);
        out.push_back({milestone->planned_date, percent});
        previous = percent;
    }
}

std::optional<double> planned_percent_at(std::span<const PlanPoint> plan, Date day) {
    if (plan.empty()) {
        return std::nullopt;
    }
    // The first point after `day`; the one before it is the last point on or before `day`.
    const auto after = std::upper_bound(plan.begin(), plan.end(), day,
                                        [](Date d, const PlanPoint& p) { return d < p.date; });
    if (after == plan.begin()) {
        return 0.0;
    }
    const auto& from = *(after - 1);
    if (after == plan.end()) {
        return from.percent;
    }
    const double span = days_between(from.date, after->date);
    return from.percent + (after->percent - from.percent) * days_between(from.date, day) / span;
}

} // namespace xj::core
