#include "xiangjian/core/village_exit.h"

#include "xiangjian/core/portfolio.h"

#include <algorithm>

namespace xj::core {

namespace {

/// The latest assessment of `code` on or before the day, if any (assessments are sorted by
/// indicator, then date).
const VillageIndicator* latest(std::span<const VillageIndicator> assessments,
                               const std::string& code, Date day) {
    const VillageIndicator* found = nullptr;
    for (const auto& assessment : assessments) {
        if (assessment.indicator == code && assessment.assessed_on <= day) {
            found = &assessment;
        }
    }
    return found;
}

} // namespace

VillageExit village_exit(const Portfolio& portfolio, const Evaluation& evaluation,
                         const std::string& code) {
    VillageExit village;
    village.village_code = code;
    if (const auto* unit = portfolio.admin_unit(code)) {
        village.village_name = unit->name;
    }
    const auto assessments = portfolio.village_indicators(code);
    const auto projects = portfolio.projects_in_village(code);
    for (const auto& rule : portfolio.indicator_rules()) {
        IndicatorStatus indicator;
        indicator.code = rule.code;
        indicator.label_zh = rule.label_zh;
        if (const auto* assessment = latest(assessments, rule.code, evaluation.as_of)) {
            indicator.state = assessment->met ? IndicatorState::met : IndicatorState::unmet;
            indicator.assessed_on = assessment->assessed_on;
        }
        if (indicator.state == IndicatorState::met) {
            ++village.met;
        } else {
            for (const auto p : projects) {
                const auto& status = evaluation.projects[p];
                const auto& types = rule.project_types;
                if (std::find(types.begin(), types.end(), status.project->type) != types.end()) {
                    indicator.projects.push_back({&status, status.forecast_finish});
                }
            }
        }
        village.indicators.push_back(std::move(indicator));
    }
    return village;
}

std::vector<VillageExit> village_exit(const Portfolio& portfolio, const Evaluation& evaluation) {
    std::vector<std::string> codes;
    for (const auto& unit : portfolio.admin_units()) {
        if (unit.level == AdminLevel::village) {
            codes.push_back(unit.code);
        }
    }
    for (const auto& assessment : portfolio.village_indicators()) {
        if (codes.empty() || codes.back() != assessment.village_code) {
            codes.push_back(assessment.village_code);
        }
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());

    std::vector<VillageExit> villages;
    villages.reserve(codes.size());
    for (const auto& code : codes) {
        villages.push_back(village_exit(portfolio, evaluation, code));
    }
    return villages;
}

} // namespace xj::core
