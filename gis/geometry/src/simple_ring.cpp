#include "xiangjian/geometry/simple_ring.h"

#include "robust_predicates.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace xj::geometry {

namespace {

struct Vertex {
    double x, y;
    bool operator==(const Vertex&) const = default;
};

/// Consecutive segments a→b and b→c meet beyond b only when b→c turns straight back along
/// a→b. A positive dot product rules that out whatever the rounding (the directions of such
/// a turn are opposite, their dot product far below zero); else the orientation filter must
/// find c off the line. False when neither decides.
bool turn_is_clean(const Vertex& a, const Vertex& b, const Vertex& c) {
    if ((b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) > 0) {
        return true; // onward, as along a border digitised with collinear points
    }
    const int side = detail::orientation_filter(a.x, a.y, b.x, b.y, c.x, c.y);
    return side == 1 || side == -1;
}

/// A segment of the ring (from vertex `index` to the next) with its box.
struct Segment {
    double min_x, max_x, min_y, max_y;
    std::size_t index;
};

} // namespace

bool surely_simple_ring(const double* xy, std::size_t count) {
    thread_local std::vector<Vertex> ring;
    ring.clear();
    for (std::size_t i = 0; i < count; ++i) {
        const Vertex v{xy[2 * i], xy[2 * i + 1]};
        if (!std::isfinite(v.x) || !std::isfinite(v.y)) {
            return false;
        }
        if (ring.empty() || !(ring.back() == v)) { // repeated points are no segments
            ring.push_back(v);
        }
    }
    if (ring.size() < 4 || !(ring.front() == ring.back())) {
        return false; // GEOS's "too few points" or an open ring: let GEOS say
    }
    const std::size_t n = ring.size() - 1; // segments, and distinct vertices in ring order
    for (std::size_t i = 0; i < n; ++i) {
        if (!turn_is_clean(ring[i], ring[i + 1], ring[(i + 2) % n])) {
            return false;
        }
    }
    thread_local std::vector<Segment> segments;
    segments.clear();
    for (std::size_t i = 0; i < n; ++i) {
        const Vertex& a = ring[i];
        const Vertex& b = ring[i + 1];
        segments.push_back(
            {std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y), i});
    }
    std::sort(segments.begin(), segments.end(),
              [](const Segment& s, const Segment& t) { return s.min_x < t.min_x; });
    // Sort and sweep: each segment meets the ones after it whose x-range starts within its own.
    for (auto s = segments.begin(); s != segments.end(); ++s) {
        for (auto t = std::next(s); t != segments.end() && t->min_x <= s->max_x; ++t) {
            if (t->max_y < s->min_y || s->max_y < t->min_y) {
                continue;
            }
            const std::size_t gap = s->index > t->index ? s->index - t->index : t->index - s->index;
            if (gap == 1 || gap == n - 1) {
                continue; // consecutive: their turn was checked above
            }
            const Vertex& a = ring[s->index];
            const Vertex& b = ring[s->index + 1];
            const Vertex& p = ring[t->index];
            const Vertex& q = ring[t->index + 1];
            if (detail::segments_may_meet(a.x, a.y, b.x, b.y, p.x, p.y, q.x, q.y)) {
                return false;
            }
        }
    }
    return true;
}

} // namespace xj::geometry
