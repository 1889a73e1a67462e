#include "xiangjian/render/display_geometry.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/crs.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <proj.h>
#include <thread>

namespace xj::render {

namespace {

constexpr const char* storage_crs = "EPSG:4490";

/// A PROJ context of its own, so that each thread can own one.
struct ProjContext {
    PJ_CONTEXT* context = proj_context_create();
    ProjContext() {
        proj_log_level(context, PJ_LOG_NONE); // failures are reported as xj::Error instead
    }
    ProjContext(const ProjContext&) = delete;
    ProjContext& operator=(const ProjContext&) = delete;
    ~ProjContext() { proj_context_destroy(context); }
};

std::string proj_message(PJ_CONTEXT* context) {
    return proj_context_errno_string(context, proj_context_errno(context));
}

} // namespace

DisplayCrs::DisplayCrs(std::string definition) : m_definition(std::move(definition)) {
    ProjContext proj;
    PJ* crs = proj_create(proj.context, m_definition.c_str());
    if (crs == nullptr) {
        throw Error(text("显示坐标系“", "display CRS '") + m_definition +
                    text("”不是 PROJ 认识的坐标系：", "' is not a CRS PROJ knows: ") +
                    proj_message(proj.context));
    }
    const PJ_TYPE type = proj_get_type(crs);
    const char* name = proj_get_name(crs);
    m_name = name != nullptr ? name : m_definition;
    proj_destroy(crs);
    if (type != PJ_TYPE_PROJECTED_CRS) {
        throw Error(text("显示坐标系“", "display CRS '") + m_definition + text("”（", "' (") +
                    m_name +
                    text("）不是投影坐标系：地图以米为单位绘制",
                         ") is not a projected CRS: a map is drawn in metres"));
    }
}

DisplayCrs DisplayCrs::gauss_kruger_at(double longitude) {
    return DisplayCrs("EPSG:" + std::to_string(crs::gauss_kruger_3deg_epsg(longitude)));
}

std::string DisplayCrs::name() const {
    return m_name;
}

struct DisplayCrs::Transform::State {
    ProjContext proj;
    PJ* operation = nullptr;
    PJ_DIRECTION direction = PJ_FWD;
    ~State() { proj_destroy(operation); }
};

DisplayCrs::Transform::Transform(const DisplayCrs& crs, bool inverse)
    : m_state(std::make_unique<State>()) {
    PJ_CONTEXT* context = m_state->proj.context;
    PJ* raw = proj_create_crs_to_crs(context, storage_crs, crs.definition().c_str(), nullptr);
    if (raw == nullptr) {
        throw Error(text("没有从 CGCS2000 到 ", "no coordinate operation from CGCS2000 to ") +
                    crs.name() + text(" 的坐标变换：", ": ") + proj_message(context));
    }
    // Traditional GIS order on both sides: longitude, then latitude; easting, then northing.
    m_state->operation = proj_normalize_for_visualization(context, raw);
    proj_destroy(raw);
    if (m_state->operation == nullptr) {
        throw Error(text("没有从 CGCS2000 到 ", "no coordinate operation from CGCS2000 to ") +
                    crs.name() + text(" 的坐标变换：", ": ") + proj_message(context));
    }
    m_state->direction = inverse ? PJ_INV : PJ_FWD;
}

DisplayCrs::Transform::~Transform() = default;

void DisplayCrs::Transform::apply(std::span<double> xy) const {
    const std::size_t n = xy.size() / 2;
    if (n == 0) {
        return;
    }
    constexpr std::size_t stride = 2 * sizeof(double);
    proj_trans_generic(m_state->operation, m_state->direction, xy.data(), stride, n, xy.data() + 1,
                       stride, n, nullptr, 0, 0, nullptr, 0, 0);
}

namespace {

Box transform_box(const DisplayCrs& crs, const Box& box, bool inverse) {
    if (box.empty()) {
        return {};
    }
    // Straight edges in one CRS are curves in the other: follow each edge at 32 points.
    constexpr int steps = 32;
    std::vector<double> xy;
    xy.reserve(8 * steps);
    for (int i = 0; i < steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        const double x = box.min_x + t * box.width();
        const double y = box.min_y + t * box.height();
        xy.insert(xy.end(), {x, box.min_y, box.max_x - t * box.width(), box.max_y, box.min_x,
                             box.max_y - t * box.height(), box.max_x, y});
    }
    DisplayCrs::Transform(crs, inverse).apply(xy);
    Box out;
    for (std::size_t i = 0; i + 1 < xy.size(); i += 2) {
        if (std::isfinite(xy[i]) && std::isfinite(xy[i + 1])) {
            out.expand(xy[i], xy[i + 1]);
        }
    }
    return out;
}

} // namespace

Box DisplayCrs::to_display(const Box& lonlat) const {
    return transform_box(*this, lonlat, false);
}

Box DisplayCrs::to_lonlat(const Box& display) const {
    return transform_box(*this, display, true);
}

// ----------------------------------------------------------------------------------------------

namespace {

/// Shapes simplified and projected by one thread, to be appended to the level's arrays.
struct Prepared {
    std::vector<std::uint32_t> shapes;
    std::vector<std::uint32_t> part_counts; ///< per shape
    std::vector<Box> boxes;                 ///< per shape, in display coordinates
    std::vector<FlatLayer::Part> parts;     ///< first_point local to xy
    std::vector<double> xy;
};

/// Douglas–Peucker over in[first, last] (x, y pairs, distances in metres after scaling by
/// kx, ky): marks the vertices to keep. Iterative, so that long rings cannot overflow the stack.
void douglas_peucker(std::span<const double> in, double kx, double ky, double tolerance,
                     std::vector<char>& keep,
                     std::vector<std::pair<std::size_t, std::size_t>>& stack) {
    const std::size_t n = in.size() / 2;
    keep.assign(n, 0);
    keep[0] = keep[n - 1] = 1;
    const double tolerance2 = tolerance * tolerance;
    stack.clear();
    stack.emplace_back(0, n - 1);
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b <= a + 1) {
            continue;
        }
        const double ax = in[2 * a] * kx, ay = in[2 * a + 1] * ky;
        const double dx = in[2 * b] * kx - ax, dy = in[2 * b + 1] * ky - ay;
        const double length2 = dx * dx + dy * dy;
        double worst = -1;
        std::size_t worst_at = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double px = in[2 * i] * kx - ax, py = in[2 * i + 1] * ky - ay;
            double d2;
            if (length2 == 0) { // a closed ring's ends: distance to the point
                d2 = px * px + py * py;
            } else {
                const double t = std::clamp((px * dx + py * dy) / length2, 0.0, 1.0);
                const double ex = px - t * dx, ey = py - t * dy;
                d2 = ex * ex + ey * ey;
            }
            if (d2 > worst) {
                worst = d2;
                worst_at = i;
            }
        }
        if (worst > tolerance2) {
            keep[worst_at] = 1;
            stack.emplace_back(a, worst_at);
            stack.emplace_back(worst_at, b);
        }
    }
}

