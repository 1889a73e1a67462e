#pragma once

// The pieces of the demo county's generated geometry (county_geometry.cpp explains the method),
// shared by the files that make it: randomness, planar geometry in metres, GEOS and PROJ
// helpers, the outline, planar arrangements and contiguity, townships and villages.

#include "xiangjian/core/error.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/crs/transformation.h"
#include "xiangjian/demo/county_geometry.h"
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

namespace xj::demo::detail {

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

[[noreturn]] inline void fail(const std::string& message) {
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

double squared_distance(Point a, Point b);

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

using Ring = std::vector<Point>;

// closed: the last point repeats the first

Box box_of(const Ring& ring);

/// Shoelace sums around the first vertex, so large false eastings do not eat the precision.
struct RingMoments {
    double area = 0.0; // signed, counter-clockwise positive
    double cx = 0.0;   // area-weighted centroid sums, relative to origin
    double cy = 0.0;
    Point origin;
};

RingMoments moments_of(const Ring& ring);

double ring_area(const Ring& ring);

/// Even–odd crossing test over all rings of a polygon.
bool rings_contain(const std::vector<Ring>& rings, Point p);

double distance_to_segment(Point p, Point a, Point b);

double distance_to_ring(Point p, const Ring& ring);

/// Rounds like GEOS's fixed precision model (half up), so snapping twice changes nothing.
double snap(double value);

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

GeomPtr own(const Geos& geos, GEOSGeometry* g, const char* operation);

GeomPtr clone(const Geos& geos, const GEOSGeometry* g);

GeomPtr make_point(const Geos& geos, Point p);

/// Takes ownership of the parts, as GEOS does.
GeomPtr make_collection(const Geos& geos, int type, std::vector<GeomPtr> parts);

GeomPtr make_polygon(const Geos& geos, const Ring& ring);

Ring ring_of(const Geos& geos, const GEOSGeometry* ring);

/// Exterior ring first, then the holes.
std::vector<Ring> rings_of(const Geos& geos, const GEOSGeometry* polygon);

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
SrsPtr make_srs(int epsg);

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
std::vector<double> harmonic_sum(Rng& rng, int k_first, int k_last, double scale);

struct OutlineShape {
    std::vector<double> coarse; // scaled by t
    std::vector<double> detail; // fixed ragged edge
};

Ring star_ring(const OutlineShape& shape, double t);

/// Area over bounding-box area; unchanged by stretching along x or y.
double fill_ratio(const Ring& ring);

/// Stretches the ring onto the frame's bounding box and snaps it to the grid.
Ring fit_to_frame(const Ring& ring, const Frame& frame);

/// Bisection on t for the wanted fill ratio; empty when this shape cannot reach it.
std::optional<double> solve_amplitude(const OutlineShape& shape, double wanted_fill);

bool seat_fits(const Ring& outline, const Frame& frame);

Ring make_outline(const Frame& frame, Rng& rng);

// ---------------------------------------------------------------------------------------------
// Planar arrangements: noded linework, polygonized into faces that share exact vertices.

struct Face {
    GeomPtr polygon;
    std::vector<Ring> rings; // exterior first
    Box box;
    double area = 0.0;
    Point centroid;
};

Face make_face(const Geos& geos, GeomPtr polygon);

GeomPtr voronoi_edges(const Geos& geos, const std::vector<Point>& sites,
                      const GEOSGeometry* extent);

/// Voronoi edges of the sites, cut to the polygon, plus the polygon's boundary. The cut is left
/// in floating point: the noding in polygonize() decides the final vertices.
void add_cell_linework(const Geos& geos, const std::vector<Point>& sites,
                       const GEOSGeometry* polygon, std::vector<GeomPtr>& linework);

enum class Noding {
    /// Fast; enough where the faces are only an intermediate (GEOS 3.11 snap-rounding seeds
    /// std::random_device once per input line, which costs ~10 µs per Voronoi edge).
    floating,
    /// Snap-rounding on the 1 cm grid: robust, and every output vertex lies on the grid.
    grid,
};

/// Nodes all linework in one union, so faces sharing an edge get identical vertices.
std::vector<Face> polygonize(const Geos& geos, std::vector<GeomPtr> linework, Noding noding);

/// For each face: neighbouring face → length of the boundary they share. Faces of one
/// arrangement share identical segments, so matching segment keys finds the neighbours.
using Adjacency = std::vector<std::map<int, double>>;

Adjacency face_adjacency(const std::vector<Face>& faces);

int face_containing(const std::vector<Face>& faces, Point p);

GeomPtr coverage_union(const Geos& geos, const std::vector<Face>& faces,
                       const std::vector<int>& members);

// ---------------------------------------------------------------------------------------------
// Contiguity: every label ends up as one edge-connected group of faces.

struct Component {
    int label = 0;
    std::vector<int> faces;
    double area = 0.0;
};

std::vector<Component> components_of(const std::vector<int>& labels, const std::vector<Face>& faces,
                                     const Adjacency& adjacency);

/// The label sharing the longest boundary with the component, among those it may join.
int best_neighbour_label(const Component& component, const std::vector<int>& labels,
                         const Adjacency& adjacency, const std::function<bool(int, int)>& may_join);

/// Indices of the components to keep: per label the one holding its pinned face, else the
/// largest (the first found on a tie).
std::vector<bool> main_components(const std::vector<Component>& components, int label_count,
                                  const std::vector<int>& pinned_face);

void make_contiguous(std::vector<int>& labels, int label_count, const std::vector<Face>& faces,
                     const Adjacency& adjacency, const std::vector<int>& pinned_face,
                     const std::function<bool(int, int)>& may_join);

std::vector<std::vector<int>> faces_by_label(const std::vector<int>& labels, int label_count);

// ---------------------------------------------------------------------------------------------
// Townships: a capacity-constrained power diagram over fine Voronoi cells.

std::vector<Point> jittered_points(const Region& region, double spacing, Rng& rng);

struct PowerSites {
    std::vector<Point> seeds;
    std::vector<double> weights;
};

std::vector<int> power_labels(const std::vector<Face>& faces, const PowerSites& sites,
                              int seat_township, int seat_face);

/// Seat township on the seat, the others spread by best-candidate sampling of face centroids.
std::vector<Point> initial_seeds(const std::vector<Face>& faces, std::size_t count,
                                 int seat_township, Point seat, Rng& rng);

std::vector<int> assign_townships(const std::vector<Face>& faces, const std::vector<double>& target,
                                  int seat_township, int seat_face, Point seat, Rng& rng);

// ---------------------------------------------------------------------------------------------
// Villages.

Point random_point_in(const Region& region, Rng& rng);

/// Index of the point nearest to p; the first one on a tie.
std::size_t nearest_point(const std::vector<Point>& points, Point p);

/// Mitchell's best-candidate sampling: each new point is the candidate farthest from the rest.
std::vector<Point> best_candidate_points(const Region& region, std::size_t count, Rng& rng);

/// A few rounds of Lloyd's relaxation on random samples (k-means): evens out village sizes,
/// which best-candidate sampling alone leaves ragged next to the township boundary.
void relax_seeds(const Region& region, std::vector<Point>& seeds, Rng& rng);

Point point_on_surface(const Geos& geos, const GEOSGeometry* polygon);

struct VillageLayout {
    std::vector<Face> faces;
    std::vector<int> village_of_face;
    std::vector<int> township_of_village;
};

/// The township containing the point; the nearest one for a point that snapping moved just
/// outside every township (only a sliver face narrower than the grid could have one).
std::size_t township_at(const Geos& geos, const std::vector<Region>& townships, Point p);

/// Labels each village face with the township containing it and that township's nearest seed.
std::vector<int> label_village_faces(const Geos& geos, const std::vector<Face>& faces,
                                     const std::vector<Region>& townships,
                                     const std::vector<std::vector<Point>>& seeds,
                                     const std::vector<int>& first_village);

VillageLayout place_villages(const Geos& geos, const std::vector<Region>& townships,
                             const CountySpec& spec, Rng& rng);

// ---------------------------------------------------------------------------------------------
// Output: GEOS polygons in metres to OGR multipolygons in EPSG:4490.

std::unique_ptr<OGRLinearRing> to_ogr_ring(const Ring& ring, const GkProjection& projection,
                                           bool counter_clockwise);

std::unique_ptr<OGRMultiPolygon> to_ogr(const Geos& geos, const GEOSGeometry* polygon,
                                        const GkProjection& projection);

// ---------------------------------------------------------------------------------------------
// Spec checks and the pipeline.

bool is_code(std::string_view code);

void require_code(const std::string& code, std::set<std::string>& seen);

int validate(const CountySpec& spec);

Frame make_frame(const CountySpec& spec, const GkProjection& projection);

std::vector<double> township_targets(const CountySpec& spec, double county_area);

std::vector<Region> make_townships(const Geos& geos, const Region& outline, const Frame& frame,
                                   const CountySpec& spec, int seat_township, Rng& rng);

/// The faces making up each unit of the final arrangement.
struct UnitFaces {
    std::vector<int> county;
    std::vector<std::vector<int>> townships;
    std::vector<std::vector<int>> villages;
};

UnitFaces group_faces(const VillageLayout& layout, std::size_t township_count);

} // namespace xj::demo::detail
