#pragma once

// The project-day site sheet (项目日现场记录单): one A4 page per project of a leader, most
// urgent first, to print and take to the sites — a small map of the site, the milestones, the
// last reports, the open problems with owners and deadlines, and lines to write on.

#include "xiangjian/core/date.h"
#include "xiangjian/core/project_status.h"
#include "xiangjian/render/map_renderer.h"

#include <string>
#include <vector>

namespace xj::core {
class Portfolio;
}

namespace xj::render {

struct SheetRequest {
    std::string leader;
    core::Date day;                                   ///< the project day; statuses are as of it
    std::vector<const core::ProjectStatus*> projects; ///< in page order
    std::string county;                               ///< for the header; may be empty
    bool english = false;
};

/// The view of a sheet's map of `width` × `height` device units: the project's whole site with
/// a margin of a tenth of its size and at least 24 units on each side, its villages around it
/// (at least 3.6 km across). Empty (zero size) when the project has no site.
MapView site_map_view(const MapRenderer& renderer, const std::string& project_id, int width,
                      int height);

/// Writes the PDF (temporary name, then renamed). Returns the number of pages.
int write_site_sheets(const std::string& path, MapRenderer& renderer,
                      const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                      const SheetRequest& request);

} // namespace xj::render
