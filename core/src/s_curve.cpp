#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/portfolio.h"

namespace xj::core {

std::vector<SCurvePoint> Portfolio::s_curve(std::string_view project_id, Date from, Date to,
                                            int step_days, const Baseline* baseline) const {
    if (step_days <= 0) {
        throw Error(
            text("S 曲线步长至少为 1 天，不能是 ", "S-curve step must be at least one day, not ") +
            std::to_string(step_days));
    }
    std::vector<std::size_t> members;
    if (!project_id.empty()) {
        const auto index = find(project_id);
        if (!index) {
            throw Error(text("S 曲线：没有项目“", "S-curve of project '") +
                        std::string{project_id} + text("”", "': no such project"));
        }
        members.push_back(*index);
    } else {
        for (std::size_t p = 0; p < m_data.projects.size(); ++p) {
            members.push_back(p);
        }
    }
    // Budget-weighted when any member has a budget: then the members without one drop out,
    // since their weight is unknown rather than zero.
    std::vector<double> weights(members.size(), 1.0);
    bool any_budget = false;
    for (const auto p : members) {
        const auto& budget = m_data.projects[p].budget_wan;
        any_budget = any_budget || (budget && *budget > 0);
    }
    if (any_budget && members.size() > 1) {
        for (std::size_t k = 0; k < members.size(); ++k) {
            const auto& budget = m_data.projects[members[k]].budget_wan;
            weights[k] = budget && *budget > 0 ? *budget : 0.0;
        }
    }

    Plans scratch;
    const auto& plans = plans_for(baseline, scratch);
    std::vector<SCurvePoint> curve;
    for (Date day = from; day <= to;) {
        double actual = 0;
        double actual_weight = 0;
        double planned = 0;
        double planned_weight = 0;
        for (std::size_t k = 0; k < members.size(); ++k) {
            if (weights[k] <= 0) {
                continue;
            }
            actual += weights[k] * percent_at(members[k], day);
            actual_weight += weights[k];
            if (const auto p = xj::core::planned_percent_at(plan_of(plans, members[k]), day)) {
                planned += weights[k] * *p;
                planned_weight += weights[k];
            }
        }
        SCurvePoint point;
        point.date = day;
        point.actual_percent = actual_weight > 0 ? actual / actual_weight : 0.0;
        if (planned_weight > 0) {
            point.planned_percent = planned / planned_weight;
        }
        curve.push_back(point);
        if (day == to) {
            break;
        }
        day = std::min(day.plus_days(step_days), to); // the last point is always `to`
    }
    return curve;
}

} // namespace xj::core
