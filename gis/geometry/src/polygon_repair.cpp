#include "xiangjian/geometry/polygon_repair.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/geometry/geos_context.h"
#include "xiangjian/geometry/simple_ring.h"

#include <algorithm>
#include <cstdio>
#include <geos_c.h>
#include <optional>
#include <vector>

namespace xj::geometry {

namespace {

/// GEOS's own words on what is wrong (OGR only says valid or not).
std::string invalidity_reason(const OGRGeometry& geometry) {
    GEOSContextHandle_t context = OGRGeometry::createGEOSContext();
    std::string reason = "invalid";
    if (GEOSGeom geos = geometry.exportToGEOS(context)) {
        if (char* text = GEOSisValidReason_r(context, geos)) {
            reason = text;
            GEOSFree_r(context, text);
        }
        GEOSGeom_destroy_r(context, geos);
    }
    OGRGeometry::freeGEOSContext(context);
    return reason;
}

/// The polygons of a Polygon or MultiPolygon whose rings are all closed with four points or
/// more (what GEOS takes as rings); empty when it has any other part.
std::vector<const OGRPolygon*> plain_polygons(const OGRGeometry& geometry) {
    std::vector<const OGRPolygon*> polygons;
    if (wkbFlatten(geometry.getGeometryType()) == wkbPolygon) {
        polygons.push_back(geometry.toPolygon());
    } else {
        for (const OGRPolygon* polygon : *geometry.toMultiPolygon()) {
            polygons.push_back(polygon);
        }
    }
    for (const OGRPolygon* polygon : polygons) {
        if (polygon->IsEmpty()) {
            return {};
        }
        for (const OGRLinearRing* ring : *polygon) {
            if (ring->getNumPoints() < 4 || !ring->get_IsClosed()) {
                return {};
            }
        }
    }
    return polygons;
}

/// GEOS's verdict on a polygonal geometry, the same as OGRGeometry::IsValid() gives, with the
/// coordinates handed to GEOS directly (OGR goes through WKB, which was most of the cost of a
/// check). Nothing when the geometry is not plain_polygons(): OGR decides then.
std::optional<bool> valid_in_geos(const OGRGeometry& geometry) {
    const std::vector<const OGRPolygon*> polygons = plain_polygons(geometry);
    if (polygons.empty()) {
        return std::nullopt;
    }
    thread_local const GeosContext geos; // one a thread, for the quick validity check
    thread_local std::vector<OGRRawPoint> points;
    GEOSContextHandle_t context = geos.handle();
    const auto ring_of = [&](const OGRLinearRing& ring) -> GEOSGeometry* {
        points.resize(static_cast<std::size_t>(ring.getNumPoints()));
        ring.getPoints(points.data());
        static_assert(sizeof(OGRRawPoint) == 2 * sizeof(double));
        GEOSCoordSequence* sequence =
            GEOSCoordSeq_copyFromBuffer_r(context, reinterpret_cast<const double*>(points.data()),
                                          static_cast<unsigned>(points.size()), 0, 0);
        return sequence == nullptr ? nullptr : GEOSGeom_createLinearRing_r(context, sequence);
    };
    std::vector<GEOSGeometry*> parts;
    bool built = true;
    for (const OGRPolygon* polygon : polygons) {
        GEOSGeometry* shell = ring_of(*polygon->getExteriorRing());
        std::vector<GEOSGeometry*> holes;
        for (int i = 0; shell != nullptr && i < polygon->getNumInteriorRings(); ++i) {
            holes.push_back(ring_of(*polygon->getInteriorRing(i)));
            built = built && holes.back() != nullptr;
        }
        if (shell == nullptr || !built) {
            built = false;
            for (GEOSGeometry* ring : holes) {
                if (ring != nullptr) {
                    GEOSGeom_destroy_r(context, ring);
                }
            }
            if (shell != nullptr) {
                GEOSGeom_destroy_r(context, shell);
            }
            break;
        }
        parts.push_back(GEOSGeom_createPolygon_r(context, shell, holes.data(),
                                                 static_cast<unsigned>(holes.size())));
        if (parts.back() == nullptr) {
            parts.pop_back();
            built = false;
            break;
        }
    }
    GEOSGeometry* whole = nullptr;
    if (built) {
        whole = wkbFlatten(geometry.getGeometryType()) == wkbPolygon
                    ? parts.front()
                    : GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, parts.data(),
                                                  static_cast<unsigned>(parts.size()));
    }
    if (!built) {
        for (GEOSGeometry* part : parts) {
            GEOSGeom_destroy_r(context, part);
        }
        return std::nullopt;
    }
    if (whole == nullptr) {
        return std::nullopt; // out of memory in GEOS, which may hold the parts
    }
    const char valid = GEOSisValid_r(context, whole);
    GEOSGeom_destroy_r(context, whole);
    if (valid == 2) {
        return std::nullopt; // GEOS failed: let OGR say
    }
    return valid == 1;
}

/// A polygon (or a multipolygon of one part) with no holes whose ring is surely simple: valid,
/// as GEOS would say at several times the cost. False sends the geometry to GEOS.
bool surely_valid(const OGRGeometry& geometry) {
    const OGRPolygon* polygon = nullptr;
    if (wkbFlatten(geometry.getGeometryType()) == wkbPolygon) {
        polygon = geometry.toPolygon();
    } else if (geometry.toMultiPolygon()->getNumGeometries() == 1) {
        polygon = geometry.toMultiPolygon()->getGeometryRef(0);
    }
    if (polygon == nullptr || polygon->IsEmpty() || polygon->getNumInteriorRings() != 0) {
        return false;
    }
    const OGRLinearRing& ring = *polygon->getExteriorRing();
    thread_local std::vector<OGRRawPoint> points;
    points.resize(static_cast<std::size_t>(ring.getNumPoints()));
    ring.getPoints(points.data());
    static_assert(sizeof(OGRRawPoint) == 2 * sizeof(double));
    return surely_simple_ring(reinterpret_cast<const double*>(points.data()), points.size());
}

void collect_polygons(const OGRGeometry& geometry, OGRMultiPolygon& out) {
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon:
        if (!geometry.IsEmpty()) {
            out.addGeometry(&geometry);
        }
        break;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *geometry.toGeometryCollection()) {
            collect_polygons(*part, out);
        }
        break;
    default: // lines and points left over by make-valid carry no area
        break;
    }
}

} // namespace

