#include "clip.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace xj::render::detail {

namespace {

/// Liang–Barsky: the part of segment a → b inside `box` as the fractions [t0, t1] of the
/// segment; false when none of it is.
bool clip_segment(QPointF a, QPointF b, const QRectF& box, double& t0, double& t1) {
    t0 = 0;
    t1 = 1;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    // Each edge as p·t ≤ q.
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - box.left(), box.right() - a.x(), a.y() - box.top(),
                         box.bottom() - a.y()};
    for (int edge = 0; edge < 4; ++edge) {
        if (p[edge] == 0) {
            if (q[edge] < 0) {
                return false; // parallel to this edge and outside it
            }
            continue;
        }
        const double t = q[edge] / p[edge];
        if (p[edge] < 0) {
            if (t > t1) {
                return false;
            }
            t0 = std::max(t0, t);
        } else {
            if (t < t0) {
                return false;
            }
            t1 = std::min(t1, t);
        }
    }
    return true;
}

QPointF along(QPointF a, QPointF b, double t) {
    return {a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t};
}

} // namespace

void clip_polyline(const QPolygonF& line, const QRectF& box, std::vector<LineRun>& runs) {
    runs.clear();
    bool open = false; // the last run ends at the current vertex, inside the box
    double length = 0; // along the line to the current segment's start
    for (qsizetype i = 0; i + 1 < line.size(); ++i) {
        const QPointF a = line[i], b = line[i + 1];
        const double segment = std::hypot(b.x() - a.x(), b.y() - a.y());
        double t0 = 0, t1 = 0;
        if (clip_segment(a, b, box, t0, t1)) {
            if (!open || t0 > 0) {
                runs.push_back({QPolygonF{along(a, b, t0)}, length + t0 * segment});
            }
            runs.back().points.append(t1 < 1 ? along(a, b, t1) : b);
            open = t1 >= 1;
        } else {
            open = false;
        }
        length += segment;
    }
}

} // namespace xj::render::detail
