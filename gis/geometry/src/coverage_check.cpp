// The coverage check: units fed one by one (their segments twinned as they come, in
// coverage_segments.cpp), then the segments without a twin noded and polygonized with GEOS, and
// each face of that arrangement counted: covered by no unit, a gap; by two or more, overlaps.

#include "coverage_segments.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/crs/transformation.h"
#include "xiangjian/geometry/geos_context.h"
#include "xiangjian/geometry/grid_index.h"

#include <algorithm>
#include <geos_c.h>
#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace xj::geometry {

using namespace detail;

namespace {

/// More loose segments than this are borders digitised separately on both sides.
constexpr std::size_t max_arranged_segments = 200000;

/// Whether (x, y) is inside a valid multipolygon: crossings of a ray to the east, counted over
/// all rings (holes and parts do not overlap in a valid geometry).
bool contains(const OGRMultiPolygon& shape, double x, double y) {
    bool inside = false;
    for (const OGRPolygon* polygon : shape) {
        for (const OGRLinearRing* ring : *polygon) {
            const int n = ring->getNumPoints();
            for (int i = 0, j = n - 1; i < n; j = i++) {
                const double xi = ring->getX(i), yi = ring->getY(i);
                const double xj = ring->getX(j), yj = ring->getY(j);
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
        }
    }
    return inside;
}

void sort_findings(CoverageReport& report) {
    std::sort(report.overlaps.begin(), report.overlaps.end(),
              [](const auto& a, const auto& b) { return std::tie(a.a, a.b) < std::tie(b.a, b.b); });
}

/// The GEOS side of the check: the units' shapes in degrees and in metres (made when first
/// needed), their boxes under a grid, and the findings as they are made.
class Findings {
public:
    Findings(const std::vector<CoverageUnit>& units, std::vector<store::Box> boxes,
             int projected_epsg, double tolerance_m2, CoverageReport& report)
        : m_units(units), m_to_metres(crs::transformation(crs::storage_epsg, projected_epsg)),
          m_tolerance_m2(tolerance_m2), m_report(report) {
        m_index.build(std::move(boxes));
    }
    Findings(const Findings&) = delete;
    Findings& operator=(const Findings&) = delete;
    ~Findings() {
        for (const auto& [i, shape] : m_in_metres) {
            GEOSGeom_destroy_r(m_context, shape);
        }
    }

    /// The overlap of units i and j, when they share more than a border.
    void check_pair(std::size_t i, std::size_t j);
    /// Each of these units against its neighbours among them, one unit at a time: the check
    /// when there are too many loose segments for an arrangement.
    void check_neighbours(const std::set<std::uint32_t>& involved);
    /// The faces enclosed by the loose segments, noded (owned by the context).
    GEOSGeometry* faces_of(std::vector<Loose> loose);
    /// A gap or overlaps where the units over a face are not exactly one.
    void check_faces(const GEOSGeometry* faces);
    void check_face(const GEOSGeometry* face);

private:
    GEOSGeometry* shape(std::size_t i, bool metres);
    /// The units whose box meets the geometry's, in order.
    std::vector<std::uint32_t> near(const GEOSGeometry* geometry) const;
    double metric_area(const GEOSGeometry* face) const;
    GEOSGeometry* own(GEOSGeometry* geometry) {
        return m_geos.own(geometry, "while checking overlaps and gaps");
    }

    const std::vector<CoverageUnit>& m_units;
    GeosContext m_geos;
    GEOSContextHandle_t m_context = m_geos.handle();
    std::unique_ptr<OGRCoordinateTransformation> m_to_metres;
    GridIndex m_index;
    std::map<std::size_t, GEOSGeometry*> m_in_degrees, m_in_metres;
    std::set<std::pair<std::size_t, std::size_t>> m_checked;
    double m_tolerance_m2;
    CoverageReport& m_report;
};

GEOSGeometry* Findings::shape(std::size_t i, bool metres) {
    auto& cache = metres ? m_in_metres : m_in_degrees;
    if (const auto found = cache.find(i); found != cache.end()) {
        return found->second;
    }
    std::unique_ptr<OGRGeometry> copy(m_units[i].geometry->clone());
    if (!metres) {
        return cache[i] = own(copy->exportToGEOS(m_context));
    }
    // Not owned by the context: check_neighbours() frees them unit by unit, the rest go with
    // the findings.
    copy->transform(m_to_metres.get());
    GEOSGeometry* made = copy->exportToGEOS(m_context);
    if (made == nullptr) {
        m_geos.raise("conversion of a unit while checking overlaps and gaps");
    }
    return cache[i] = made;
}

std::vector<std::uint32_t> Findings::near(const GEOSGeometry* geometry) const {
    store::Box box;
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    if (GEOSGeom_getXMin_r(m_context, geometry, &min_x) == 1 &&
        GEOSGeom_getYMin_r(m_context, geometry, &min_y) == 1 &&
        GEOSGeom_getXMax_r(m_context, geometry, &max_x) == 1 &&
        GEOSGeom_getYMax_r(m_context, geometry, &max_y) == 1) {
        box = {min_x, min_y, max_x, max_y};
    }
    std::vector<std::uint32_t> found;
    m_index.query(box, found);
    return found;
}

double Findings::metric_area(const GEOSGeometry* face) const {
    std::unique_ptr<OGRGeometry> copy(
        OGRGeometryFactory::createFromGEOS(m_context, const_cast<GEOSGeometry*>(face)));
    copy->transform(m_to_metres.get());
    return copy->toPolygon()->get_Area();
}

void Findings::check_pair(std::size_t i, std::size_t j) {
    if (i > j) {
        std::swap(i, j);
    }
    if (!m_checked.emplace(i, j).second ||
        GEOSRelatePattern_r(m_context, shape(i, true), shape(j, true), "T********") != 1) {
        return;
    }
    GEOSGeometry* shared = GEOSIntersection_r(m_context, shape(i, true), shape(j, true));
    if (shared == nullptr) {
        return;
    }
    const double area = m_geos.area(shared);
    GEOSGeom_destroy_r(m_context, shared);
    if (area > m_tolerance_m2) {
        m_report.overlaps.push_back({m_units[i].label, m_units[j].label, area});
    }
}

void Findings::check_neighbours(const std::set<std::uint32_t>& involved) {
    for (const std::uint32_t i : involved) {
        for (const std::uint32_t j : near(shape(i, false))) {
            if (j != i && involved.count(j) != 0) {
                check_pair(i, j);
            }
        }
        // Memory kept flat: one unit in metres at a time. Its pairs are all checked.
        if (const auto done = m_in_metres.find(i); done != m_in_metres.end()) {
            GEOSGeom_destroy_r(m_context, done->second);
            m_in_metres.erase(done);
        }
    }
}

GEOSGeometry* Findings::faces_of(std::vector<Loose> loose) {
    std::vector<GEOSGeometry*> lines;
    lines.reserve(loose.size());
    for (const auto& segment : loose) {
        const double xy[4] = {segment.from.x, segment.from.y, segment.to.x, segment.to.y};
        lines.push_back(GEOSGeom_createLineString_r(
            m_context, GEOSCoordSeq_copyFromBuffer_r(m_context, xy, 2, 0, 0)));
    }
    release(loose);
    GEOSGeometry* collection = own(GEOSGeom_createCollection_r(
        m_context, GEOS_MULTILINESTRING, lines.data(), static_cast<unsigned>(lines.size())));
    // Sewn into chains first (the border of a province is one ring of thousands of segments):
    // the same linework, noded in a fraction of the time.
    GEOSGeometry* chains = own(GEOSLineMerge_r(m_context, collection));
    GEOSGeometry* noded = own(GEOSUnaryUnion_r(m_context, chains));
    const GEOSGeometry* noded_lines[] = {noded};
    return own(GEOSPolygonize_r(m_context, noded_lines, 1));
}

void Findings::check_faces(const GEOSGeometry* faces) {
    const int count = GEOSGetNumGeometries_r(m_context, faces);
    for (int f = 0; f < count; ++f) {
        check_face(GEOSGetGeometryN_r(m_context, faces, f));
    }
}

void Findings::check_face(const GEOSGeometry* face) {
    GEOSGeometry* inside = own(GEOSPointOnSurface_r(m_context, face));
    double x = 0, y = 0;
    GEOSGeomGetX_r(m_context, inside, &x);
    GEOSGeomGetY_r(m_context, inside, &y);
    std::size_t cover = 0;
    for (const std::uint32_t i : near(inside)) {
        cover += contains(*m_units[i].geometry, x, y);
    }
    if (cover == 1) {
        return;
    }
    if (cover == 0) {
        const double area = metric_area(face);
        if (area <= m_tolerance_m2) {
            return;
        }
        CoverageGap gap{area, x, y, {}};
        for (const std::uint32_t i : near(face)) {
            if (GEOSIntersects_r(m_context, shape(i, false), face) == 1) {
                gap.neighbours.push_back(m_units[i].label);
            }
        }
        m_report.gaps.push_back(std::move(gap));
        return;
    }
    // Overlap: every pair of the units over this face, measured exactly.
    std::vector<std::size_t> over;
    for (const std::uint32_t i : near(face)) {
        if (GEOSRelatePattern_r(m_context, shape(i, false), face, "T********") == 1) {
            over.push_back(i);
        }
    }
    for (std::size_t a = 0; a < over.size(); ++a) {
        for (std::size_t b = a + 1; b < over.size(); ++b) {
            check_pair(over[a], over[b]);
        }
    }
}

} // namespace

CoverageCheck::CoverageCheck() : m_state(std::make_unique<State>()) {}

CoverageCheck::~CoverageCheck() = default;

void CoverageCheck::add(std::string label, const OGRMultiPolygon& geometry) {
    m_state->units.push_back({std::move(label), &geometry});
    OGREnvelope envelope;
    geometry.getEnvelope(&envelope);
    m_state->boxes.push_back({envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY});
    m_state->add(geometry);
}

CoverageReport check_coverage(const std::vector<CoverageUnit>& units, int projected_epsg,
                              double tolerance_m2) {
    CoverageCheck check;
    for (const auto& unit : units) {
        check.add(unit.label, *unit.geometry);
    }
    return check.check(projected_epsg, tolerance_m2);
}

CoverageReport CoverageCheck::check(int projected_epsg, double tolerance_m2) {
    CoverageReport report;
    if (m_state->units.empty()) {
        return report;
    }
    if (m_state->too_many) {
        throw Error(text("边界节点过多，无法检查重叠和缝隙",
                         "too many boundary vertices for the overlap and gap check"));
    }
    // 1. Twin the segments; keep those without a twin. Neighbours often share a border but not
    // all its vertices (a vertex of one lies on a segment of the other): split such segments
    // there and twin again.
    std::vector<Loose> loose = untwinned_after_splitting(m_state->untwinned());
    report.unmatched_segments = loose.size();
    Findings findings(m_state->units, m_state->boxes, projected_epsg, tolerance_m2, report);

    if (loose.size() > max_arranged_segments) {
        // Borders digitised separately on both sides: an arrangement of all of them would take
        // gigabytes. Check each unit with such borders against its neighbours instead.
        report.gaps_checked = false;
        std::set<std::uint32_t> involved;
        for (const auto& segment : loose) {
            involved.insert(segment.unit);
        }
        release(loose);
        findings.check_neighbours(involved);
        sort_findings(report);
        return report;
    }
    // 2. Node the loose segments and take the faces they enclose; 3. count the units over each.
    findings.check_faces(findings.faces_of(std::move(loose)));
    sort_findings(report);
    return report;
}

} // namespace xj::geometry
