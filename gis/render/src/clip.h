#pragma once

// Lines cut to the part of the map that is drawn. Qt strokes a wide or dashed line over its whole
// length, off the image too: a township boundary that runs far beyond a county-scale window
// cost its full length in dashes and joins (QGIS clips to the extent before drawing for the
// same reason, QgsClipper).

#include <QPolygonF>
#include <QRectF>
#include <vector>

namespace xj::render::detail {

/// A piece of a polyline inside the clip box, and how far along the whole line it starts (in the
/// line's units), so that a dash pattern can go on where the whole line would have it.
struct LineRun {
    QPolygonF points;
    double starts_at = 0;
};

/// The runs of `line` inside `box`, in order; a segment that crosses the box's edge is cut at it.
/// Clears `runs` first (a caller reuses it from line to line).
void clip_polyline(const QPolygonF& line, const QRectF& box, std::vector<LineRun>& runs);

} // namespace xj::render::detail
