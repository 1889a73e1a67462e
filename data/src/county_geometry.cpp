// Generated county geometry
// =========================
//
// No openly licensed boundaries exist for the demo county, so its outline, townships and
// villages are invented at the county's real place and size. The method:
//
// 1. Work in metres in the CGCS2000 3-degree Gauss–Krüger zone of the bounding-box centre
//    (EPSG:4534–4554, PROJ through OGRCoordinateTransformation, traditional GIS axis order on
//    both sides so x is easting / longitude).
// 2. Outline: a star-shaped polygon of 540 vertices, a circle whose radius is modulated as
//    r(θ) = exp(t · Σ a_k cos(kθ + φ_k) + detail(θ)), k = 2..7 with random a_k ∝ 1/k and
//    phases, the detail being small k = 8..40 terms for a ragged edge. The exponential keeps
//    r > 0 for any amplitude, so the polygon is always simple. The shape is then stretched
//    along x and y (into an irregular ellipse) to fill the requested bounding box exactly.
//    Stretching keeps the ratio area / box area, so t is found by bisection to make that ratio
//    equal area / (width · height), which makes the area right too. A real county fills only
//    about half its box, which takes lobes with a radius ratio of 3–5, not small ripples.
//    Fresh harmonics are drawn until the seat lies well inside (8 % of the shorter side).
// 3. Townships: a jittered grid of about 1,600 points inside the outline is turned into fine
//    Voronoi cells. Each fine cell goes to the township with the smallest power distance
//    |p − s_i|² − w_i. The seat township's seed s_i sits on the seat; the others start spread
//    by best-candidate sampling and move to their region's centroid (Lloyd), while the weights
//    w_i grow or shrink until each township's area is proportional to its village count
//    (a capacity-constrained power diagram). The jagged cell edges read like natural
//    boundaries.
// 4. Villages: inside each township exactly N points (N = its village count) are placed by
//    best-candidate (Mitchell) sampling, then evened out by three rounds of Lloyd's relaxation
//    on random samples; their Voronoi edges are clipped to the township.
// 5. Contiguity: the cells are labelled faces of one planar arrangement. Every part of a unit
//    other than its largest (for the seat township: the one holding the seat) is handed to the
//    neighbour, within the same township for villages, that shares the longest boundary with
//    it, until every unit is one connected polygon.
// 6. Exact tiling: all linework of a level is noded in a single union and polygonized, so
//    neighbouring faces share exactly the same vertices. The final level (township boundaries
//    plus all village edges) is noded by snap-rounding on a 1 cm grid, so every output vertex
//    lies on that grid. Every village is the coverage union of its faces, every township the
//    union of its villages' faces and the county the union of all faces: no gaps, no overlaps.
// 7. Every vertex is transformed on its own to EPSG:4490 (longitude, latitude) at the end;
//    shared vertices transform identically, so the tiling survives.
//
// Determinism: std::mt19937_64 seeded from the spec (its output sequence is fixed by the C++
// standard), raw 64-bit outputs mapped to doubles by hand (the standard distributions differ
// between libraries), ordered containers only and ties broken by index. The same spec then
// gives bit-identical output for the same GEOS and PROJ versions; the 1 cm grid also absorbs
// last-bit differences in the maths library. (GEOS 3.11's snap-rounding shuffles its hot pixels
// with std::random_device, but only to balance a k-d tree: repeated runs and processes give
// identical output.)

#include "xiangjian/demo/county_geometry.h"

#include "xiangjian/core/error.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/crs/transformation.h"
#include "xiangjian/geometry/geos_context.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <geos_c.h>
#include <limits>
#include <map>
#include <numbers>
#include <ogr_spatialref.h>
#include <optional>
#include <random>
#include <set>
#include <string_view>
#include <utility>

namespace xj::demo {

namespace {

constexpr double k_grid = 0.01;             // metres; the output vertices lie on this grid
constexpr int k_outline_vertices = 540;     // about 300 m apart on a county this size
constexpr int k_outline_attempts = 64;      // fresh harmonics until the seat fits
constexpr double k_max_radius_ratio = 6.0;  // beyond this the outline looks like a starfish
constexpr double k_seat_margin = 0.08;      // seat to outline, share of the shorter side
constexpr int k_fine_cells = 1600;          // resolution of township boundaries
constexpr int k_power_iterations = 120;     // weight updates towards the target areas
constexpr int k_lloyd_iterations = 60;      // of those, the first ones also move seeds
constexpr int k_best_candidates = 12;       // Mitchell's sampling: candidates per point
constexpr int k_rejection_limit = 100000;   // random points tried before giving up
constexpr std::size_t k_relax_samples = 40; // per village, for Lloyd's relaxation
constexpr int k_relax_rounds = 3;           // few: villages should stay somewhat uneven
constexpr std::string_view k_what = "county geometry: ";

[[noreturn]] void fail(const std::string& message) {
    throw Error(std::string(k_what) + message);
}

// ---------------------------------------------------------------------------------------------
// Randomness: the engine's sequence is fixed by the standard, the mapping to doubles by us.

class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}

    /// Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    std::size_t index(std::size_t count) {
        const auto i = static_cast<std::size_t>(uniform() * static_cast<double>(count));
        return std::min(i, count - 1);
    }

private:
    std::mt19937_64 m_engine;
};

// ---------------------------------------------------------------------------------------------
// Plain planar geometry in projected metres.

struct Point {
    double x = 0.0;
    double y = 0.0;
};

