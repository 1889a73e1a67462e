#pragma once

// The exact-enough predicates of the villages' point-in-polygon test and line cutting: GEOS's
// orientation filter and ray-crossing rule, and the tests built on them. Each says when doubles
// cannot decide, so that the caller can ask GEOS.

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace xj::geometry::detail {

/// GEOS's orientation filter (CGAlgorithmsDD::orientationIndexFilter, after Shewchuk): the
/// side of p1→p2 that q lies on (1 left, -1 right, 0 on the line) when double arithmetic
/// decides it safely, else 2 — then GEOS falls back to double-double arithmetic, and so do
/// we, by asking GEOS.
inline int orientation_filter(double pax, double pay, double pbx, double pby, double pcx,
                              double pcy) {
    constexpr double safe_epsilon = 1e-15;
    const double detleft = (pax - pcx) * (pby - pcy);
    const double detright = (pay - pcy) * (pbx - pcx);
    const double det = detleft - detright;
    const auto sign = [](double x) { return x < 0 ? -1 : (x > 0 ? 1 : 0); };
    double detsum = 0;
    if (detleft > 0.0) {
        if (detright <= 0.0) {
            return sign(det);
        }
        detsum = detleft + detright;
    } else if (detleft < 0.0) {
        if (detright >= 0.0) {
            return sign(det);
        }
        detsum = -detleft - detright;
    } else {
        return sign(det);
    }
    const double errbound = safe_epsilon * detsum;
    if (det >= errbound || -det >= errbound) {
        return sign(det);
    }
    return 2;
}

enum class Location { exterior, interior, boundary, undecided };

/// GEOS's RayCrossingCounter over every ring of a (multi)polygon, as its prepared geometries
/// locate a point (IndexedPointInAreaLocator): on a segment is the boundary, an odd number of
/// crossings the interior.
class RayCrossings {
public:
    RayCrossings(double x, double y) : m_x(x), m_y(y) {}

    /// false when the orientation filter cannot decide (the caller asks GEOS).
    bool count(double x1, double y1, double x2, double y2) {
        if (x1 < m_x && x2 < m_x) {
            return true;
        }
        if (m_x == x2 && m_y == y2) {
            m_on_segment = true;
            return true;
        }
        if (y1 == m_y && y2 == m_y) {
            const double min_x = std::min(x1, x2);
            const double max_x = std::max(x1, x2);
            if (m_x >= min_x && m_x <= max_x) {
                m_on_segment = true;
            }
            return true;
        }
        if ((y1 > m_y && y2 <= m_y) || (y2 > m_y && y1 <= m_y)) {
            int orient = orientation_filter(x1, y1, x2, y2, m_x, m_y);
            if (orient == 2) {
                return false;
            }
            if (orient == 0) {
                m_on_segment = true;
                return true;
            }
            if (y2 < y1) {
                orient = -orient;
            }
            if (orient == 1) {
                ++m_crossings;
            }
        }
        return true;
    }

    Location location() const {
        if (m_on_segment) {
            return Location::boundary;
        }
        return m_crossings % 2 == 1 ? Location::interior : Location::exterior;
    }

private:
    double m_x, m_y;
    bool m_on_segment = false;
    std::size_t m_crossings = 0;
};

/// False only when segments a–b and p–q surely do not meet.
inline bool segments_may_meet(double ax, double ay, double bx, double by, double px, double py,
                              double qx, double qy) {
    if (std::max(ax, bx) < std::min(px, qx) || std::max(px, qx) < std::min(ax, bx) ||
        std::max(ay, by) < std::min(py, qy) || std::max(py, qy) < std::min(ay, by)) {
        return false;
    }
    const int p_side = orientation_filter(ax, ay, bx, by, px, py);
    const int q_side = orientation_filter(ax, ay, bx, by, qx, qy);
    if (p_side != 2 && q_side != 2 && p_side * q_side > 0) {
        return false;
    }
    const int a_side = orientation_filter(px, py, qx, qy, ax, ay);
    const int b_side = orientation_filter(px, py, qx, qy, bx, by);
    return !(a_side != 2 && b_side != 2 && a_side * b_side > 0);
}

/// The parameter of point (x, y), on the line through p–q, along the segment's longer axis.
inline double parameter(double px, double py, double qx, double qy, double x, double y) {
    const double dx = qx - px, dy = qy - py;
    return std::fabs(dx) >= std::fabs(dy) ? (x - px) / dx : (y - py) / dy;
}

/// Directions u and w are parallel to within 1e-9 (the sine of their angle).
inline bool nearly_parallel(double ux, double uy, double wx, double wy) {
    const double cross = ux * wy - uy * wx;
    return cross * cross < 1e-18 * (ux * ux + uy * uy) * (wx * wx + wy * wy);
}

/// Point r (relative to a point of the line of direction u) within 1e-9 of that line.
inline bool nearly_on(double ux, double uy, double rx, double ry) {
    const double cross = ux * ry - uy * rx;
    return cross * cross < 1e-18 * (ux * ux + uy * uy);
}

} // namespace xj::geometry::detail
