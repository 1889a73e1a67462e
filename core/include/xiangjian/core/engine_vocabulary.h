#pragma once

// The closed vocabularies of the progress engine, with the same stable ASCII codes and Chinese
// labels as vocabulary.h (so `code()`, `label_zh()` and `parse_term()` work on them too).

#include "xiangjian/core/vocabulary.h"

namespace xj::core {

/// Where a project stands against its plan on a day. The order is the order of precedence in
/// reverse: a project is the first of done, not_started, stalled, late, behind, on_schedule
/// that applies.
enum class ScheduleStatus { not_started, on_schedule, behind, late, stalled, done };
inline constexpr int schedule_status_count = 6;

/// Whether the recorded Stage agrees with measured progress. Only clear contradictions are
/// findings; a new start with no progress yet is normal and stays consistent.
enum class StageFinding {
    consistent,
    complete_but_unfinished, ///< stage completed/in_service, progress below 100 %
    finished_not_recorded,   ///< progress 100 %, stage still preliminary/new_start/continuing
    started_but_preliminary, ///< progress above 0, stage still preliminary
};

/// The 双过半 check: once half the planned time has passed, at least half the work must be done
/// and half the budget disbursed.
enum class DoubleOverHalf {
    not_applicable, ///< less than half the time elapsed, or no planned start/finish
    met,
    progress_short,
    disbursement_short,
    both_short,
    no_budget, ///< progress is at least half, but without a budget disbursement cannot be judged
};

/// What produced a project's percent done on a day: the latest report's cumulative quantity,
/// the latest report's percent (形象进度), the weight of the milestones reached, or nothing yet.
enum class PercentBasis { none, quantity, percent, milestones };

/// The state of one village exit indicator on a day (latest assessment on or before it).
enum class IndicatorState { met, unmet, unassessed };

/// What a roll-up groups projects by.
enum class RollupBy { project, village, township, county, type, leader, unit };

std::span<const Term<ScheduleStatus>> terms(ScheduleStatus);
std::span<const Term<StageFinding>> terms(StageFinding);
std::span<const Term<DoubleOverHalf>> terms(DoubleOverHalf);
std::span<const Term<PercentBasis>> terms(PercentBasis);
std::span<const Term<IndicatorState>> terms(IndicatorState);
std::span<const Term<RollupBy>> terms(RollupBy);

} // namespace xj::core