/// The part simplified to the tolerance: first the vertices within the tolerance of the last
/// one kept go (cheap, and most of them at small scales), then Douglas–Peucker takes out the
/// wiggles narrower than the tolerance. A ring that collapses becomes its bounding box, so a
/// village smaller than a pixel still shows as a dot of its colour.
void simplify_part(const PartPoints& in, double tolerance_m, double kx, double ky, bool ring,
                   std::vector<double>& out) {
    thread_local std::vector<double> thinned;
    thread_local std::vector<char> keep;
    thread_local std::vector<std::pair<std::size_t, std::size_t>> stack;
    const std::size_t n = in.count();
    const double tol_x = tolerance_m / kx, tol_y = tolerance_m / ky;
    thinned.clear();
    thinned.push_back(in.x(0));
    thinned.push_back(in.y(0));
    double last_x = in.x(0), last_y = in.y(0);
    for (std::size_t i = 1; i + 1 < n; ++i) {
        const double x = in.x(i), y = in.y(i);
        if (std::abs(x - last_x) > tol_x || std::abs(y - last_y) > tol_y) {
            thinned.push_back(x);
            thinned.push_back(y);
            last_x = x;
            last_y = y;
        }
    }
    if (n > 1) {
        thinned.push_back(in.x(n - 1));
        thinned.push_back(in.y(n - 1));
    }
    const std::size_t start = out.size();
    if (thinned.size() >= 6) {
        douglas_peucker(thinned, kx, ky, tolerance_m, keep, stack);
        for (std::size_t i = 0; i < keep.size(); ++i) {
            if (keep[i] != 0) {
                out.push_back(thinned[2 * i]);
                out.push_back(thinned[2 * i + 1]);
            }
        }
    } else {
        out.insert(out.end(), thinned.begin(), thinned.end());
    }
    if (ring && out.size() - start < 8) {
        Box box;
        for (std::size_t i = 0; i < n; ++i) {
            box.expand(in.x(i), in.y(i));
        }
        out.resize(start);
        out.insert(out.end(), {box.min_x, box.min_y, box.max_x, box.min_y, box.max_x, box.max_y,
                               box.min_x, box.max_y, box.min_x, box.min_y});
    }
}

