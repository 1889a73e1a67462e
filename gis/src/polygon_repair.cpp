#include "xiangjian/gis/polygon_repair.h"

#include "xiangjian/core/error.h"

#include <algorithm>
#include <cstdio>
#include <geos_c.h>

namespace xj::gis {

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
        throw Error(std::string{"a "} + flat->getGeometryName() + " where a polygon was expected");
    }
    if (flat->IsEmpty()) {
        throw Error("empty geometry");
    }
    RepairedPolygon result;
    flat->flattenTo2D();
    if (flat->IsValid()) {
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
        throw Error("invalid (" + reason + ") and GEOS could not repair it");
    }
    collect_polygons(*valid, *result.geometry);
    if (result.geometry->IsEmpty()) {
        throw Error("invalid (" + reason + ") with no area left after repair");
    }
    const double before =
        type == wkbPolygon ? flat->toPolygon()->get_Area() : flat->toMultiPolygon()->get_Area();
    char change[96];
    std::snprintf(change, sizeof change, "; made valid (%d part(s), area %+.2f%%)",
                  result.geometry->getNumGeometries(),
                  before > 0 ? 100.0 * (result.geometry->get_Area() - before) / before : 0.0);
    result.repair = reason + change;
    return result;
}

} // namespace xj::gis
