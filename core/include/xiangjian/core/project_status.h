#pragma once

#include "xiangjian/core/date.h"
#include "xiangjian/core/engine_vocabulary.h"
#include "xiangjian/core/project.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace xj::core {

struct Baseline;

/// A milestone whose planned date has passed without it being reached.
struct OverdueMilestone {
    int seq = 0;
    std::string name;
    Date planned_date;
    int days_overdue = 0; ///< as_of − planned_date, at least 1
};

/// A start milestone (开工) recorded without an actual date, counted as reached on the first
/// report of progress: progress means the project started.
struct InferredMilestone {
    int seq = 0;
    std::string name;
    Date reached_on; ///< the day of the first report above 0 %
};

/// One project as of a day, computed only from what was known on that day.
/// Percents are 0–100; variance is in percentage points.
struct ProjectStatus {
    const Project* project = nullptr; ///< points into the Portfolio that evaluated it
    std::size_t index = 0;            ///< of the project in Portfolio::projects()
    Date as_of;

    double percent_done = 0;
    PercentBasis percent_basis = PercentBasis::none; ///< what percent_done comes from
    std::optional<double> done_quantity;             ///< in project->unit
    std::optional<double> planned_quantity_to_date;  ///< in project->unit
    std::optional<double> planned_percent;           ///< nullopt: the project has no plan
    std::optional<double> schedule_variance;         ///< done − planned
    std::optional<double> spi;                       ///< done / planned; nullopt if planned is 0

    std::vector<OverdueMilestone> overdue_milestones;   ///< by seq
    std::vector<InferredMilestone> inferred_milestones; ///< reached by inference, by seq
    std::optional<Date> last_report_date;
    std::optional<int> days_since_report;
    std::optional<Date> last_progress_date;
    std::optional<Date> last_visit_date;
    std::optional<Date> forecast_finish;

    ScheduleStatus status = ScheduleStatus::not_started;
    StageFinding stage_finding = StageFinding::consistent;

    std::optional<double> budget_wan;
    double disbursed_wan = 0;
    std::optional<double> disbursed_percent;    ///< of the budget; nullopt without a budget
    std::optional<double> time_elapsed_percent; ///< of planned_start → planned_finish
    DoubleOverHalf double_over_half = DoubleOverHalf::not_applicable;

    int open_problems = 0;
    int overdue_problems = 0; ///< open, with a deadline before as_of
    int closed_problems = 0;  ///< closed on or before as_of
};

/// Every project of a Portfolio as of one day, in the order of Portfolio::projects().
struct Evaluation {
    Date as_of;
    const Baseline* baseline = nullptr;
    std::vector<ProjectStatus> projects;
};

} // namespace xj::core
