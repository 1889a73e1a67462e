#pragma once

// The village exit checklist (贫困村退出指标) as of a day: which indicators each village meets,
// and for the others, the projects that will meet them and when they are forecast to finish.

#include "xiangjian/core/date.h"
#include "xiangjian/core/engine_vocabulary.h"
#include "xiangjian/core/project_status.h"

#include <optional>
#include <string>
#include <vector>

namespace xj::core {

class Portfolio;

/// A project of the village whose type serves the indicator.
struct IndicatorProject {
    const ProjectStatus* status = nullptr; ///< points into the Evaluation
    std::optional<Date> forecast_finish;
};

struct IndicatorStatus {
    std::string code;
    std::string label_zh;
    IndicatorState state = IndicatorState::unassessed;
    std::optional<Date> assessed_on;
    /// For an indicator not met (unmet or unassessed): the village's projects of a type that
    /// serves it, by project id. Empty for a met indicator.
    std::vector<IndicatorProject> projects;
};

struct VillageExit {
    std::string village_code;
    std::string village_name; ///< empty when the village is not among the admin units
    std::vector<IndicatorStatus> indicators; ///< in checklist order
    int met = 0;
};

/// Every village of the admin units and of the assessments, by code, as of evaluation.as_of.
std::vector<VillageExit> village_exit(const Portfolio& portfolio, const Evaluation& evaluation);
/// One village's checklist, as village_exit() gives it in the list (a viewer's click).
VillageExit village_exit(const Portfolio& portfolio, const Evaluation& evaluation,
                         const std::string& village_code);

} // namespace xj::core
