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

#include "county_generation.h"

namespace xj::demo {

namespace detail {

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

} // namespace detail

using namespace detail;

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
