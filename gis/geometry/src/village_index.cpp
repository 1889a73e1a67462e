#include "xiangjian/geometry/village_index.h"

#include "xiangjian/core/error.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/crs/transformation.h"
#include "xiangjian/geometry/geos_context.h"
#include "xiangjian/store/wkb_reader.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <geos_c.h>
#include <limits>
#include <mutex>
#include <unordered_map>

namespace xj::geometry {

namespace {

/// GEOS's orientation filter (CGAlgorithmsDD::orientationIndexFilter, after Shewchuk): the
/// side of p1→p2 that q lies on (1 left, -1 right, 0 on the line) when double arithmetic
/// decides it safely, else 2 — then GEOS falls back to double-double arithmetic, and so do
/// we, by asking GEOS.
int orientation_filter(double pax, double pay, double pbx, double pby, double pcx, double pcy) {
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

} // namespace

struct VillageIndex::Impl {
    struct Ring {
        std::size_t first; ///< index of its first point in xy (in points)
        std::uint32_t points;
    };
    struct Polygon {
        std::uint32_t first_ring, rings; ///< the shell, then the holes
    };
    struct Shape {
        std::uint32_t first_polygon, polygons;
        double min_x, min_y, max_x, max_y;
    };

    int metric_epsg = 0;
    std::vector<std::string> codes;
    std::vector<Shape> shapes;
    std::vector<Polygon> polygons;
    std::vector<Ring> rings;
    std::vector<double> xy;

    // The grid of bounding boxes (CSR: cell c holds items[cell_start[c] .. cell_start[c+1]),
    // in the order the villages were added). Built when the first query is made.
    std::mutex grid_mutex;
    bool grid_ready = false;
    double grid_x = 0, grid_y = 0, cell_w = 1, cell_h = 1;
    std::size_t columns = 0, rows = 0;
    std::vector<std::uint32_t> cell_start;
    std::vector<std::uint32_t> items;
    // The boxes of runs of `chunk_edges` edges of each ring (ring r's are chunks[chunk_start[r]
    // .. chunk_start[r+1])): a point or a segment skips the runs it cannot meet. Built with
    // the grid.
    struct Box {
        float min_x, min_y, max_x, max_y; ///< rounded outwards
    };
    static constexpr std::uint32_t chunk_edges = 32;
    std::vector<std::uint32_t> chunk_start;
    std::vector<Box> chunks;

    std::unique_ptr<VillageIndex::Query> own_query; ///< for the index's own query methods

    void finish_shape(const std::string& code, std::uint32_t first_polygon) {
        Shape shape{first_polygon,
                    static_cast<std::uint32_t>(polygons.size()) - first_polygon,
                    std::numeric_limits<double>::infinity(),
                    std::numeric_limits<double>::infinity(),
                    -std::numeric_limits<double>::infinity(),
                    -std::numeric_limits<double>::infinity()};
        if (shape.polygons > 0) {
            const Polygon& last = polygons[shape.first_polygon + shape.polygons - 1];
            const Ring& first_ring = rings[polygons[shape.first_polygon].first_ring];
            const Ring& last_ring = rings[last.first_ring + last.rings - 1];
            for (std::size_t i = first_ring.first; i < last_ring.first + last_ring.points; ++i) {
                shape.min_x = std::min(shape.min_x, xy[2 * i]);
                shape.max_x = std::max(shape.max_x, xy[2 * i]);
                shape.min_y = std::min(shape.min_y, xy[2 * i + 1]);
                shape.max_y = std::max(shape.max_y, xy[2 * i + 1]);
            }
        }
        codes.push_back(code);
        shapes.push_back(shape);
        grid_ready = false;
    }