void prepare_range(const FlatLayer& layer, DisplayGeometry::Kind kind, const DisplayCrs& crs,
                   std::span<const std::uint32_t> shapes, double tolerance_m, Prepared& out) {
    constexpr double metres_per_degree_lat = 110574.0;
    constexpr double metres_per_degree_lon = 111320.0;
    for (const std::uint32_t index : shapes) {
        const FlatLayer::Shape& shape = layer.shape(index);
        // Longitude degrees are shortest at the shape's highest latitude and longest at its
        // lowest: the lowest gives the smaller tolerance in degrees, never more than asked.
        const double lowest = shape.box.min_y <= 0 && shape.box.max_y >= 0
                                  ? 0.0
                                  : std::min(std::abs(shape.box.min_y), std::abs(shape.box.max_y));
        const double ky = metres_per_degree_lat;
        const double kx = metres_per_degree_lon * std::cos(lowest * std::numbers::pi / 180);
        out.shapes.push_back(index);
        std::uint32_t count = 0;
        for (const FlatLayer::Part& part : layer.parts(shape)) {
            const auto first = static_cast<std::uint32_t>(out.xy.size() / 2);
            if (kind == DisplayGeometry::Kind::points || tolerance_m <= 0) {
                layer.points(part).append_to(out.xy);
            } else {
                simplify_part(layer.points(part), tolerance_m, kx, ky,
                              kind == DisplayGeometry::Kind::polygons, out.xy);
            }
            out.parts.push_back({first, static_cast<std::uint32_t>(out.xy.size() / 2) - first});
            ++count;
        }
        out.part_counts.push_back(count);
    }
    DisplayCrs::Transform(crs, false).apply(out.xy);
    out.boxes.resize(out.shapes.size());
    std::size_t part = 0;
    for (std::size_t s = 0; s < out.shapes.size(); ++s) {
        for (std::uint32_t p = 0; p < out.part_counts[s]; ++p, ++part) {
            const FlatLayer::Part& points = out.parts[part];
            for (std::uint32_t i = points.first_point; i < points.first_point + points.points;
                 ++i) {
                out.boxes[s].expand(out.xy[2 * std::size_t{i}], out.xy[2 * std::size_t{i} + 1]);
            }
        }
    }
}

} // namespace

DisplayGeometry::DisplayGeometry(const FlatLayer& layer, Kind kind, const DisplayCrs& crs)
    : m_layer(layer), m_kind(kind), m_crs(crs) {}

DisplayGeometry::~DisplayGeometry() = default;

const DisplayShapes& DisplayGeometry::prepare(std::span<const std::uint32_t> shapes,
                                              double metres_per_pixel, unsigned threads) {
    // Points are never simplified: one level serves every scale.
    const int level = m_kind == Kind::points || !(metres_per_pixel > 0)
                          ? -1000
                          : static_cast<int>(std::floor(std::log2(metres_per_pixel)));
    auto [found, added] = m_levels.try_emplace(level);
    DisplayShapes& out = found->second;
    if (added) {
        out.shapes.resize(m_layer.size());
        // Half a pixel to one pixel, as QGIS simplifies by default: finer costs projections
        // and draws nothing more.
        out.tolerance_m = level == -1000 ? 0.0 : std::ldexp(1.0, level);
        // A viewer zooming through many scales keeps the few nearest this one.
        while (m_levels.size() > 8) {
            const auto far = std::max_element(
                m_levels.begin(), m_levels.end(), [&](const auto& a, const auto& b) {
                    return std::abs(a.first - level) < std::abs(b.first - level);
                });
            m_levels.erase(far);
        }
    }
    std::vector<std::uint32_t> missing;
    for (const std::uint32_t shape : shapes) {
        if (!out.shapes[shape].ready) {
            missing.push_back(shape);
        }
    }
    if (missing.empty()) {
        return out;
    }
    // Small jobs are not worth a thread.
    const std::size_t workers =
        std::clamp<std::size_t>(std::min<std::size_t>(threads, missing.size() / 256), 1, 16);
    std::vector<Prepared> prepared(workers);
    const std::size_t chunk = (missing.size() + workers - 1) / workers;
    const auto run = [&](std::size_t w) {
        const std::size_t begin = std::min(missing.size(), w * chunk);
        const std::size_t end = std::min(missing.size(), begin + chunk);
        prepare_range(m_layer, m_kind, m_crs, std::span(missing).subspan(begin, end - begin),
                      out.tolerance_m, prepared[w]);
    };
    {
        std::vector<std::jthread> pool;
        for (std::size_t w = 1; w < workers; ++w) {
            pool.emplace_back(run, w);
        }
        run(0);
    }
    for (const Prepared& part : prepared) {
        const auto point_base = static_cast<std::uint32_t>(out.xy.size() / 2);
        out.xy.insert(out.xy.end(), part.xy.begin(), part.xy.end());
        std::size_t next_part = 0;
        for (std::size_t s = 0; s < part.shapes.size(); ++s) {
            DisplayShapes::Shape& shape = out.shapes[part.shapes[s]];
            shape.first_part = static_cast<std::uint32_t>(out.parts.size());
            shape.parts = part.part_counts[s];
            shape.ready = true;
            shape.box = part.boxes[s];
            for (std::uint32_t p = 0; p < shape.parts; ++p, ++next_part) {
                FlatLayer::Part moved = part.parts[next_part];
                moved.first_point += point_base;
                out.parts.push_back(moved);
            }
        }
    }
    return out;
}

} // namespace xj::render
