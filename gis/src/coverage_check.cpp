#include "xiangjian/gis/coverage_check.h"

#include "xiangjian/core/error.h"
#include "xiangjian/gis/crs.h"

#include <algorithm>
#include <geos_c.h>
#include <memory>

namespace xj::gis {

namespace {

/// One GEOS context and the geometries made in it, freed together.
class Geos {
public:
    Geos() : m_context(GEOS_init_r()) {}
    Geos(const Geos&) = delete;
    Geos& operator=(const Geos&) = delete;
    ~Geos() {
        for (GEOSGeometry* geometry : m_owned) {
            GEOSGeom_destroy_r(m_context, geometry);
        }
        GEOS_finish_r(m_context);
    }
    GEOSContextHandle_t context() const { return m_context; }
    GEOSGeometry* own(GEOSGeometry* geometry) {
        if (geometry == nullptr) {
            throw Error("GEOS failed while checking overlaps and gaps");
        }
        m_owned.push_back(geometry);
        return geometry;
    }
    double area(const GEOSGeometry* geometry) const {
        double value = 0;
        GEOSArea_r(m_context, geometry, &value);
        return value;
    }

private:
    GEOSContextHandle_t m_context;
    std::vector<GEOSGeometry*> m_owned;
};

} // namespace

CoverageReport check_coverage(const std::vector<CoverageUnit>& units, int projected_epsg,
                              double tolerance_m2) {
    CoverageReport report;
    if (units.empty()) {
        return report;
    }
    const OGRSpatialReference geographic = srs_from_epsg(storage_epsg);
    const OGRSpatialReference metric = srs_from_epsg(projected_epsg);
    std::unique_ptr<OGRCoordinateTransformation> to_metres(
        OGRCreateCoordinateTransformation(&geographic, &metric));
    std::unique_ptr<OGRCoordinateTransformation> to_degrees(
        OGRCreateCoordinateTransformation(&metric, &geographic));

    Geos geos;
    GEOSContextHandle_t context = geos.context();
    std::vector<GEOSGeometry*> shapes;
    shapes.reserve(units.size());
    for (const auto& unit : units) {
        std::unique_ptr<OGRGeometry> projected(unit.geometry->clone());
        projected->transform(to_metres.get());
        shapes.push_back(geos.own(projected->exportToGEOS(context)));
    }

    struct Tree {
        GEOSContextHandle_t context;
        GEOSSTRtree* tree;
        ~Tree() { GEOSSTRtree_destroy_r(context, tree); } // before the geometries it indexes
    } tree{context, GEOSSTRtree_create_r(context, 10)};
    GEOSSTRtree* raw_tree = tree.tree;
    std::vector<std::size_t> ids(shapes.size());
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        ids[i] = i;
        GEOSSTRtree_insert_r(context, raw_tree, shapes[i], &ids[i]);
    }

    // Overlaps: pairs of neighbours whose interiors meet, by the area they share.
    struct Query {
        std::vector<std::size_t> hits;
    } query;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        query.hits.clear();
        GEOSSTRtree_query_r(
            context, raw_tree, shapes[i],
            [](void* item, void* user) {
                static_cast<Query*>(user)->hits.push_back(*static_cast<std::size_t*>(item));
            },
            &query);
        std::sort(query.hits.begin(), query.hits.end());
        for (const std::size_t j : query.hits) {
            if (j <= i || GEOSRelatePattern_r(context, shapes[i], shapes[j], "T********") != 1) {
                continue;
            }
            GEOSGeometry* shared = geos.own(GEOSIntersection_r(context, shapes[i], shapes[j]));
            const double area = geos.area(shared);
            if (area > tolerance_m2) {
                report.overlaps.push_back({units[i].code, units[j].code, area});
            }
        }
    }

    // Gaps: holes in the union of all units, with the units around each.
    std::vector<GEOSGeometry*> clones;
    for (GEOSGeometry* shape : shapes) {
        clones.push_back(GEOSGeom_clone_r(context, shape));
    }
    GEOSGeometry* all = geos.own(GEOSGeom_createCollection_r(
        context, GEOS_GEOMETRYCOLLECTION, clones.data(), static_cast<unsigned>(clones.size())));
    GEOSGeometry* merged = geos.own(GEOSUnaryUnion_r(context, all));
    const int parts = GEOSGetNumGeometries_r(context, merged);
    for (int p = 0; p < parts; ++p) {
        const GEOSGeometry* polygon = GEOSGetGeometryN_r(context, merged, p);
        if (GEOSGeomTypeId_r(context, polygon) != GEOS_POLYGON) {
            continue;
        }
        const int holes = GEOSGetNumInteriorRings_r(context, polygon);
        for (int h = 0; h < holes; ++h) {
            const GEOSGeometry* ring = GEOSGetInteriorRingN_r(context, polygon, h);
            GEOSGeometry* hole = geos.own(GEOSGeom_createPolygon_r(
                context, GEOSGeom_clone_r(context, ring), nullptr, 0));
            const double area = geos.area(hole);
            if (area <= tolerance_m2) {
                continue;
            }
            CoverageGap gap;
            gap.area_m2 = area;
            GEOSGeometry* inside = geos.own(GEOSPointOnSurface_r(context, hole));
            GEOSGeomGetX_r(context, inside, &gap.lon);
            GEOSGeomGetY_r(context, inside, &gap.lat);
            to_degrees->Transform(1, &gap.lon, &gap.lat);
            query.hits.clear();
            GEOSSTRtree_query_r(
                context, raw_tree, hole,
                [](void* item, void* user) {
                    static_cast<Query*>(user)->hits.push_back(*static_cast<std::size_t*>(item));
                },
                &query);
            std::sort(query.hits.begin(), query.hits.end());
            for (const std::size_t j : query.hits) {
                if (GEOSIntersects_r(context, shapes[j], hole) == 1) {
                    gap.neighbours.push_back(units[j].code);
                }
            }
            report.gaps.push_back(std::move(gap));
        }
    }
    return report;
}

} // namespace xj::gis