RepairedPolygon checked_multipolygon(const OGRGeometry& geometry) {
    return checked_multipolygon(std::unique_ptr<OGRGeometry>(geometry.clone()));
}

RepairedPolygon checked_multipolygon(std::unique_ptr<OGRGeometry> flat) {
    const auto type = wkbFlatten(flat->getGeometryType());
    if (type != wkbPolygon && type != wkbMultiPolygon) {
        throw Error(text("应为面，却是 ", "a polygon was expected, not a ") +
                    flat->getGeometryName());
    }
    if (flat->IsEmpty()) {
        throw Error(text("几何图形为空", "empty geometry"));
    }
    RepairedPolygon result;
    flat->flattenTo2D();
    if (surely_valid(*flat) || valid_in_geos(*flat).value_or(false) || flat->IsValid()) {
        // Taken over as it is (no copy) unless it has empty parts to drop.
        if (type == wkbPolygon) {
            result.geometry = std::make_unique<OGRMultiPolygon>();
            result.geometry->addGeometryDirectly(flat.release());
        } else if (std::none_of(flat->toMultiPolygon()->begin(), flat->toMultiPolygon()->end(),
                                [](const OGRPolygon* part) { return part->IsEmpty(); })) {
            result.geometry.reset(flat.release()->toMultiPolygon());
        } else {
            result.geometry = std::make_unique<OGRMultiPolygon>();
            collect_polygons(*flat, *result.geometry);
        }
        return result;
    }
    result.geometry = std::make_unique<OGRMultiPolygon>();
    const std::string reason = invalidity_reason(*flat);
    std::unique_ptr<OGRGeometry> valid(flat->MakeValid());
    if (!valid) {
        throw Error(text("无效（", "invalid (") + reason +
                    text("），GEOS 也无法修复", ") and GEOS could not repair it"));
    }
    collect_polygons(*valid, *result.geometry);
    if (result.geometry->IsEmpty()) {
        throw Error(text("无效（", "invalid (") + reason +
                    text("），修复后面积为零", ") with no area left after repair"));
    }
    const double before =
        type == wkbPolygon ? flat->toPolygon()->get_Area() : flat->toMultiPolygon()->get_Area();
    char change[128];
    std::snprintf(change, sizeof change,
                  language() == Language::zh ? "；已修复（%d 个部分，面积 %+.2f%%）"
                                             : "; made valid (%d part(s), area %+.2f%%)",
                  result.geometry->getNumGeometries(),
                  before > 0 ? 100.0 * (result.geometry->get_Area() - before) / before : 0.0);
    result.repair = reason + change;
    return result;
}

} // namespace xj::geometry
