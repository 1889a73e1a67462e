#pragma once

// What the county sends up for review, as layers with their fields (docs/export.md lists the
// fields and their short names): villages with their indicators and roll-up progress; project
// points, lines and polygons with type, stage, status, percent, planned and done quantity,
// leader, unit and dates; the milestones, progress reports and problems as tables keyed by
// project id. All as of one day, for the whole county or one township.

#include "xiangjian/core/date.h"
#include "xiangjian/review/shapefile_layer.h"
#include "xiangjian/store/project_store.h"

#include <string>
#include <vector>

namespace xj::core {
class Portfolio;
}

namespace xj::review {

/// The layers in bundle order: 村, 项目点, 项目线, 项目面, 节点, 进度, 问题. `township_code`
/// (12 digits) keeps that township's villages and projects only; empty for all.
std::vector<LayerData> review_layers(const store::ProjectStore& store,
                                     const core::Portfolio& portfolio, core::Date as_of,
                                     const std::string& township_code = {});

} // namespace xj::review
