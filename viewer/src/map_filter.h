#pragma once

// What the user narrowed the view to (filters of the tables, a click on a roll-up row): the
// tables and the map follow the same filter, so they always agree.

#include "xiangjian/core/engine_vocabulary.h"
#include "xiangjian/core/portfolio.h"
#include "xiangjian/core/project.h"

#include <optional>
#include <string>

namespace xj::viewer {

struct MapFilter {
    std::string township_code; ///< 12 digits; empty for every township
    std::optional<core::ProjectType> type;
    std::optional<core::ScheduleStatus> status;
    std::optional<core::Stage> stage;
    std::string leader; ///< as stored
    std::string unit;   ///< responsible unit, as stored

    bool active() const {
        return !township_code.empty() || type || status || stage || !leader.empty() ||
               !unit.empty();
    }
    bool matches(const core::Project& project, const core::ProjectStatus& status_now) const {
        return (township_code.empty() || project.township_code == township_code) &&
               (!type || project.type == *type) && (!status || status_now.status == *status) &&
               (!stage || project.stage == *stage) &&
               (leader.empty() || project.leader == leader) &&
               (unit.empty() || project.responsible_unit == unit);
    }
    friend bool operator==(const MapFilter&, const MapFilter&) = default;
};

} // namespace xj::viewer
