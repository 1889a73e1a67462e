#pragma once

// The demo's progress histories. projects.csv gives each project a profile — how its year went —
// and this turns the profile into weekly Friday reports and milestone dates, so that every
// schedule status appears in the demo with a history that is consistent with itself.

#include "xiangjian/core/project.h"

#include <optional>
#include <string_view>
#include <vector>

namespace xj::demo {

enum class Profile { done, on_schedule, behind, late, stalled, not_started };
std::optional<Profile> parse_profile(std::string_view text);

/// Reports are weekly (project day is Friday) from the first Friday of the project until the
/// as-of date; a stalled project stops reporting this many days before it.
inline constexpr int stall_days = 60;

/// The reports of one project as of `as_of`, and the milestones with actual dates filled in:
/// for a quantity project, the first report whose cumulative quantity reaches the milestone's
/// target; a milestone-measured project keeps the dates recorded in milestones.csv and reports
/// the weighted share of milestones reached.
struct ProgressHistory {
    std::vector<core::ProgressReport> reports;
    std::vector<core::Milestone> milestones;
};
ProgressHistory make_progress_history(const core::Project& project, Profile profile,
                                      std::vector<core::Milestone> milestones, core::Date as_of);

using core::friday_on_or_after;

} // namespace xj::demo
