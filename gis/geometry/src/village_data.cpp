#include "village_data.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace xj::geometry {

using namespace detail;

void VillageIndex::Impl::add_polygon(const OGRPolygon& polygon) {
    Polygon made{static_cast<std::uint32_t>(rings.size()), 0};
    for (const OGRLinearRing* ring : polygon) {
        const int n = ring->getNumPoints();
        if (n == 0) {
            continue;
        }
        const std::size_t first = xy.size() / 2;
        xy.resize(xy.size() + 2 * static_cast<std::size_t>(n));
        ring->getPoints(xy.data() + 2 * first, 2 * sizeof(double), xy.data() + 2 * first + 1,
                        2 * sizeof(double));
        rings.push_back({first, static_cast<std::uint32_t>(n)});
        ++made.rings;
    }
    if (made.rings > 0) {
        polygons.push_back(made);
    }
}

void VillageIndex::Impl::read_polygon(store::detail::WkbReader& reader, std::size_t dimensions) {
    const std::uint32_t ring_count = reader.u32();
    Polygon polygon{static_cast<std::uint32_t>(rings.size()), 0};
    for (std::uint32_t r = 0; r < ring_count; ++r) {
        const std::uint32_t points = reader.u32();
        const std::size_t first = xy.size() / 2;
        reader.coordinates(points, dimensions, xy);
        if (points == 0) {
            continue;
        }
        rings.push_back({first, points});
        ++polygon.rings;
    }
    if (polygon.rings > 0) {
        polygons.push_back(polygon);
    }
}

void VillageIndex::Impl::finish_shape(const std::string& code, std::uint32_t first_polygon) {
    Shape shape{first_polygon, static_cast<std::uint32_t>(polygons.size()) - first_polygon, {}};
    if (shape.polygons > 0) {
        const Polygon& last = polygons[shape.first_polygon + shape.polygons - 1];
        const Ring& first_ring = rings[polygons[shape.first_polygon].first_ring];
        const Ring& last_ring = rings[last.first_ring + last.rings - 1];
        for (std::size_t i = first_ring.first; i < last_ring.first + last_ring.points; ++i) {
            shape.box.expand(xy[2 * i], xy[2 * i + 1]);
        }
    }
    codes.push_back(code);
    shapes.push_back(shape);
    prepared = false;
}

void VillageIndex::Impl::prepare() {
    const std::lock_guard lock(prepare_mutex);
    if (prepared) {
        return;
    }
    prepared = true;
    build_chunks();
    std::vector<store::Box> boxes;
    boxes.reserve(shapes.size());
    for (const Shape& shape : shapes) {
        boxes.push_back(shape.box);
    }
    grid.build(std::move(boxes));
}

void VillageIndex::Impl::build_chunks() {
    chunk_start.assign(rings.size() + 1, 0);
    for (std::size_t r = 0; r < rings.size(); ++r) {
        const std::uint32_t edges = rings[r].points == 0 ? 0 : rings[r].points - 1;
        chunk_start[r + 1] = chunk_start[r] + (edges + chunk_edges - 1) / chunk_edges;
    }
    const auto down = [](double value) {
        const auto f = static_cast<float>(value);
        return static_cast<double>(f) > value
                   ? std::nextafter(f, -std::numeric_limits<float>::infinity())
                   : f;
    };
    const auto up = [](double value) {
        const auto f = static_cast<float>(value);
        return static_cast<double>(f) < value
                   ? std::nextafter(f, std::numeric_limits<float>::infinity())
                   : f;
    };
    chunks.clear();
    chunks.reserve(chunk_start.back());
    for (std::size_t r = 0; r < rings.size(); ++r) {
        const double* pts = xy.data() + 2 * rings[r].first;
        const std::uint32_t edges = rings[r].points == 0 ? 0 : rings[r].points - 1;
        for (std::uint32_t begin = 0; begin < edges; begin += chunk_edges) {
            const std::uint32_t end = std::min(edges, begin + chunk_edges);
            double min_x = pts[2 * begin], max_x = min_x;
            double min_y = pts[2 * begin + 1], max_y = min_y;
            for (std::uint32_t i = begin + 1; i <= end; ++i) {
                min_x = std::min(min_x, pts[2 * i]);
                max_x = std::max(max_x, pts[2 * i]);
                min_y = std::min(min_y, pts[2 * i + 1]);
                max_y = std::max(max_y, pts[2 * i + 1]);
            }
            chunks.push_back({down(min_x), down(min_y), up(max_x), up(max_y)});
        }
    }
}

detail::Location VillageIndex::Impl::locate(std::uint32_t v, double x, double y) const {
    const Shape& shape = shapes[v];
    RayCrossings crossings(x, y);
    for (std::uint32_t p = shape.first_polygon; p < shape.first_polygon + shape.polygons; ++p) {
        for (std::uint32_t r = polygons[p].first_ring;
             r < polygons[p].first_ring + polygons[p].rings; ++r) {
            const double* pts = xy.data() + 2 * rings[r].first;
            const std::uint32_t edges = rings[r].points - 1;
            for (std::uint32_t c = chunk_start[r]; c < chunk_start[r + 1]; ++c) {
                if (off_ray(chunks[c], x, y)) {
                    continue;
                }
                const std::uint32_t begin = (c - chunk_start[r]) * chunk_edges;
                const std::uint32_t end = std::min(edges, begin + chunk_edges);
                for (std::uint32_t i = begin; i < end; ++i) {
                    if (!crossings.count(pts[2 * i], pts[2 * i + 1], pts[2 * i + 2],
                                         pts[2 * i + 3])) {
                        return Location::undecided;
                    }
                }
            }
        }
    }
    return crossings.location();
}

} // namespace xj::geometry
