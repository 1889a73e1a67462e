// The village index's GEOS side: a village's boundary built in GEOS from the flat arrays (and
// prepared, for the rare points the orientation filter cannot place), a site converted to GEOS,
// and the lengths and areas of their intersections measured in metres as GEOS and OGR would.

#include "village_query.h"
#include "xiangjian/core/error.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/crs/transformation.h"

#include <algorithm>
#include <cmath>

namespace xj::geometry {

using namespace detail;

VillageIndex::Query::State::~State() {
    for (auto& [v, made] : kept) {
        GEOSPreparedGeom_destroy_r(context, made.second);
        GEOSGeom_destroy_r(context, made.first);
    }
}

std::vector<std::uint32_t> VillageIndex::Query::State::candidates(double min_x, double min_y,
                                                                  double max_x,
                                                                  double max_y) const {
    std::vector<std::uint32_t> result;
    if (min_x <= max_x && min_y <= max_y) {
        d.grid.query(store::Box{min_x, min_y, max_x, max_y}, result);
    }
    return result;
}

/// The boundary of village v, prepared, kept for the next time (the rare points the
/// orientation filter cannot place).
const GEOSPreparedGeometry* VillageIndex::Query::State::prepared_shape(std::uint32_t v) {
    auto& [shape, prepared] = kept[v];
    if (prepared == nullptr) {
        shape = make_shape(v);
        prepared = GEOSPrepare_r(context, shape);
    }
    return prepared;
}

/// The boundary of village v in GEOS, built from the arrays (the caller owns it).
GEOSGeometry* VillageIndex::Query::State::make_shape(std::uint32_t v) const {
    const Impl::Shape& shape = d.shapes[v];
    std::vector<GEOSGeometry*> parts;
    const auto fail = [&] {
        for (GEOSGeometry* part : parts) {
            GEOSGeom_destroy_r(context, part);
        }
        throw Error("GEOS cannot read the boundary of village " + d.codes[v]);
    };
    const auto ring_of = [&](const Impl::Ring& ring) -> GEOSGeometry* {
        GEOSCoordSequence* sequence =
            GEOSCoordSeq_copyFromBuffer_r(context, d.xy.data() + 2 * ring.first, ring.points, 0, 0);
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
bool VillageIndex::Query::State::contains(std::uint32_t v, double x, double y) {
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
GEOSGeometry* VillageIndex::Query::State::to_geos(const OGRGeometry& geometry) const {
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
bool VillageIndex::Query::State::projected(const GEOSGeometry* line, std::vector<double>& x,
                                           std::vector<double>& y) const {
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
    if (GEOSCoordSeq_copyToArrays_r(context, sequence, x.data(), y.data(), nullptr, nullptr) == 0) {
        return false;
    }
    // As OGRSimpleCurve::transform calls it: z = 0 for 2D coordinates.
    std::vector<double> z(n, 0.0);
    to_metres->Transform(static_cast<std::size_t>(n), x.data(), y.data(), z.data(), nullptr,
                         nullptr);
    return true;
}

/// GEOS's Length::ofLine of the projected coordinates.
double VillageIndex::Query::State::line_length(const GEOSGeometry* line) const {
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
double VillageIndex::Query::State::ring_area(const GEOSGeometry* ring) const {
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

double VillageIndex::Query::State::polygon_area(const GEOSGeometry* polygon) const {
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
double VillageIndex::Query::State::length_of(const GEOSGeometry* part) const {
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
double VillageIndex::Query::State::area_of(const GEOSGeometry* part) const {
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

std::vector<VillageIndex::Share> VillageIndex::Query::State::shares(const OGRGeometry& site,
                                                                    bool area) {
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

} // namespace xj::geometry
