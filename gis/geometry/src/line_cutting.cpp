// Lines cut on the villages' flat arrays: each segment is cut where it crosses the rings of the
// villages whose boxes it meets (and where the line crosses itself, as GEOS nodes it), each
// piece placed by its middle, the pieces inside measured in metres. What doubles cannot decide
// is left to GEOS (village_query_geos.cpp).

#include "village_query.h"

#include <algorithm>
#include <cmath>

namespace xj::geometry {

using namespace detail;

/// The x, y pairs of each part of a 2D line; nothing for other geometries.
std::vector<std::vector<double>> VillageIndex::Query::State::line_parts(const OGRGeometry& site) {
    std::vector<std::vector<double>> parts;
    if (site.Is3D() || site.IsMeasured()) {
        return parts;
    }
    const auto add = [&](const OGRLineString& line) {
        std::vector<double>& xy =
            parts.emplace_back(2 * static_cast<std::size_t>(line.getNumPoints()));
        line.getPoints(xy.data(), 2 * sizeof(double), xy.data() + 1, 2 * sizeof(double));
    };
    const OGRwkbGeometryType type = wkbFlatten(site.getGeometryType());
    if (type == wkbLineString) {
        add(*site.toLineString());
    } else if (type == wkbMultiLineString) {
        for (const OGRLineString* line : *site.toMultiLineString()) {
            add(*line);
        }
    }
    if (std::any_of(parts.begin(), parts.end(), [](const auto& xy) { return xy.empty(); })) {
        parts.clear();
    }
    return parts;
}

/// The line surely meets no ring of village v, nor lies inside it: no segment of the line
/// can touch an edge (some orientation test puts both ends strictly on one side) and its
/// first point is outside. Anything the filter cannot decide counts as meeting.
bool VillageIndex::Query::State::apart(std::uint32_t v,
                                       const std::vector<std::vector<double>>& line) const {
    const Impl::Shape& shape = d.shapes[v];
    for (std::uint32_t p = shape.first_polygon; p < shape.first_polygon + shape.polygons; ++p) {
        for (std::uint32_t r = d.polygons[p].first_ring;
             r < d.polygons[p].first_ring + d.polygons[p].rings; ++r) {
            const double* ring = d.xy.data() + 2 * d.rings[r].first;
            for (std::uint32_t i = 0; i + 1 < d.rings[r].points; ++i) {
                const double ax = ring[2 * i], ay = ring[2 * i + 1];
                const double bx = ring[2 * i + 2], by = ring[2 * i + 3];
                for (const auto& xy : line) {
                    for (std::size_t j = 0; j + 3 < xy.size(); j += 2) {
                        if (segments_may_meet(ax, ay, bx, by, xy[j], xy[j + 1], xy[j + 2],
                                              xy[j + 3])) {
                            return false;
                        }
                    }
                }
            }
        }
    }
    return d.locate(v, line.front()[0], line.front()[1]) == Location::exterior;
}

/// Where the line crosses or touches itself, as (segment, parameter) in `nodes` (GEOS
/// nodes the line there too, and measures the pieces between). False when two segments
/// may run along each other (GEOS would dissolve the doubled stretch, counting it once)
/// or some crossing is undecided or nearly parallel: the line is then left to GEOS.
bool VillageIndex::Query::State::self_nodes(const std::vector<std::vector<double>>& line,
                                            std::vector<std::pair<std::size_t, double>>& nodes) {
    struct Segment {
        double px, py, qx, qy, min_x, max_x, min_y, max_y;
        std::size_t index, part;
    };
    std::vector<Segment> segments;
    std::size_t index = 0;
    for (std::size_t part = 0; part < line.size(); ++part) {
        const auto& xy = line[part];
        for (std::size_t j = 0; j + 3 < xy.size(); j += 2, ++index) {
            const double px = xy[j], py = xy[j + 1], qx = xy[j + 2], qy = xy[j + 3];
            if (px != qx || py != qy) {
                segments.push_back({px, py, qx, qy, std::min(px, qx), std::max(px, qx),
                                    std::min(py, qy), std::max(py, qy), index, part});
            }
        }
    }
    std::sort(segments.begin(), segments.end(),
              [](const Segment& a, const Segment& b) { return a.min_x < b.min_x; });
    for (std::size_t i = 0; i < segments.size(); ++i) {
        for (std::size_t j = i + 1; j < segments.size() && segments[j].min_x <= segments[i].max_x;
             ++j) {
            const Segment& a = segments[i].index < segments[j].index ? segments[i] : segments[j];
            const Segment& b = segments[i].index < segments[j].index ? segments[j] : segments[i];
            if (b.min_y > a.max_y || b.max_y < a.min_y) {
                continue;
            }
            const int p_side = orientation_filter(a.px, a.py, a.qx, a.qy, b.px, b.py);
            const int q_side = orientation_filter(a.px, a.py, a.qx, a.qy, b.qx, b.qy);
            // Along each other: on one line, or (nearly) parallel within rounding.
            const double ux = a.qx - a.px, uy = a.qy - a.py;
            const double wx = b.qx - b.px, wy = b.qy - b.py;
            const bool parallel =
                nearly_parallel(ux, uy, wx, wy) && nearly_on(ux, uy, b.px - a.px, b.py - a.py);
            if (parallel || ((p_side == 0 || p_side == 2) && (q_side == 0 || q_side == 2))) {
                const double tp = parameter(a.px, a.py, a.qx, a.qy, b.px, b.py);
                const double tq = parameter(a.px, a.py, a.qx, a.qy, b.qx, b.qy);
                if (std::min(1.0, std::max(tp, tq)) > std::max(0.0, std::min(tp, tq))) {
                    return false;
                }
            }
            // Consecutive segments meet at their common vertex only.
            if (a.part == b.part && b.index == a.index + 1) {
                continue;
            }
            if (p_side == 2 || q_side == 2) {
                return false;
            }
            if (p_side * q_side > 0) {
                continue;
            }
            const int a_side = orientation_filter(b.px, b.py, b.qx, b.qy, a.px, a.py);
            const int b_side = orientation_filter(b.px, b.py, b.qx, b.qy, a.qx, a.qy);
            if (a_side == 2 || b_side == 2) {
                return false;
            }
            if (a_side * b_side > 0 || (p_side == 0 && q_side == 0)) {
                continue;
            }
            double ta = 0, tb = 0;
            if (p_side == 0) {
                ta = parameter(a.px, a.py, a.qx, a.qy, b.px, b.py);
            } else if (q_side == 0) {
                ta = parameter(a.px, a.py, a.qx, a.qy, b.qx, b.qy);
                tb = 1;
            } else if (a_side == 0) {
                tb = parameter(b.px, b.py, b.qx, b.qy, a.px, a.py);
            } else if (b_side == 0) {
                ta = 1;
                tb = parameter(b.px, b.py, b.qx, b.qy, a.qx, a.qy);
            } else {
                const double rx = b.px - a.px, ry = b.py - a.py;
                const double denominator = ux * wy - uy * wx;
                if (nearly_parallel(ux, uy, wx, wy)) {
                    return false;
                }
                ta = (rx * wy - ry * wx) / denominator;
                tb = (rx * uy - ry * ux) / denominator;
            }
            nodes.emplace_back(a.index, std::clamp(ta, 0.0, 1.0));
            nodes.emplace_back(b.index, std::clamp(tb, 0.0, 1.0));
        }
    }
    std::sort(nodes.begin(), nodes.end());
    return true;
}

/// The stretches of segment p–q in village v, appended to `inside`; false when some
/// orientation cannot be decided in doubles or a crossing is too close to parallel to be
/// placed as GEOS places it.
bool VillageIndex::Query::State::segment_in(std::uint32_t v, std::size_t first, double px,
                                            double py, double qx, double qy,
                                            std::span<const std::pair<std::size_t, double>> nodes,
                                            std::vector<Inside>& inside) {
    const double min_x = std::min(px, qx), max_x = std::max(px, qx);
    const double min_y = std::min(py, qy), max_y = std::max(py, qy);
    const double ux = qx - px, uy = qy - py;
    breaks.assign({0.0, 1.0});
    for (const auto& node : nodes) {
        breaks.push_back(node.second);
    }
    spans.clear();
    // The middle of the segment, located in the same pass (all a segment needs when
    // nothing cuts it).
    const double mx = px + 0.5 * ux, my = py + 0.5 * uy;
    RayCrossings middle(mx, my);
    bool middle_decided = true;
    const Impl::Shape& shape = d.shapes[v];
    for (std::uint32_t p = shape.first_polygon; p < shape.first_polygon + shape.polygons; ++p) {
        for (std::uint32_t r = d.polygons[p].first_ring;
             r < d.polygons[p].first_ring + d.polygons[p].rings; ++r) {
            const double* ring = d.xy.data() + 2 * d.rings[r].first;
            const std::uint32_t edges = d.rings[r].points - 1;
            for (std::uint32_t c = d.chunk_start[r]; c < d.chunk_start[r + 1]; ++c) {
                const Impl::Box& box = d.chunks[c];
                if (Impl::off_ray(box, mx, my) && (box.max_x < min_x || box.min_x > max_x ||
                                                   box.max_y < min_y || box.min_y > max_y)) {
                    continue;
                }
                const std::uint32_t begin = (c - d.chunk_start[r]) * Impl::chunk_edges;
                const std::uint32_t end = std::min(edges, begin + Impl::chunk_edges);
                for (std::uint32_t i = begin; i < end; ++i) {
                    const double ax = ring[2 * i], ay = ring[2 * i + 1];
                    const double bx = ring[2 * i + 2], by = ring[2 * i + 3];
                    middle_decided = middle_decided && middle.count(ax, ay, bx, by);
                    if (std::max(ax, bx) < min_x || std::min(ax, bx) > max_x ||
                        std::max(ay, by) < min_y || std::min(ay, by) > max_y) {
                        continue;
                    }
                    const int a_side = orientation_filter(px, py, qx, qy, ax, ay);
                    const int b_side = orientation_filter(px, py, qx, qy, bx, by);
                    if (a_side == 2 || b_side == 2) {
                        return false;
                    }
                    if (a_side == 0 && b_side == 0) { // along the edge: on the boundary
                        const double ta = parameter(px, py, qx, qy, ax, ay);
                        const double tb = parameter(px, py, qx, qy, bx, by);
                        const double lo = std::max(0.0, std::min(ta, tb));
                        const double hi = std::min(1.0, std::max(ta, tb));
                        if (lo < hi) {
                            spans.emplace_back(lo, hi);
                        }
                        if (lo <= hi) {
                            breaks.push_back(lo);
                            breaks.push_back(hi);
                        }
                        continue;
                    }
                    // An edge (nearly) parallel to the segment and within rounding of it:
                    // which side the pieces lie on is not safely decided in doubles.
                    const double wx = bx - ax, wy = by - ay;
                    if (nearly_parallel(ux, uy, wx, wy) && nearly_on(ux, uy, ax - px, ay - py)) {
                        return false;
                    }
                    if (a_side * b_side > 0) {
                        continue;
                    }
                    const int p_side = orientation_filter(ax, ay, bx, by, px, py);
                    const int q_side = orientation_filter(ax, ay, bx, by, qx, qy);
                    if (p_side == 2 || q_side == 2) {
                        return false;
                    }
                    if (p_side * q_side > 0) {
                        continue;
                    }
                    double t = 0;
                    if (a_side == 0) {
                        t = parameter(px, py, qx, qy, ax, ay);
                    } else if (b_side == 0) {
                        t = parameter(px, py, qx, qy, bx, by);
                    } else if (p_side == 0) {
                        t = 0;
                    } else if (q_side == 0) {
                        t = 1;
                    } else {
                        if (nearly_parallel(ux, uy, wx, wy)) {
                            return false;
                        }
                        t = ((ax - px) * wy - (ay - py) * wx) / (ux * wy - uy * wx);
                    }
                    breaks.push_back(std::clamp(t, 0.0, 1.0));
                }
            }
        }
    }
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    if (breaks.size() == 2 && spans.empty() && middle_decided) {
        if (middle.location() != Location::exterior) {
            inside.push_back({v, first, px, py, qx, qy, 0.0, 1.0});
        }
        return true;
    }
    for (std::size_t k = 0; k + 1 < breaks.size(); ++k) {
        const double t0 = breaks[k], t1 = breaks[k + 1];
        bool in = std::any_of(spans.begin(), spans.end(), [&](const auto& span) {
            return span.first <= t0 && span.second >= t1;
        });
        if (!in) {
            const double t = 0.5 * (t0 + t1);
            in = contains(v, px + t * (qx - px), py + t * (qy - py));
        }
        if (in) {
            inside.push_back({v, first, px, py, qx, qy, t0, t1});
        }
    }
    return true;
}

/// The length of a 2D line in each village it meets, on the flat arrays: each segment is
/// cut where it crosses the rings of the villages whose boxes it meets, each piece is
/// placed by its middle (the boundary counts as inside, as in GEOS's intersection), and
/// the pieces inside are projected and measured as GEOS's pieces would be. Nothing when
/// the line is one the flat path leaves to GEOS.
std::optional<std::vector<VillageIndex::Share>>
VillageIndex::Query::State::flat_lengths(const std::vector<std::vector<double>>& line) {
    for (const auto& xy : line) {
        if (xy.size() < 4 ||
            !std::all_of(xy.begin(), xy.end(), [](double c) { return std::isfinite(c); })) {
            return std::nullopt;
        }
    }
    std::vector<std::pair<std::size_t, double>> nodes;
    if (!self_nodes(line, nodes)) {
        return std::nullopt;
    }
    std::vector<Inside> inside;
    std::size_t index = 0, vertex = 0;
    auto node = nodes.begin();
    for (const auto& xy : line) {
        for (std::size_t j = 0; j + 3 < xy.size(); j += 2, ++index) {
            const double px = xy[j], py = xy[j + 1], qx = xy[j + 2], qy = xy[j + 3];
            const auto first_node = node;
            while (node != nodes.end() && node->first == index) {
                ++node;
            }
            if (px == qx && py == qy) {
                continue;
            }
            const std::span<const std::pair<std::size_t, double>> own(first_node, node);
            for (const std::uint32_t v : candidates(std::min(px, qx), std::min(py, qy),
                                                    std::max(px, qx), std::max(py, qy))) {
                if (!segment_in(v, vertex + j / 2, px, py, qx, qy, own, inside)) {
                    return std::nullopt;
                }
            }
        }
        vertex += xy.size() / 2;
    }
    if (inside.empty()) {
        return std::vector<Share>{};
    }
    // The line's vertices and the points where pieces end inside a segment (once each),
    // projected in one call; each piece's ends, by index.
    std::vector<double> x, y;
    x.reserve(vertex + inside.size());
    y.reserve(vertex + inside.size());
    for (const auto& xy : line) {
        for (std::size_t j = 0; j + 1 < xy.size(); j += 2) {
            x.push_back(xy[j]);
            y.push_back(xy[j + 1]);
        }
    }
    struct Cut {
        std::size_t first;
        double t;
        std::size_t point;
    };
    std::vector<Cut> cuts;
    const auto point_at = [&](const Inside& piece, double t) {
        if (t == 0) {
            return piece.first;
        }
        if (t == 1) {
            return piece.first + 1;
        }
        for (auto cut = cuts.rbegin(); cut != cuts.rend() && cut->first == piece.first; ++cut) {
            if (cut->t == t) {
                return cut->point;
            }
        }
        x.push_back(piece.px + t * (piece.qx - piece.px));
        y.push_back(piece.py + t * (piece.qy - piece.py));
        cuts.push_back({piece.first, t, x.size() - 1});
        return x.size() - 1;
    };
    std::vector<std::pair<std::size_t, std::size_t>> ends;
    ends.reserve(inside.size());
    for (const Inside& piece : inside) {
        const std::size_t from = point_at(piece, piece.t0);
        ends.emplace_back(from, point_at(piece, piece.t1));
    }
    std::vector<double> z(x.size(), 0.0);
    to_metres->Transform(x.size(), x.data(), y.data(), z.data(), nullptr, nullptr);
    std::vector<std::pair<std::uint32_t, double>> lengths;
    for (std::size_t k = 0; k < inside.size(); ++k) {
        const double dx = x[ends[k].second] - x[ends[k].first];
        const double dy = y[ends[k].second] - y[ends[k].first];
        const double length = std::sqrt(dx * dx + dy * dy);
        const auto same = std::find_if(lengths.begin(), lengths.end(),
                                       [&](const auto& each) { return each.first == inside[k].v; });
        if (same == lengths.end()) {
            lengths.emplace_back(inside[k].v, length);
        } else {
            same->second += length;
        }
    }
    std::vector<Share> result;
    for (const auto& [v, length] : lengths) {
        if (length > 0) {
            result.push_back({d.codes[v], length});
        }
    }
    std::sort(result.begin(), result.end(),
              [](const Share& a, const Share& b) { return a.code < b.code; });
    return result;
}

} // namespace xj::geometry