double squared_distance(Point a, Point b) {
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    return dx * dx + dy * dy;
}

struct Box {
    double min_x = std::numeric_limits<double>::max();
    double min_y = std::numeric_limits<double>::max();
    double max_x = std::numeric_limits<double>::lowest();
    double max_y = std::numeric_limits<double>::lowest();

    void extend(Point p) {
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    bool contains(Point p) const {
        return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y;
    }
};

using Ring = std::vector<Point>; // closed: the last point repeats the first

Box box_of(const Ring& ring) {
    Box box;
    for (const Point p : ring) {
        box.extend(p);
    }
    return box;
}

/// Shoelace sums around the first vertex, so large false eastings do not eat the precision.
struct RingMoments {
    double area = 0.0; // signed, counter-clockwise positive
    double cx = 0.0;   // area-weighted centroid sums, relative to origin
    double cy = 0.0;
    Point origin;
};

RingMoments moments_of(const Ring& ring) {
    RingMoments m;
    if (ring.empty()) {
        return m;
    }
    m.origin = ring.front();
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const double x0 = ring[i].x - m.origin.x;
        const double y0 = ring[i].y - m.origin.y;
        const double x1 = ring[i + 1].x - m.origin.x;
        const double y1 = ring[i + 1].y - m.origin.y;
        const double cross = x0 * y1 - x1 * y0;
        m.area += cross;
        m.cx += (x0 + x1) * cross;
        m.cy += (y0 + y1) * cross;
    }
    m.area /= 2.0;
    return m;
}

double ring_area(const Ring& ring) {
    return std::abs(moments_of(ring).area);
}

/// Even–odd crossing test over all rings of a polygon.
bool rings_contain(const std::vector<Ring>& rings, Point p) {
    bool inside = false;
    for (const Ring& ring : rings) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const Point a = ring[i];
            const Point b = ring[i + 1];
            if ((a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)) {
                inside = !inside;
            }
        }
    }
    return inside;
}

double distance_to_segment(Point p, Point a, Point b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    double t = length2 > 0.0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::sqrt(squared_distance(p, Point{a.x + t * dx, a.y + t * dy}));
}

double distance_to_ring(Point p, const Ring& ring) {
    double best = std::numeric_limits<double>::max();
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        best = std::min(best, distance_to_segment(p, ring[i], ring[i + 1]));
    }
    return best;
}

/// Rounds like GEOS's fixed precision model (half up), so snapping twice changes nothing.
double snap(double value) {
    return std::floor(value / k_grid + 0.5) * k_grid;
}

// ---------------------------------------------------------------------------------------------
// GEOS with RAII: one reentrant context per generation, NULL returns become xj::Error.

/// One reentrant GEOS context per generation; NULL returns become xj::Error.
using Geos = geometry::GeosContext;

struct GeomDeleter {
    GEOSContextHandle_t handle = nullptr;
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(handle, g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t handle = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const { GEOSPreparedGeom_destroy_r(handle, g); }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

GeomPtr own(const Geos& geos, GEOSGeometry* g, const char* operation) {
    return GeomPtr(geos.check(g, operation), GeomDeleter{geos.handle()});
}

GeomPtr clone(const Geos& geos, const GEOSGeometry* g) {
    return own(geos, GEOSGeom_clone_r(geos.handle(), g), "clone");
}

GeomPtr make_point(const Geos& geos, Point p) {
    return own(geos, GEOSGeom_createPointFromXY_r(geos.handle(), p.x, p.y), "point");
}

/// Takes ownership of the parts, as GEOS does.
GeomPtr make_collection(const Geos& geos, int type, std::vector<GeomPtr> parts) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (GeomPtr& part : parts) {
        raw.push_back(part.release());
    }
    GEOSGeometry* result = GEOSGeom_createCollection_r(geos.handle(), type, raw.data(),
                                                       static_cast<unsigned>(raw.size()));
    if (result == nullptr) {
        for (GEOSGeometry* g : raw) {
            GEOSGeom_destroy_r(geos.handle(), g);
        }
    }
    return own(geos, result, "collection");
}

GeomPtr make_polygon(const Geos& geos, const Ring& ring) {
    GEOSCoordSequence* seq = geos.check(
        GEOSCoordSeq_create_r(geos.handle(), static_cast<unsigned>(ring.size()), 2), "coords");
    for (std::size_t i = 0; i < ring.size(); ++i) {
        GEOSCoordSeq_setXY_r(geos.handle(), seq, static_cast<unsigned>(i), ring[i].x, ring[i].y);
    }
    GEOSGeometry* shell = GEOSGeom_createLinearRing_r(geos.handle(), seq);
    if (shell == nullptr) {
        GEOSCoordSeq_destroy_r(geos.handle(), seq);
        geos.raise("ring");
    }
    GEOSGeometry* polygon = GEOSGeom_createPolygon_r(geos.handle(), shell, nullptr, 0);
    if (polygon == nullptr) {
        GEOSGeom_destroy_r(geos.handle(), shell);
    }
    return own(geos, polygon, "polygon");
}

Ring ring_of(const Geos& geos, const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq =
        geos.check(GEOSGeom_getCoordSeq_r(geos.handle(), ring), "ring coordinates");
    unsigned size = 0;
    if (GEOSCoordSeq_getSize_r(geos.handle(), seq, &size) == 0) {
        geos.raise("coordinate count");
    }
    Ring result(size);
    for (unsigned i = 0; i < size; ++i) {
        GEOSCoordSeq_getXY_r(geos.handle(), seq, i, &result[i].x, &result[i].y);
    }
    return result;
}

/// Exterior ring first, then the holes.
std::vector<Ring> rings_of(const Geos& geos, const GEOSGeometry* polygon) {
    std::vector<Ring> rings;
    rings.push_back(
        ring_of(geos, geos.check(GEOSGetExteriorRing_r(geos.handle(), polygon), "exterior ring")));
    const int holes = GEOSGetNumInteriorRings_r(geos.handle(), polygon);
    for (int i = 0; i < holes; ++i) {
        rings.push_back(
            ring_of(geos, geos.check(GEOSGetInteriorRingN_r(geos.handle(), polygon, i), "hole")));
    }
    return rings;
}

/// A polygon with a prepared copy for fast point-in-polygon tests.
class Region {
public:
    Region(const Geos& geos, GeomPtr polygon)
        : m_geos(&geos), m_polygon(std::move(polygon)),
          m_prepared(geos.check(GEOSPrepare_r(geos.handle(), m_polygon.get()), "prepare"),
                     PreparedDeleter{geos.handle()}),
          m_box(box_of(rings_of(geos, m_polygon.get()).front())) {}

