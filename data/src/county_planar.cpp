// Plain planar geometry in projected metres, GEOS with RAII, and the Gauss–Krüger projection
// of the demo county's generation (county_generation.h).

#include "county_generation.h"

namespace xj::demo::detail {

// ---------------------------------------------------------------------------------------------
// Plain planar geometry in projected metres.

double squared_distance(Point a, Point b) {
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    return dx * dx + dy * dy;
}

// closed: the last point repeats the first

Box box_of(const Ring& ring) {
    Box box;
    for (const Point p : ring) {
        box.extend(p);
    }
    return box;
}

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

// ---------------------------------------------------------------------------------------------
// Gauss–Krüger projection through OGR / PROJ.

/// Reference counted, because every output geometry holds on to it.
SrsPtr make_srs(int epsg) {
    return SrsPtr(new OGRSpatialReference(crs::srs_from_epsg(epsg)));
}

} // namespace xj::demo::detail
