#pragma once

// Everything the progress engine reads, as one snapshot of the project database. History is
// kept whole (every report, every disbursement); the engine answers "as of" any day from it.

#include "xiangjian/core/admin_unit.h"
#include "xiangjian/core/date.h"
#include "xiangjian/core/engine_settings.h"
#include "xiangjian/core/project.h"
#include "xiangjian/core/village_indicator.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xj::core {

/// A payment made for a project (资金支付), in 万元.
struct Disbursement {
    std::string project_id;
    Date date;
    double amount_wan = 0;
    std::string note;

    friend bool operator==(const Disbursement&, const Disbursement&) = default;
};

/// The parts of a project's plan that a baseline freezes besides its milestones.
struct BaselineProject {
    std::string project_id;
    std::optional<Date> planned_start;
    std::optional<Date> planned_finish;
    std::optional<double> planned_quantity; ///< milestone targets are shares of this

    friend bool operator==(const BaselineProject&, const BaselineProject&) = default;
};

/// A frozen copy of the plan (计划基线). Re-planning changes the milestones, never a baseline,
/// so progress can still be measured against what was promised on `frozen_on`.
struct Baseline {
    std::string name;
    Date frozen_on;
    std::vector<Milestone> milestones; ///< planned dates, weights, targets; no actual dates
    std::vector<BaselineProject> projects;

    friend bool operator==(const Baseline&, const Baseline&) = default;
};

/// One item of the village exit checklist and the project types whose completion serves it.
/// Owns its strings (unlike IndicatorDefinition) because a county's checklist is data.
struct IndicatorRule {
    std::string code;
    std::string label_zh;
    std::string label_en;
    std::vector<ProjectType> project_types;

    friend bool operator==(const IndicatorRule&, const IndicatorRule&) = default;
};

/// The project types that clearly serve one of the default exit indicators: road → road,
/// water → water, housing → housing, power → pv. Other indicators get none.
std::vector<ProjectType> default_indicator_project_types(std::string_view indicator_code);

/// default_exit_indicators() with default_indicator_project_types().
std::vector<IndicatorRule> default_indicator_rules();

/// The input of Portfolio. Child records name their project by id.
struct PortfolioData {
    std::vector<Project> projects;
    std::vector<Milestone> milestones;
    std::vector<ProgressReport> reports;
    std::vector<Problem> problems;
    std::vector<SiteVisit> site_visits;
    std::vector<ProjectVillage> project_villages;
    std::vector<AdminUnit> admin_units; ///< for the names of townships, villages, the county
    std::vector<IndicatorRule> indicator_rules; ///< empty: default_indicator_rules()
    std::vector<VillageIndicator> village_indicators;
    std::vector<Disbursement> disbursements;
    std::vector<Baseline> baselines;
    EngineSettings settings;
};

} // namespace xj::core