    const GEOSGeometry* polygon() const { return m_polygon.get(); }
    const Box& box() const { return m_box; }
    bool contains(Point p) const {
        if (!m_box.contains(p)) {
            return false;
        }
        const GeomPtr point = make_point(*m_geos, p);
        return m_geos->predicate(
            GEOSPreparedContains_r(m_geos->handle(), m_prepared.get(), point.get()), "contains");
    }

private:
    const Geos* m_geos;
    GeomPtr m_polygon;
    PreparedPtr m_prepared;
    Box m_box;
};

// ---------------------------------------------------------------------------------------------
// Gauss–Krüger projection through OGR / PROJ.

struct SrsReleaser {
    void operator()(OGRSpatialReference* srs) const { srs->Release(); }
};
using SrsPtr = std::unique_ptr<OGRSpatialReference, SrsReleaser>;

/// Reference counted, because every output geometry holds on to it.
SrsPtr make_srs(int epsg) {
    return SrsPtr(new OGRSpatialReference(crs::srs_from_epsg(epsg)));
}

class GkProjection {
public:
    explicit GkProjection(double centre_lon)
        : m_geographic(make_srs(crs::storage_epsg)),
          m_forward(
              crs::transformation(crs::storage_epsg, crs::gauss_kruger_3deg_epsg(centre_lon))),
          m_inverse(
              crs::transformation(crs::gauss_kruger_3deg_epsg(centre_lon), crs::storage_epsg)) {}

    OGRSpatialReference* geographic() const { return m_geographic.get(); }

    Point forward(double lon, double lat) const {
        Point p{lon, lat};
        if (!m_forward->Transform(1, &p.x, &p.y)) {
            fail("cannot project " + std::to_string(lon) + ", " + std::to_string(lat));
        }
        return p;
    }

    /// Projected metres to longitude / latitude, in place.
    void inverse(std::vector<double>& x, std::vector<double>& y) const {
        if (!m_inverse->Transform(x.size(), x.data(), y.data())) {
            fail("cannot transform generated vertices to EPSG:4490");
        }
    }

private:
    SrsPtr m_geographic;
    std::unique_ptr<OGRCoordinateTransformation> m_forward;
    std::unique_ptr<OGRCoordinateTransformation> m_inverse;
};

// ---------------------------------------------------------------------------------------------
// The outline.

struct Frame {
    Point centre; // of the bounding box
    Point seat;
    double width = 0.0;
    double height = 0.0;
    double area = 0.0; // m²
};

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

struct OutlineShape {
    std::vector<double> coarse; // scaled by t
    std::vector<double> detail; // fixed ragged edge
};

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

// ---------------------------------------------------------------------------------------------
// Planar arrangements: noded linework, polygonized into faces that share exact vertices.

struct Face {
    GeomPtr polygon;
    std::vector<Ring> rings; // exterior first
    Box box;
    double area = 0.0;
    Point centroid;
};

Face make_face(const Geos& geos, GeomPtr polygon) {
    Face face;
    face.rings = rings_of(geos, polygon.get());
    face.box = box_of(face.rings.front());
    Point moment;
    for (std::size_t i = 0; i < face.rings.size(); ++i) {
        const RingMoments m = moments_of(face.rings[i]);
        // Holes subtract whatever way round GEOS happened to orient each ring.
        const double sign = (i == 0 ? 1.0 : -1.0) * (m.area >= 0.0 ? 1.0 : -1.0);
        face.area += sign * m.area;
        moment.x += sign * (m.cx / 6.0 + m.area * m.origin.x);
        moment.y += sign * (m.cy / 6.0 + m.area * m.origin.y);
    }
    face.centroid = face.area > 0.0 ? Point{moment.x / face.area, moment.y / face.area}
                                    : face.rings.front().front();
    face.polygon = std::move(polygon);
    return face;
}

GeomPtr voronoi_edges(const Geos& geos, const std::vector<Point>& sites,
                      const GEOSGeometry* extent) {
    std::vector<GeomPtr> points;
    points.reserve(sites.size());
    for (const Point p : sites) {
        points.push_back(make_point(geos, p));
    }
    const GeomPtr multipoint = make_collection(geos, GEOS_MULTIPOINT, std::move(points));
    return own(geos, GEOSVoronoiDiagram_r(geos.handle(), multipoint.get(), extent, 0.0, 1),
               "Voronoi diagram");
}

/// Voronoi edges of the sites, cut to the polygon, plus the polygon's boundary. The cut is left
/// in floating point: the noding in polygonize() decides the final vertices.
void add_cell_linework(const Geos& geos, const std::vector<Point>& sites,
                       const GEOSGeometry* polygon, std::vector<GeomPtr>& linework) {
    linework.push_back(own(geos, GEOSBoundary_r(geos.handle(), polygon), "boundary"));
    if (sites.size() < 2) {
        return;
    }
    const GeomPtr edges = voronoi_edges(geos, sites, polygon);
    linework.push_back(own(geos, GEOSIntersection_r(geos.handle(), edges.get(), polygon), "clip"));
}

enum class Noding {
    /// Fast; enough where the faces are only an intermediate (GEOS 3.11 snap-rounding seeds
    /// std::random_device once per input line, which costs ~10 µs per Voronoi edge).
    floating,
    /// Snap-rounding on the 1 cm grid: robust, and every output vertex lies on the grid.
    grid,
};

/// Nodes all linework in one union, so faces sharing an edge get identical vertices.
std::vector<Face> polygonize(const Geos& geos, std::vector<GeomPtr> linework, Noding noding) {
    const GeomPtr all = make_collection(geos, GEOS_GEOMETRYCOLLECTION, std::move(linework));
    const GeomPtr noded =
        own(geos,
            noding == Noding::grid ? GEOSUnaryUnionPrec_r(geos.handle(), all.get(), k_grid)
                                   : GEOSUnaryUnion_r(geos.handle(), all.get()),
            "noding");
    const GEOSGeometry* inputs[] = {noded.get()};
    const GeomPtr polygons = own(geos, GEOSPolygonize_r(geos.handle(), inputs, 1), "polygonize");
    const int count = GEOSGetNumGeometries_r(geos.handle(), polygons.get());
    std::vector<Face> faces;
    faces.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry* part =
            geos.check(GEOSGetGeometryN_r(geos.handle(), polygons.get(), i), "face");
        faces.push_back(make_face(geos, clone(geos, part)));
    }
    return faces;
}

