#pragma once

#include "xiangjian/render/map_renderer.h"

#include <QRectF>
#include <QString>
#include <vector>

class QPainter;

namespace xj::render::detail {

/// The length of a scale bar: 1, 2 or 5 × 10ⁿ metres, the longest not over `at_most`.
double nice_scale_length(double at_most);

/// Title, legend, scale bar and north arrow. `north_deg` is the direction of true north,
/// clockwise from the top of the map (grid convergence). Returns the boxes they cover.
std::vector<QRectF> draw_furniture(QPainter& painter, const MapView& view, const ThemeData& theme,
                                   const RenderOptions& options, double north_deg,
                                   const QString& crs_name);

} // namespace xj::render::detail
