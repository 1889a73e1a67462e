#pragma once

// What the window shows for one as-of day, theme and filter: the engine's evaluation, the
// map's colours and the roll-ups. Computed on a worker thread, then shared read-only by the
// map, the tables, the roll-ups and the identify panel.

#include "map_filter.h"
#include "xiangjian/core/portfolio.h"
#include "xiangjian/core/rollup.h"
#include "xiangjian/render/theme_data.h"

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace xj::viewer {

struct Snapshot {
    core::Date as_of;
    render::Theme theme = render::Theme::progress;
    MapFilter filter;

    /// The portfolio evaluated: the session's, which outlives every snapshot the window holds.
    const core::Portfolio* portfolio = nullptr;
    core::Evaluation evaluation;
    /// Per project (as Portfolio::projects()): passes the filter.
    std::vector<char> passes;
    /// The map's colours; projects the filter leaves out are faded, villages outside a
    /// filtered township too.
    render::ThemeData theme_data;
    /// Content digests of what the village layer and the site layers draw: a layer whose
    /// digest did not change with the day is not drawn again.
    std::uint64_t village_digest = 0;
    std::uint64_t site_digest = 0;
    std::uint64_t label_digest = 0; ///< which projects are labelled (the filter fades others)
    /// Roll-ups, unfiltered: by village (the map's colours and the village table) and by the
    /// one the roll-up panel shows; the panel makes any other it is asked for.
    std::map<core::RollupBy, std::vector<core::RollupRow>> rollups;

    int passing() const;
};

/// Evaluates the portfolio as of `as_of` and prepares everything the window shows, with the
/// roll-up panel's `shown_by`.
std::shared_ptr<const Snapshot> make_snapshot(const core::Portfolio& portfolio, core::Date as_of,
                                              render::Theme theme, const MapFilter& filter,
                                              core::RollupBy shown_by = core::RollupBy::township);

} // namespace xj::viewer