/// For each face: neighbouring face → length of the boundary they share. Faces of one
/// arrangement share identical segments, so matching segment keys finds the neighbours.
using Adjacency = std::vector<std::map<int, double>>;

Adjacency face_adjacency(const std::vector<Face>& faces) {
    using SegmentKey = std::array<double, 4>;
    std::map<SegmentKey, int> first_face;
    Adjacency adjacency(faces.size());
    for (std::size_t f = 0; f < faces.size(); ++f) {
        for (const Ring& ring : faces[f].rings) {
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                Point a = ring[i];
                Point b = ring[i + 1];
                if (std::pair(b.x, b.y) < std::pair(a.x, a.y)) {
                    std::swap(a, b);
                }
                const auto [it, inserted] =
                    first_face.try_emplace(SegmentKey{a.x, a.y, b.x, b.y}, static_cast<int>(f));
                if (inserted || it->second == static_cast<int>(f)) {
                    continue;
                }
                const double length = std::sqrt(squared_distance(a, b));
                adjacency[f][it->second] += length;
                adjacency[static_cast<std::size_t>(it->second)][static_cast<int>(f)] += length;
            }
        }
    }
    return adjacency;
}

int face_containing(const std::vector<Face>& faces, Point p) {
    for (std::size_t f = 0; f < faces.size(); ++f) {
        if (faces[f].box.contains(p) && rings_contain(faces[f].rings, p)) {
            return static_cast<int>(f);
        }
    }
    fail("the seat lies outside the generated outline");
}

GeomPtr coverage_union(const Geos& geos, const std::vector<Face>& faces,
                       const std::vector<int>& members) {
    std::vector<GeomPtr> parts;
    parts.reserve(members.size());
    for (const int f : members) {
        parts.push_back(clone(geos, faces[static_cast<std::size_t>(f)].polygon.get()));
    }
    const GeomPtr collection = make_collection(geos, GEOS_MULTIPOLYGON, std::move(parts));
    GeomPtr merged = own(geos, GEOSCoverageUnion_r(geos.handle(), collection.get()), "union");
    if (GEOSGeomTypeId_r(geos.handle(), merged.get()) == GEOS_POLYGON) {
        return merged;
    }
    if (GEOSGetNumGeometries_r(geos.handle(), merged.get()) == 1) {
        return clone(geos, GEOSGetGeometryN_r(geos.handle(), merged.get(), 0));
    }
    fail("a generated unit fell apart into several polygons");
}

// ---------------------------------------------------------------------------------------------
// Contiguity: every label ends up as one edge-connected group of faces.

struct Component {
    int label = 0;
    std::vector<int> faces;
    double area = 0.0;
};

std::vector<Component> components_of(const std::vector<int>& labels, const std::vector<Face>& faces,
                                     const Adjacency& adjacency) {
    std::vector<Component> components;
    std::vector<bool> seen(labels.size(), false);
    for (std::size_t start = 0; start < labels.size(); ++start) {
        if (seen[start]) {
            continue;
        }
        Component component{labels[start], {}, 0.0};
        std::vector<int> stack{static_cast<int>(start)};
        seen[start] = true;
        while (!stack.empty()) {
            const int f = stack.back();
            stack.pop_back();
            component.faces.push_back(f);
            component.area += faces[static_cast<std::size_t>(f)].area;
            for (const auto& [g, length] : adjacency[static_cast<std::size_t>(f)]) {
                const auto ug = static_cast<std::size_t>(g);
                if (!seen[ug] && labels[ug] == component.label && length > 0.0) {
                    seen[ug] = true;
                    stack.push_back(g);
                }
            }
        }
        components.push_back(std::move(component));
    }
    return components;
}

