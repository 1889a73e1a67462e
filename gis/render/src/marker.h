#pragma once

#include "xiangjian/render/symbology.h"

#include <QColor>
#include <QImage>
#include <QPainterPath>

namespace xj::render::detail {

inline QColor qt_colour(const Colour& colour) {
    return {colour.r, colour.g, colour.b, colour.a};
}

/// The outline of a marker `size` across, centred on 0, 0.
QPainterPath marker_path(MarkerShape shape, double size);

/// Draws a marker: filled with the colour, a thin dark edge, a white halo that keeps it legible
/// on any village fill.
void draw_marker(class QPainter& painter, QPointF at, MarkerShape shape, const Colour& colour,
                 double size, double scale);

/// The same marker rendered once into a small image, for stamping thousands of sites quickly.
/// Its centre is at (width / 2, height / 2).
QImage marker_sprite(MarkerShape shape, const Colour& colour, double size, double scale);

} // namespace xj::render::detail