    void read_polygon(store::detail::WkbReader& reader, std::size_t dimensions) {
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

    void build_grid() {
        const std::lock_guard lock(grid_mutex);
        if (grid_ready) {
            return;
        }
        grid_ready = true;
        build_chunks();
        cell_start.clear();
        items.clear();
        double min_x = std::numeric_limits<double>::infinity(), min_y = min_x;
        double max_x = -min_x, max_y = -min_x;
        for (const Shape& shape : shapes) {
            if (shape.polygons == 0) {
                continue;
            }
            min_x = std::min(min_x, shape.min_x);
            min_y = std::min(min_y, shape.min_y);
            max_x = std::max(max_x, shape.max_x);
            max_y = std::max(max_y, shape.max_y);
        }
        if (!(min_x <= max_x && min_y <= max_y)) {
            columns = rows = 0;
            return;
        }
        // About one village a cell.
        const double width = std::max(max_x - min_x, 1e-9);
        const double height = std::max(max_y - min_y, 1e-9);
        const double cells = std::max<double>(1, static_cast<double>(shapes.size()));
        const double side = std::sqrt(width * height / cells);
        columns = std::clamp<std::size_t>(static_cast<std::size_t>(width / side) + 1, 1, 4096);
        rows = std::clamp<std::size_t>(static_cast<std::size_t>(height / side) + 1, 1, 4096);
        grid_x = min_x;
        grid_y = min_y;
        cell_w = width / static_cast<double>(columns);
        cell_h = height / static_cast<double>(rows);

        cell_start.assign(columns * rows + 1, 0);
        for (int pass = 0; pass < 2; ++pass) {
            std::vector<std::uint32_t> fill;
            if (pass == 1) {
                for (std::size_t c = 1; c < cell_start.size(); ++c) {
                    cell_start[c] += cell_start[c - 1];
                }
                items.resize(cell_start.back());
                fill.assign(cell_start.begin(), cell_start.end() - 1);
            }
            for (std::uint32_t v = 0; v < shapes.size(); ++v) {
                const Shape& shape = shapes[v];
                if (shape.polygons == 0) {
                    continue;
                }
                const auto [c0, r0] = cell_of(shape.min_x, shape.min_y);
                const auto [c1, r1] = cell_of(shape.max_x, shape.max_y);
                for (std::size_t r = r0; r <= r1; ++r) {
                    for (std::size_t c = c0; c <= c1; ++c) {
                        if (pass == 0) {
                            ++cell_start[r * columns + c + 1];
                        } else {
                            items[fill[r * columns + c]++] = v;
                        }
                    }
                }
            }
        }
    }

    void build_chunks() {
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

    /// A run of edges the horizontal ray from (x, y) to the east cannot cross or touch, nor
    /// the point lie on.
    static bool off_ray(const Box& box, double x, double y) {
        return box.max_x < x || box.min_y > y || box.max_y < y;
    }

    std::pair<std::size_t, std::size_t> cell_of(double x, double y) const {
        const auto clamp = [](double value, std::size_t count) {
            if (!(value > 0)) {
                return std::size_t{0};
            }
            return std::min(static_cast<std::size_t>(value), count - 1);
        };
        return {clamp((x - grid_x) / cell_w, columns), clamp((y - grid_y) / cell_h, rows)};
    }

    Location locate(std::uint32_t v, double x, double y) const {
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
};

/// One thread's queries: its own GEOS context, PROJ transformation and buffers, over the
/// index's shared (and by then unchanging) arrays.
struct VillageIndex::Query::State {
    const Impl& d;
    GeosContext geos;
    GEOSContextHandle_t context = geos.handle();
    std::vector<std::uint32_t> seen; ///< query stamp per village, to list candidates once
    std::uint32_t stamp = 0;
    /// Boundaries built and prepared for the points the orientation filter cannot place.
    std::unordered_map<std::uint32_t, std::pair<GEOSGeometry*, const GEOSPreparedGeometry*>> kept;
    std::unique_ptr<OGRCoordinateTransformation> to_metres;
    int to_metres_epsg = 0;
    std::vector<double> breaks; ///< where a segment crosses a village's rings (flat path)
    std::vector<std::pair<double, double>> spans; ///< where it runs along them

    explicit State(const Impl& index) : d(index), seen(index.shapes.size(), 0) {}
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    ~State() {
        for (auto& [v, made] : kept) {
            GEOSPreparedGeom_destroy_r(context, made.second);
            GEOSGeom_destroy_r(context, made.first);
        }
    }

    /// Villages whose box meets the query box, in the order they were added.
    std::vector<std::uint32_t> candidates(double min_x, double min_y, double max_x, double max_y) {
        std::vector<std::uint32_t> result;
        if (d.columns == 0 || !(min_x <= max_x && min_y <= max_y)) {
            return result;
        }
        const auto [c0, r0] = d.cell_of(min_x, min_y);
        const auto [c1, r1] = d.cell_of(max_x, max_y);
        if (++stamp == 0) {
            std::fill(seen.begin(), seen.end(), 0);
            stamp = 1;
        }
        for (std::size_t r = r0; r <= r1; ++r) {
            for (std::size_t c = c0; c <= c1; ++c) {
                const std::size_t cell = r * d.columns + c;
                for (std::uint32_t k = d.cell_start[cell]; k < d.cell_start[cell + 1]; ++k) {
                    const std::uint32_t v = d.items[k];
                    const Impl::Shape& shape = d.shapes[v];
                    if (seen[v] != stamp && shape.min_x <= max_x && shape.max_x >= min_x &&
                        shape.min_y <= max_y && shape.max_y >= min_y) {
                        seen[v] = stamp;
                        result.push_back(v);
                    }
                }
            }
        }
        std::sort(result.begin(), result.end());
        return result;
    }

    /// The boundary of village v, prepared, kept for the next time (the rare points the
    /// orientation filter cannot place).
    const GEOSPreparedGeometry* prepared_shape(std::uint32_t v) {
        auto& [shape, prepared] = kept[v];
        if (prepared == nullptr) {
            shape = make_shape(v);
            prepared = GEOSPrepare_r(context, shape);
        }
        return prepared;
    }

    /// The boundary of village v in GEOS, built from the arrays (the caller owns it).
    GEOSGeometry* make_shape(std::uint32_t v) const {
        const Impl::Shape& shape = d.shapes[v];
        std::vector<GEOSGeometry*> parts;
        const auto fail = [&] {
            for (GEOSGeometry* part : parts) {
                GEOSGeom_destroy_r(context, part);
            }
            throw Error("GEOS cannot read the boundary of village " + d.codes[v]);
        };
        const auto ring_of = [&](const Impl::Ring& ring) -> GEOSGeometry* {
            GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(
                context, d.xy.data() + 2 * ring.first, ring.points, 0, 0);
            return sequence == nullptr ? nullptr : GEOSGeom_createLinearRing_r(context, sequence);
        };
        for (std::uint32_t p = shape.first_polygon; p < shape.first_polygon + shape.polygons; ++p) {
            GEOSGeometry* shell = ring_of(d.rings[d.polygons[p].first_ring]);
            if (shell == nullptr) {
                fail();
            }
            std::vector<GEOSGeometry*> holes;
            for (std::uint32_t r = d.polygons[p].first_ring + 1;
                 r < d.polygons[p].first_ring + d.polygons[p].rings; ++r) {
                GEOSGeometry* hole = ring_of(d.rings[r]);
                if (hole == nullptr) {
                    GEOSGeom_destroy_r(context, shell);
                    for (GEOSGeometry* made : holes) {
                        GEOSGeom_destroy_r(context, made);
                    }
                    fail();
                }
                holes.push_back(hole);
            }
            GEOSGeometry* polygon = GEOSGeom_createPolygon_r(context, shell, holes.data(),
                                                             static_cast<unsigned>(holes.size()));
            if (polygon == nullptr) {
                fail();
            }
            parts.push_back(polygon);
        }
        GEOSGeometry* multi = GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, parts.data(),
                                                          static_cast<unsigned>(parts.size()));
        if (multi == nullptr) {
            fail();
        }
        return multi;
    }

    /// The point in village v as GEOS's prepared intersects would say.
    bool contains(std::uint32_t v, double x, double y) {
        const Location location = d.locate(v, x, y);
        if (location != Location::undecided) {
            return location != Location::exterior;
        }
        const GEOSPreparedGeometry* shape = prepared_shape(v);
        GEOSGeometry* point = GEOSGeom_createPointFromXY_r(context, x, y);
        const bool result = GEOSPreparedIntersects_r(context, shape, point) == 1;
        GEOSGeom_destroy_r(context, point);
        return result;
    }

    /// A site in GEOS, built from its coordinates (2D lines and polygons) or through WKB.
    GEOSGeometry* to_geos(const OGRGeometry& geometry) const {
        const auto curve = [&](const OGRSimpleCurve& line, bool ring) -> GEOSGeometry* {
            const int n = line.getNumPoints();
            std::vector<double> x(static_cast<std::size_t>(n)), y(static_cast<std::size_t>(n));
            line.getPoints(x.data(), sizeof(double), y.data(), sizeof(double));
            GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromArrays_r(
                context, x.data(), y.data(), nullptr, nullptr, static_cast<unsigned>(n));
            if (sequence == nullptr) {
                return nullptr;
            }
            return ring ? GEOSGeom_createLinearRing_r(context, sequence)
                        : GEOSGeom_createLineString_r(context, sequence);
        };
        const auto polygon = [&](const OGRPolygon& shape) -> GEOSGeometry* {
            std::vector<GEOSGeometry*> made;
            for (const OGRLinearRing* ring : shape) {
                GEOSGeometry* one = curve(*ring, true);
                if (one == nullptr) {
                    for (GEOSGeometry* each : made) {
                        GEOSGeom_destroy_r(context, each);
                    }
                    return nullptr;
                }
                made.push_back(one);
            }
            if (made.empty()) {
                return GEOSGeom_createEmptyPolygon_r(context);
            }
            return GEOSGeom_createPolygon_r(context, made[0], made.data() + 1,
                                            static_cast<unsigned>(made.size() - 1));
        };
        const auto collection = [&](int type, const OGRGeometryCollection& parts,
                                    const auto& make) -> GEOSGeometry* {
            std::vector<GEOSGeometry*> made;
            for (const OGRGeometry* part : parts) {
                GEOSGeometry* one = make(*part);
                if (one == nullptr) {
                    for (GEOSGeometry* each : made) {
                        GEOSGeom_destroy_r(context, each);
                    }
                    return nullptr;
                }
                made.push_back(one);
            }
            return GEOSGeom_createCollection_r(context, type, made.data(),
                                               static_cast<unsigned>(made.size()));
        };
        GEOSGeometry* result = nullptr;
        if (geometry.Is3D() || geometry.IsMeasured()) {
            result = geometry.exportToGEOS(context);
        } else {
            switch (wkbFlatten(geometry.getGeometryType())) {
            case wkbLineString:
                result = curve(*geometry.toLineString(), false);
                break;
            case wkbMultiLineString:
                result = collection(
                    GEOS_MULTILINESTRING, *geometry.toGeometryCollection(),
                    [&](const OGRGeometry& part) { return curve(*part.toLineString(), false); });
                break;
            case wkbPolygon:
                result = polygon(*geometry.toPolygon());
                break;
            case wkbMultiPolygon:
                result =
                    collection(GEOS_MULTIPOLYGON, *geometry.toGeometryCollection(),
                               [&](const OGRGeometry& part) { return polygon(*part.toPolygon()); });
                break;
            default:
                result = geometry.exportToGEOS(context);
            }
        }
        if (result == nullptr) {
            throw Error("GEOS cannot read a site geometry");
        }
        return result;
    }

    /// The coordinates of a GEOS line or ring, projected to metres.
    bool projected(const GEOSGeometry* line, std::vector<double>& x, std::vector<double>& y) const {
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(context, line);
        unsigned n = 0;
        if (sequence == nullptr || GEOSCoordSeq_getSize_r(context, sequence, &n) == 0) {
            return false;
        }
        x.resize(n);
        y.resize(n);
        if (n == 0) {
            return true;
        }
        if (GEOSCoordSeq_copyToArrays_r(context, sequence, x.data(), y.data(), nullptr, nullptr) ==
            0) {
            return false;
        }
        // As OGRSimpleCurve::transform calls it: z = 0 for 2D coordinates.
        std::vector<double> z(n, 0.0);
        to_metres->Transform(static_cast<std::size_t>(n), x.data(), y.data(), z.data(), nullptr,
                             nullptr);
        return true;
    }

    /// GEOS's Length::ofLine of the projected coordinates.
    double line_length(const GEOSGeometry* line) const {
        std::vector<double> x, y;
        if (!projected(line, x, y) || x.size() <= 1) {
            return 0;
        }
        double length = 0.0;
        double x0 = x[0], y0 = y[0];
        for (std::size_t i = 1; i < x.size(); ++i) {
            const double dx = x[i] - x0;
            const double dy = y[i] - y0;
            length += std::sqrt(dx * dx + dy * dy);
            x0 = x[i];
            y0 = y[i];
        }
        return length;
    }

    /// OGR's area of a ring (OGRSimpleCurve::get_LinearArea) of the projected coordinates.
    double ring_area(const GEOSGeometry* ring) const {
        std::vector<double> x, y;
        if (!projected(ring, x, y) || x.size() < 2) {
            return 0;
        }
        const std::size_t n = x.size();
        double sum = x[0] * (y[1] - y[n - 1]);
        for (std::size_t i = 1; i < n - 1; ++i) {
            sum += x[i] * (y[i + 1] - y[i - 1]);
        }
        sum += x[n - 1] * (y[0] - y[n - 2]);
        return 0.5 * std::fabs(sum);
    }

    double polygon_area(const GEOSGeometry* polygon) const {
        const GEOSGeometry* shell = GEOSGetExteriorRing_r(context, polygon);
        if (shell == nullptr) {
            return 0;
        }
        double area = ring_area(shell);
        const int holes = GEOSGetNumInteriorRings_r(context, polygon);
        for (int i = 0; i < holes; ++i) {
            area -= ring_area(GEOSGetInteriorRingN_r(context, polygon, i));
        }
        return area;
    }

    /// GEOSLength of the part projected to metres: every line, ring and polygon boundary.
    double length_of(const GEOSGeometry* part) const {
        switch (GEOSGeomTypeId_r(context, part)) {
        case GEOS_LINESTRING:
        case GEOS_LINEARRING:
            return line_length(part);
        case GEOS_POLYGON: {
            double length = 0;
            if (const GEOSGeometry* shell = GEOSGetExteriorRing_r(context, part)) {
                length += line_length(shell);
            }
            const int holes = GEOSGetNumInteriorRings_r(context, part);
            for (int i = 0; i < holes; ++i) {
                length += line_length(GEOSGetInteriorRingN_r(context, part, i));
            }
            return length;
        }
        case GEOS_MULTILINESTRING:
        case GEOS_MULTIPOLYGON:
        case GEOS_GEOMETRYCOLLECTION: {
            double length = 0;
            const int n = GEOSGetNumGeometries_r(context, part);
            for (int i = 0; i < n; ++i) {
                length += length_of(GEOSGetGeometryN_r(context, part, i));
            }
            return length;
        }
        default:
            return 0;
        }
    }

    /// The area of the polygons of the part (one level down in a collection) in metres.
    double area_of(const GEOSGeometry* part) const {
        const int type = GEOSGeomTypeId_r(context, part);
        if (type == GEOS_POLYGON) {
            return polygon_area(part);
        }
        if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
            double sum = 0;
            const int n = GEOSGetNumGeometries_r(context, part);
            for (int i = 0; i < n; ++i) {
                const GEOSGeometry* piece = GEOSGetGeometryN_r(context, part, i);
                if (GEOSGeomTypeId_r(context, piece) == GEOS_POLYGON) {
                    sum += polygon_area(piece);
                }
            }
            return sum;
        }
        return 0;
    }

    /// The x, y pairs of each part of a 2D line; nothing for other geometries.
    static std::vector<std::vector<double>> line_parts(const OGRGeometry& site) {
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
    bool apart(std::uint32_t v, const std::vector<std::vector<double>>& line) const {
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

    /// False only when segments a–b and p–q surely do not meet.
    static bool segments_may_meet(double ax, double ay, double bx, double by, double px, double py,
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
    static double parameter(double px, double py, double qx, double qy, double x, double y) {
        const double dx = qx - px, dy = qy - py;
        return std::fabs(dx) >= std::fabs(dy) ? (x - px) / dx : (y - py) / dy;
    }

    /// Directions u and w are parallel to within 1e-9 (the sine of their angle).
    static bool nearly_parallel(double ux, double uy, double wx, double wy) {
        const double cross = ux * wy - uy * wx;
        return cross * cross < 1e-18 * (ux * ux + uy * uy) * (wx * wx + wy * wy);
    }

    /// Point r (relative to a point of the line of direction u) within 1e-9 of that line.
    static bool nearly_on(double ux, double uy, double rx, double ry) {
        const double cross = ux * ry - uy * rx;
        return cross * cross < 1e-18 * (ux * ux + uy * uy);
    }

    /// Where the line crosses or touches itself, as (segment, parameter) in `nodes` (GEOS
    /// nodes the line there too, and measures the pieces between). False when two segments
    /// may run along each other (GEOS would dissolve the doubled stretch, counting it once)
    /// or some crossing is undecided or nearly parallel: the line is then left to GEOS.
    static bool self_nodes(const std::vector<std::vector<double>>& line,
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
            for (std::size_t j = i + 1;
                 j < segments.size() && segments[j].min_x <= segments[i].max_x; ++j) {
                const Segment& a =
                    segments[i].index < segments[j].index ? segments[i] : segments[j];
                const Segment& b =
                    segments[i].index < segments[j].index ? segments[j] : segments[i];
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

    /// A stretch of segment p–q, from parameter t0 to t1, inside (or on the boundary of)
    /// village v.
    struct Inside {
        std::uint32_t v;
        std::size_t first; ///< the index of p among the line's vertices
        double px, py, qx, qy, t0, t1;
    };

    /// The stretches of segment p–q in village v, appended to `inside`; false when some
    /// orientation cannot be decided in doubles or a crossing is too close to parallel to be
    /// placed as GEOS places it.
    bool segment_in(std::uint32_t v, std::size_t first, double px, double py, double qx, double qy,
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
                        if (nearly_parallel(ux, uy, wx, wy) &&
                            nearly_on(ux, uy, ax - px, ay - py)) {
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
    std::optional<std::vector<Share>> flat_lengths(const std::vector<std::vector<double>>& line) {
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
            const auto same = std::find_if(lengths.begin(), lengths.end(), [&](const auto& each) {
                return each.first == inside[k].v;
            });
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

    std::vector<Share> shares(const OGRGeometry& site, bool area) {
        OGREnvelope box;
        site.getEnvelope(&box);
        const auto found = candidates(box.MinX, box.MinY, box.MaxX, box.MaxY);
        std::vector<Share> result;
        if (found.empty()) {
            return result;
        }
        if (!to_metres || to_metres_epsg != d.metric_epsg) {
            to_metres = crs::transformation(crs::storage_epsg, d.metric_epsg);
            to_metres_epsg = d.metric_epsg;
        }
        const std::vector<std::vector<double>> line =
            area ? std::vector<std::vector<double>>{} : line_parts(site);
        if (!line.empty()) {
            if (auto lengths = flat_lengths(line)) {
                return std::move(*lengths);
            }
        }
        GEOSGeometry* query = to_geos(site);
        try {
            for (const std::uint32_t v : found) {
                // A village the site does not meet gives an empty part, measured 0: the
                // intersection is skipped when the line is surely apart from it.
                if (!line.empty() && apart(v, line)) {
                    continue;
                }
                GEOSGeometry* shape = make_shape(v);
                GEOSGeometry* part = GEOSIntersection_r(context, shape, query);
                GEOSGeom_destroy_r(context, shape);
                if (part == nullptr) {
                    continue;
                }
                const double value = area ? area_of(part) : length_of(part);
                GEOSGeom_destroy_r(context, part);
                if (value > 0) {
                    result.push_back({d.codes[v], value});
                }
            }
        } catch (...) {
            GEOSGeom_destroy_r(context, query);
            throw;
        }
        GEOSGeom_destroy_r(context, query);
        std::sort(result.begin(), result.end(),
                  [](const Share& a, const Share& b) { return a.code < b.code; });
        return result;
    }
};

VillageIndex::VillageIndex(int projected_epsg) : m_impl(std::make_unique<Impl>()) {
    m_impl->metric_epsg = projected_epsg;
}

VillageIndex::VillageIndex(const std::vector<Village>& villages, int projected_epsg)
    : VillageIndex(projected_epsg) {
    for (const Village& village : villages) {
        add(village.code, *village.boundary);
    }
}

VillageIndex::~VillageIndex() = default;

void VillageIndex::add(const std::string& code, const OGRGeometry& boundary) {
    Impl& d = *m_impl;
    const auto first_polygon = static_cast<std::uint32_t>(d.polygons.size());
    const auto add_polygon = [&](const OGRPolygon& polygon) {
        Impl::Polygon made{static_cast<std::uint32_t>(d.rings.size()), 0};
        for (const OGRLinearRing* ring : polygon) {
            const int n = ring->getNumPoints();
            if (n == 0) {
                continue;
            }
            const std::size_t first = d.xy.size() / 2;
            d.xy.resize(d.xy.size() + 2 * static_cast<std::size_t>(n));
            ring->getPoints(d.xy.data() + 2 * first, 2 * sizeof(double),
                            d.xy.data() + 2 * first + 1, 2 * sizeof(double));
            d.rings.push_back({first, static_cast<std::uint32_t>(n)});
            ++made.rings;
        }
        if (made.rings > 0) {
            d.polygons.push_back(made);
        }
    };
    switch (wkbFlatten(boundary.getGeometryType())) {
    case wkbPolygon:
        add_polygon(*boundary.toPolygon());
        break;
    case wkbMultiPolygon:
        for (const OGRPolygon* polygon : *boundary.toMultiPolygon()) {
            add_polygon(*polygon);
        }
        break;
    default: {
        std::unique_ptr<OGRGeometry> multi(
            OGRGeometryFactory::forceToMultiPolygon(boundary.clone()));
        if (multi && wkbFlatten(multi->getGeometryType()) == wkbMultiPolygon) {
            for (const OGRPolygon* polygon : *multi->toMultiPolygon()) {
                add_polygon(*polygon);
            }
        }
    }
    }
    d.finish_shape(code, first_polygon);
}

void VillageIndex::add_wkb(const std::string& code, std::span<const unsigned char> wkb) {
    Impl& d = *m_impl;
    store::detail::WkbReader reader(wkb);
    const auto header = reader.header();
    const auto first_polygon = static_cast<std::uint32_t>(d.polygons.size());
    if (header.type == 3) {
        d.read_polygon(reader, header.dimensions);
    } else if (header.type == 6) {
        const std::uint32_t count = reader.u32();
        for (std::uint32_t i = 0; i < count; ++i) {
            const auto part = reader.header();
            if (part.type != 3) {
                throw Error("the boundary of village " + code + " is not made of polygons");
            }
            d.read_polygon(reader, part.dimensions);
        }
    } else {
        OGRGeometry* geometry = nullptr;
        if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &geometry, wkb.size()) !=
            OGRERR_NONE) {
            delete geometry;
            throw Error("the boundary of village " + code + " is not a geometry");
        }
        const std::unique_ptr<OGRGeometry> owned(geometry);
        add(code, *owned);
        return;
    }
    d.finish_shape(code, first_polygon);
}

void VillageIndex::measure_in(int projected_epsg) {
    m_impl->metric_epsg = projected_epsg;
}

std::size_t VillageIndex::size() const {
    return m_impl->codes.size();
}

VillageIndex::Query::Query(const VillageIndex& index) {
    index.m_impl->build_grid();
    m_state = std::make_unique<State>(*index.m_impl);
}

VillageIndex::Query::~Query() = default;

std::optional<std::string> VillageIndex::Query::containing(double lon, double lat) {
    State& q = *m_state;
    const Impl& d = q.d;
    if (!std::isfinite(lon) || !std::isfinite(lat)) {
        return std::nullopt; // GEOS refuses such points: they are in no village
    }
    if (d.columns == 0) {
        return std::nullopt;
    }
    // A point's candidates are those of its cell (no duplicates there, already in order).
    const auto [c, r] = d.cell_of(lon, lat);
    const std::size_t cell = r * d.columns + c;
    for (std::uint32_t k = d.cell_start[cell]; k < d.cell_start[cell + 1]; ++k) {
        const std::uint32_t v = d.items[k];
        const Impl::Shape& shape = d.shapes[v];
        if (lon < shape.min_x || lon > shape.max_x || lat < shape.min_y || lat > shape.max_y) {
            continue;
        }
        if (q.contains(v, lon, lat)) {
            return d.codes[v];
        }
    }
    return std::nullopt;
}

std::vector<VillageIndex::Share> VillageIndex::Query::along(const OGRGeometry& line) {
    return m_state->shares(line, false);
}

std::vector<VillageIndex::Share> VillageIndex::Query::under(const OGRGeometry& polygon) {
    return m_state->shares(polygon, true);
}

VillageIndex::Query& VillageIndex::own_query() const {
    if (!m_impl->own_query) {
        m_impl->own_query = std::make_unique<Query>(*this);
    }
    return *m_impl->own_query;
}

std::optional<std::string> VillageIndex::containing(double lon, double lat) const {
    return own_query().containing(lon, lat);
}

std::vector<VillageIndex::Share> VillageIndex::along(const OGRGeometry& line) const {
    return own_query().along(line);
}

std::vector<VillageIndex::Share> VillageIndex::under(const OGRGeometry& polygon) const {
    return own_query().under(polygon);
}

} // namespace xj::geometry