/// The label sharing the longest boundary with the component, among those it may join.
int best_neighbour_label(const Component& component, const std::vector<int>& labels,
                         const Adjacency& adjacency,
                         const std::function<bool(int, int)>& may_join) {
    std::map<int, double> shared;
    for (const int f : component.faces) {
        for (const auto& [g, length] : adjacency[static_cast<std::size_t>(f)]) {
            const int other = labels[static_cast<std::size_t>(g)];
            if (other != component.label && may_join(component.label, other)) {
                shared[other] += length;
            }
        }
    }
    int best = -1;
    double best_length = 0.0;
    for (const auto& [label, length] : shared) {
        if (length > best_length) {
            best = label;
            best_length = length;
        }
    }
    return best;
}

/// Indices of the components to keep: per label the one holding its pinned face, else the
/// largest (the first found on a tie).
std::vector<bool> main_components(const std::vector<Component>& components, int label_count,
                                  const std::vector<int>& pinned_face) {
    std::vector<int> main(static_cast<std::size_t>(label_count), -1);
    std::vector<bool> pinned_found(static_cast<std::size_t>(label_count), false);
    for (std::size_t c = 0; c < components.size(); ++c) {
        const auto label = static_cast<std::size_t>(components[c].label);
        const int pin = pinned_face[label];
        const bool holds_pin =
            pin >= 0 && std::find(components[c].faces.begin(), components[c].faces.end(), pin) !=
                            components[c].faces.end();
        if (pinned_found[label]) {
            continue;
        }
        if (holds_pin || main[label] < 0 ||
            components[c].area > components[static_cast<std::size_t>(main[label])].area) {
            main[label] = static_cast<int>(c);
            pinned_found[label] = holds_pin;
        }
    }
    std::vector<bool> keep(components.size(), false);
    for (const int c : main) {
        if (c >= 0) {
            keep[static_cast<std::size_t>(c)] = true;
        }
    }
    return keep;
}

void make_contiguous(std::vector<int>& labels, int label_count, const std::vector<Face>& faces,
                     const Adjacency& adjacency, const std::vector<int>& pinned_face,
                     const std::function<bool(int, int)>& may_join) {
    // Every hand-over joins two components, so this ends after at most one pass per face.
    for (std::size_t pass = 0; pass <= faces.size(); ++pass) {
        const std::vector<Component> components = components_of(labels, faces, adjacency);
        const std::vector<bool> keep = main_components(components, label_count, pinned_face);
        if (std::all_of(keep.begin(), keep.end(), [](bool k) { return k; })) {
            return;
        }
        for (std::size_t c = 0; c < components.size(); ++c) {
            if (keep[c]) {
                continue;
            }
            const int target = best_neighbour_label(components[c], labels, adjacency, may_join);
            if (target < 0) {
                fail("a detached piece of a unit has no neighbour to join");
            }
            for (const int f : components[c].faces) {
                labels[static_cast<std::size_t>(f)] = target;
            }
        }
    }
    fail("could not make every unit contiguous");
}

std::vector<std::vector<int>> faces_by_label(const std::vector<int>& labels, int label_count) {
    std::vector<std::vector<int>> groups(static_cast<std::size_t>(label_count));
    for (std::size_t f = 0; f < labels.size(); ++f) {
        groups[static_cast<std::size_t>(labels[f])].push_back(static_cast<int>(f));
    }
    return groups;
}

// ---------------------------------------------------------------------------------------------
// Townships: a capacity-constrained power diagram over fine Voronoi cells.

std::vector<Point> jittered_points(const Region& region, double spacing, Rng& rng) {
    const Box& box = region.box();
    const auto columns = static_cast<int>(std::ceil(box.width() / spacing));
    const auto rows = static_cast<int>(std::ceil(box.height() / spacing));
    std::vector<Point> points;
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            const Point p{box.min_x + (column + rng.uniform()) * spacing,
                          box.min_y + (row + rng.uniform()) * spacing};
            if (region.contains(p)) {
                points.push_back(p);
            }
        }
    }
    return points;
}

struct PowerSites {
    std::vector<Point> seeds;
    std::vector<double> weights;
};

std::vector<int> power_labels(const std::vector<Face>& faces, const PowerSites& sites,
                              int seat_township, int seat_face) {
    std::vector<int> labels(faces.size(), 0);
    for (std::size_t f = 0; f < faces.size(); ++f) {
        double best = std::numeric_limits<double>::max();
        for (std::size_t i = 0; i < sites.seeds.size(); ++i) {
            const double power =
                squared_distance(faces[f].centroid, sites.seeds[i]) - sites.weights[i];
            if (power < best) {
                best = power;
                labels[f] = static_cast<int>(i);
            }
        }
    }
    labels[static_cast<std::size_t>(seat_face)] = seat_township;
    return labels;
}

