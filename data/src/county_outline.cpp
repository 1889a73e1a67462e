// The demo county's outline: a star-shaped polygon stretched to its bounding box
// (county_geometry.cpp explains the method).

#include "county_generation.h"

namespace xj::demo::detail {

// ---------------------------------------------------------------------------------------------
// The outline.

/// Values of Σ a_k cos(kθ_i + φ_k) at the outline's vertex angles, a_k = scale·(0.5…1)/k.
std::vector<double> harmonic_sum(Rng& rng, int k_first, int k_last, double scale) {
    std::vector<double> values(k_outline_vertices, 0.0);
    for (int k = k_first; k <= k_last; ++k) {
        const double amplitude = scale * rng.uniform(0.5, 1.0) / k;
        const double phase = rng.uniform(0.0, 2.0 * std::numbers::pi);
        for (int i = 0; i < k_outline_vertices; ++i) {
            const double theta = 2.0 * std::numbers::pi * i / k_outline_vertices;
            values[static_cast<std::size_t>(i)] += amplitude * std::cos(k * theta + phase);
        }
    }
    return values;
}

Ring star_ring(const OutlineShape& shape, double t) {
    Ring ring;
    ring.reserve(k_outline_vertices + 1);
    for (int i = 0; i < k_outline_vertices; ++i) {
        const auto u = static_cast<std::size_t>(i);
        const double theta = 2.0 * std::numbers::pi * i / k_outline_vertices;
        const double r = std::exp(t * shape.coarse[u] + shape.detail[u]);
        ring.push_back({r * std::cos(theta), r * std::sin(theta)});
    }
    ring.push_back(ring.front());
    return ring;
}

/// Area over bounding-box area; unchanged by stretching along x or y.
double fill_ratio(const Ring& ring) {
    const Box box = box_of(ring);
    return ring_area(ring) / (box.width() * box.height());
}

/// Stretches the ring onto the frame's bounding box and snaps it to the grid.
Ring fit_to_frame(const Ring& ring, const Frame& frame) {
    const Box box = box_of(ring);
    const double sx = frame.width / box.width();
    const double sy = frame.height / box.height();
    const double mid_x = (box.min_x + box.max_x) / 2.0;
    const double mid_y = (box.min_y + box.max_y) / 2.0;
    Ring fitted;
    fitted.reserve(ring.size());
    for (const Point p : ring) {
        fitted.push_back(
            {snap(frame.centre.x + (p.x - mid_x) * sx), snap(frame.centre.y + (p.y - mid_y) * sy)});
    }
    return fitted;
}

/// Bisection on t for the wanted fill ratio; empty when this shape cannot reach it.
std::optional<double> solve_amplitude(const OutlineShape& shape, double wanted_fill) {
    const auto [low_it, high_it] = std::minmax_element(shape.coarse.begin(), shape.coarse.end());
    double high = std::log(k_max_radius_ratio) / (*high_it - *low_it);
    if (fill_ratio(star_ring(shape, high)) > wanted_fill) {
        return std::nullopt;
    }
    double low = 0.0;
    for (int i = 0; i < 60; ++i) {
        const double mid = (low + high) / 2.0;
        (fill_ratio(star_ring(shape, mid)) > wanted_fill ? low : high) = mid;
    }
    return (low + high) / 2.0;
}

bool seat_fits(const Ring& outline, const Frame& frame) {
    const double margin = k_seat_margin * std::min(frame.width, frame.height);
    return rings_contain({outline}, frame.seat) && distance_to_ring(frame.seat, outline) >= margin;
}

Ring make_outline(const Frame& frame, Rng& rng) {
    const double wanted_fill = frame.area / (frame.width * frame.height);
    OutlineShape ellipse{std::vector<double>(k_outline_vertices, 0.0),
                         std::vector<double>(k_outline_vertices, 0.0)};
    if (!(wanted_fill < fill_ratio(star_ring(ellipse, 0.0)) * 0.98)) {
        fail("the area does not fit an irregular outline in the bounding box; "
             "area_km2 must stay below about 0.77 · width_km · height_km");
    }
    for (int attempt = 0; attempt < k_outline_attempts; ++attempt) {
        OutlineShape shape{harmonic_sum(rng, 2, 7, 1.0), harmonic_sum(rng, 8, 40, 0.15)};
        const std::optional<double> t = solve_amplitude(shape, wanted_fill);
        if (!t) {
            continue;
        }
        Ring outline = fit_to_frame(star_ring(shape, *t), frame);
        if (seat_fits(outline, frame)) {
            return outline;
        }
    }
    fail("no outline of that area keeps the seat well inside; "
         "move the seat towards the centre or enlarge the area");
}

} // namespace xj::demo::detail