/// Seat township on the seat, the others spread by best-candidate sampling of face centroids.
std::vector<Point> initial_seeds(const std::vector<Face>& faces, std::size_t count,
                                 int seat_township, Point seat, Rng& rng) {
    std::vector<Point> seeds(count, seat);
    std::vector<Point> placed{seat};
    for (std::size_t i = 0; i < count; ++i) {
        if (static_cast<int>(i) == seat_township) {
            continue;
        }
        Point best;
        double best_distance = -1.0;
        for (int c = 0; c < k_best_candidates; ++c) {
            const Point candidate = faces[rng.index(faces.size())].centroid;
            double nearest = std::numeric_limits<double>::max();
            for (const Point p : placed) {
                nearest = std::min(nearest, squared_distance(candidate, p));
            }
            if (nearest > best_distance) {
                best_distance = nearest;
                best = candidate;
            }
        }
        seeds[i] = best;
        placed.push_back(best);
    }
    return seeds;
}

std::vector<int> assign_townships(const std::vector<Face>& faces, const std::vector<double>& target,
                                  int seat_township, int seat_face, Point seat, Rng& rng) {
    const std::size_t count = target.size();
    PowerSites sites{initial_seeds(faces, count, seat_township, seat, rng),
                     std::vector<double>(count, 0.0)};
    for (int iteration = 0; iteration < k_power_iterations; ++iteration) {
        const std::vector<int> labels = power_labels(faces, sites, seat_township, seat_face);
        std::vector<double> area(count, 0.0);
        std::vector<Point> moment(count);
        for (std::size_t f = 0; f < faces.size(); ++f) {
            const auto i = static_cast<std::size_t>(labels[f]);
            area[i] += faces[f].area;
            moment[i].x += faces[f].area * faces[f].centroid.x;
            moment[i].y += faces[f].area * faces[f].centroid.y;
        }
        for (std::size_t i = 0; i < count; ++i) {
            // Raising w_i by δ pushes the region's edges out by about δ / (2·spacing), which
            // adds about π·δ / 2 of area: this step goes half-way, which does not oscillate.
            sites.weights[i] += (target[i] - area[i]) / std::numbers::pi;
            if (iteration < k_lloyd_iterations && static_cast<int>(i) != seat_township &&
                area[i] > 0.0) {
                sites.seeds[i] = {moment[i].x / area[i], moment[i].y / area[i]};
            }
        }
    }
    return power_labels(faces, sites, seat_township, seat_face);
}

// ---------------------------------------------------------------------------------------------
// Villages.

Point random_point_in(const Region& region, Rng& rng) {
    const Box& box = region.box();
    for (int i = 0; i < k_rejection_limit; ++i) {
        const Point p{rng.uniform(box.min_x, box.max_x), rng.uniform(box.min_y, box.max_y)};
        if (region.contains(p)) {
            return p;
        }
    }
    fail("cannot place a village seed inside a township");
}

/// Index of the point nearest to p; the first one on a tie.
std::size_t nearest_point(const std::vector<Point>& points, Point p) {
    std::size_t nearest = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        if (squared_distance(p, points[i]) < squared_distance(p, points[nearest])) {
            nearest = i;
        }
    }
    return nearest;
}

/// Mitchell's best-candidate sampling: each new point is the candidate farthest from the rest.
std::vector<Point> best_candidate_points(const Region& region, std::size_t count, Rng& rng) {
    std::vector<Point> points;
    points.reserve(count);
    while (points.size() < count) {
        Point best;
        double best_distance = -1.0;
        for (int c = 0; c < k_best_candidates; ++c) {
            const Point candidate = random_point_in(region, rng);
            double nearest = std::numeric_limits<double>::max();
            for (const Point p : points) {
                nearest = std::min(nearest, squared_distance(candidate, p));
            }
            if (nearest > best_distance) {
                best_distance = nearest;
                best = candidate;
            }
        }
        points.push_back(best);
    }
    return points;
}

/// A few rounds of Lloyd's relaxation on random samples (k-means): evens out village sizes,
/// which best-candidate sampling alone leaves ragged next to the township boundary.
void relax_seeds(const Region& region, std::vector<Point>& seeds, Rng& rng) {
    std::vector<Point> samples(seeds.size() * k_relax_samples);
    for (Point& sample : samples) {
        sample = random_point_in(region, rng);
    }
    for (int round = 0; round < k_relax_rounds; ++round) {
        std::vector<Point> sum(seeds.size());
        std::vector<int> count(seeds.size(), 0);
        for (const Point sample : samples) {
            const std::size_t nearest = nearest_point(seeds, sample);
            sum[nearest].x += sample.x;
            sum[nearest].y += sample.y;
            ++count[nearest];
        }
        for (std::size_t s = 0; s < seeds.size(); ++s) {
            if (count[s] == 0) {
                continue;
            }
            const Point mean{sum[s].x / count[s], sum[s].y / count[s]};
            // The mean of a cell in a concave township may fall outside it; keep the old seed.
            if (region.contains(mean)) {
                seeds[s] = mean;
            }
        }
    }
}

Point point_on_surface(const Geos& geos, const GEOSGeometry* polygon) {
    const GeomPtr point = own(geos, GEOSPointOnSurface_r(geos.handle(), polygon), "interior point");
    Point p;
    GEOSGeomGetX_r(geos.handle(), point.get(), &p.x);
    GEOSGeomGetY_r(geos.handle(), point.get(), &p.y);
    return p;
}

struct VillageLayout {
    std::vector<Face> faces;
    std::vector<int> village_of_face;
    std::vector<int> township_of_village;
};

/// The township containing the point; the nearest one for a point that snapping moved just
/// outside every township (only a sliver face narrower than the grid could have one).
std::size_t township_at(const Geos& geos, const std::vector<Region>& townships, Point p) {
    for (std::size_t t = 0; t < townships.size(); ++t) {
        if (townships[t].contains(p)) {
            return t;
        }
    }
    const GeomPtr point = make_point(geos, p);
    std::size_t nearest = 0;
    double nearest_distance = std::numeric_limits<double>::max();
    for (std::size_t t = 0; t < townships.size(); ++t) {
        double distance = 0.0;
        if (GEOSDistance_r(geos.handle(), point.get(), townships[t].polygon(), &distance) == 0) {
            geos.raise("distance");
        }
        if (distance < nearest_distance) {
            nearest = t;
            nearest_distance = distance;
        }
    }
    return nearest;
}

/// Labels each village face with the township containing it and that township's nearest seed.
std::vector<int> label_village_faces(const Geos& geos, const std::vector<Face>& faces,
                                     const std::vector<Region>& townships,
                                     const std::vector<std::vector<Point>>& seeds,
                                     const std::vector<int>& first_village) {
    std::vector<int> labels(faces.size(), -1);
    for (std::size_t f = 0; f < faces.size(); ++f) {
        const Point inner = point_on_surface(geos, faces[f].polygon.get());
        const std::size_t t = township_at(geos, townships, inner);
        labels[f] = first_village[t] + static_cast<int>(nearest_point(seeds[t], inner));
    }
    return labels;
}

VillageLayout place_villages(const Geos& geos, const std::vector<Region>& townships,
                             const CountySpec& spec, Rng& rng) {
    VillageLayout layout;
    std::vector<std::vector<Point>> seeds;
    std::vector<int> first_village;
    std::vector<GeomPtr> linework;
    for (std::size_t t = 0; t < townships.size(); ++t) {
        const std::size_t count = spec.townships[t].village_codes.size();
        seeds.push_back(best_candidate_points(townships[t], count, rng));
        relax_seeds(townships[t], seeds.back(), rng);
        first_village.push_back(static_cast<int>(layout.township_of_village.size()));
        layout.township_of_village.insert(layout.township_of_village.end(), count,
                                          static_cast<int>(t));
        add_cell_linework(geos, seeds.back(), townships[t].polygon(), linework);
    }
    layout.faces = polygonize(geos, std::move(linework), Noding::grid);
    layout.village_of_face =
        label_village_faces(geos, layout.faces, townships, seeds, first_village);
    const auto village_count = static_cast<int>(layout.township_of_village.size());
    const std::vector<int> no_pins(layout.township_of_village.size(), -1);
    const std::vector<int>& township_of = layout.township_of_village;
    make_contiguous(layout.village_of_face, village_count, layout.faces,
                    face_adjacency(layout.faces), no_pins, [&township_of](int a, int b) {
                        return township_of[static_cast<std::size_t>(a)] ==
                               township_of[static_cast<std::size_t>(b)];
                    });
    return layout;
}

// ---------------------------------------------------------------------------------------------
// Output: GEOS polygons in metres to OGR multipolygons in EPSG:4490.

std::unique_ptr<OGRLinearRing> to_ogr_ring(const Ring& ring, const GkProjection& projection,
                                           bool counter_clockwise) {
    std::vector<double> x(ring.size());
    std::vector<double> y(ring.size());
    for (std::size_t i = 0; i < ring.size(); ++i) {
        x[i] = ring[i].x;
        y[i] = ring[i].y;
    }
    projection.inverse(x, y);
    auto result = std::make_unique<OGRLinearRing>();
    result->setPoints(static_cast<int>(ring.size()), x.data(), y.data());
    // GeoJSON (RFC 7946) order: exterior counter-clockwise, holes clockwise.
    if (result->isClockwise() == counter_clockwise) {
        result->reverseWindingOrder();
    }
    return result;
}

std::unique_ptr<OGRMultiPolygon> to_ogr(const Geos& geos, const GEOSGeometry* polygon,
                                        const GkProjection& projection) {
    auto ogr_polygon = std::make_unique<OGRPolygon>();
    const std::vector<Ring> rings = rings_of(geos, polygon);
    for (std::size_t i = 0; i < rings.size(); ++i) {
        ogr_polygon->addRingDirectly(to_ogr_ring(rings[i], projection, i == 0).release());
    }
    auto result = std::make_unique<OGRMultiPolygon>();
    result->addGeometryDirectly(ogr_polygon.release());
    result->assignSpatialReference(projection.geographic());
    return result;
}

// ---------------------------------------------------------------------------------------------
// Spec checks and the pipeline.

bool is_code(std::string_view code) {
    return code.size() == 12 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void require_code(const std::string& code, std::set<std::string>& seen) {
    if (!is_code(code)) {
        fail("'" + code + "' is not a 12-digit division code");
    }
    if (!seen.insert(code).second) {
        fail("division code " + code + " appears twice");
    }
}

int validate(const CountySpec& spec) {
    std::set<std::string> seen;
    require_code(spec.code, seen);
    if (spec.townships.empty()) {
        fail("the county needs at least one township");
    }
    int seat_township = -1;
    for (std::size_t t = 0; t < spec.townships.size(); ++t) {
        const TownshipSpec& township = spec.townships[t];
        require_code(township.code, seen);
        if (township.village_codes.empty()) {
            fail("township " + township.code + " has no villages");
        }
        for (const std::string& village : township.village_codes) {
            require_code(village, seen);
        }
        if (township.code == spec.seat_township) {
            seat_township = static_cast<int>(t);
        }
    }
    if (seat_township < 0) {
        fail("seat township " + spec.seat_township + " is not among the townships");
    }
    const auto positive = [](double v) { return std::isfinite(v) && v > 0.0; };
    if (!positive(spec.width_km) || !positive(spec.height_km) || !positive(spec.area_km2)) {
        fail("width, height and area must be positive");
    }
    return seat_township;
}

Frame make_frame(const CountySpec& spec, const GkProjection& projection) {
    Frame frame{projection.forward(spec.centre_lon, spec.centre_lat),
                projection.forward(spec.seat_lon, spec.seat_lat), spec.width_km * 1000.0,
                spec.height_km * 1000.0, spec.area_km2 * 1.0e6};
    if (std::abs(frame.seat.x - frame.centre.x) > frame.width / 2.0 ||
        std::abs(frame.seat.y - frame.centre.y) > frame.height / 2.0) {
        fail("the seat lies outside the county's bounding box");
    }
    return frame;
}

std::vector<double> township_targets(const CountySpec& spec, double county_area) {
    double villages = 0.0;
    for (const TownshipSpec& township : spec.townships) {
        villages += static_cast<double>(township.village_codes.size());
    }
    std::vector<double> targets;
    for (const TownshipSpec& township : spec.townships) {
        targets.push_back(county_area * static_cast<double>(township.village_codes.size()) /
                          villages);
    }
    return targets;
}

std::vector<Region> make_townships(const Geos& geos, const Region& outline, const Frame& frame,
                                   const CountySpec& spec, int seat_township, Rng& rng) {
    const double area = ring_area(rings_of(geos, outline.polygon()).front());
    const int cells = std::max(k_fine_cells, 40 * static_cast<int>(spec.townships.size()));
    const std::vector<Point> points = jittered_points(outline, std::sqrt(area / cells), rng);
    std::vector<GeomPtr> linework;
    add_cell_linework(geos, points, outline.polygon(), linework);
    const std::vector<Face> faces = polygonize(geos, std::move(linework), Noding::floating);
    const int seat_face = face_containing(faces, frame.seat);
    std::vector<int> labels = assign_townships(faces, township_targets(spec, area), seat_township,
                                               seat_face, frame.seat, rng);
    const auto count = static_cast<int>(spec.townships.size());
    std::vector<int> pins(spec.townships.size(), -1);
    pins[static_cast<std::size_t>(seat_township)] = seat_face;
    make_contiguous(labels, count, faces, face_adjacency(faces), pins,
                    [](int, int) { return true; });
    std::vector<Region> townships;
    for (const std::vector<int>& members : faces_by_label(labels, count)) {
        if (members.empty()) {
            fail("a township received no land; too many townships for the area");
        }
        townships.emplace_back(geos, coverage_union(geos, faces, members));
    }
    return townships;
}

/// The faces making up each unit of the final arrangement.
struct UnitFaces {
    std::vector<int> county;
    std::vector<std::vector<int>> townships;
    std::vector<std::vector<int>> villages;
};

UnitFaces group_faces(const VillageLayout& layout, std::size_t township_count) {
    UnitFaces groups;
    groups.townships.resize(township_count);
    groups.villages =
        faces_by_label(layout.village_of_face, static_cast<int>(layout.township_of_village.size()));
    for (std::size_t f = 0; f < layout.faces.size(); ++f) {
        const auto village = static_cast<std::size_t>(layout.village_of_face[f]);
        const auto township = static_cast<std::size_t>(layout.township_of_village[village]);
        groups.townships[township].push_back(static_cast<int>(f));
        groups.county.push_back(static_cast<int>(f));
    }
    return groups;
}

} // namespace

std::vector<GeneratedUnit> generate_county_geometry(const CountySpec& spec) {
    const int seat_township = validate(spec);
    const GkProjection projection(spec.centre_lon);
    const Frame frame = make_frame(spec, projection);
    Rng rng(spec.seed);
    const Geos geos;
    const Region outline(geos, make_polygon(geos, make_outline(frame, rng)));
    if (!geos.predicate(GEOSisValid_r(geos.handle(), outline.polygon()), "validity check")) {
        fail("the generated outline is not a valid polygon");
    }
    const std::vector<Region> townships =
        make_townships(geos, outline, frame, spec, seat_township, rng);
    const VillageLayout villages = place_villages(geos, townships, spec, rng);

    const UnitFaces groups = group_faces(villages, spec.townships.size());
    std::vector<GeneratedUnit> units;
    const auto add = [&](const std::string& code, const std::vector<int>& members) {
        const GeomPtr polygon = coverage_union(geos, villages.faces, members);
        if (code == spec.seat_township &&
            !rings_contain(rings_of(geos, polygon.get()), frame.seat)) {
            fail("the seat ended up outside its township");
        }
        units.push_back({code, to_ogr(geos, polygon.get(), projection)});
    };
    add(spec.code, groups.county);
    for (std::size_t t = 0; t < spec.townships.size(); ++t) {
        add(spec.townships[t].code, groups.townships[t]);
    }
    std::size_t village = 0;
    for (const TownshipSpec& township : spec.townships) {
        for (const std::string& code : township.village_codes) {
            add(code, groups.villages[village++]);
        }
    }
    return units;
}

} // namespace xj::demo
