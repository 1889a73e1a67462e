#include "xiangjian/gis/coverage_check.h"

#include "xiangjian/core/error.h"
#include "xiangjian/gis/crs.h"

#include <algorithm>
#include <geos_c.h>
#include <map>
#include <memory>
#include <tuple>

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

struct Tree {
    GEOSContextHandle_t context;
    GEOSSTRtree* tree;
    ~Tree() { GEOSSTRtree_destroy_r(context, tree); } // before the geometries it indexes
    std::vector<std::size_t> query(const GEOSGeometry* geometry) const {
        std::vector<std::size_t> hits;
        GEOSSTRtree_query_r(
            context, tree, geometry,
            [](void* item, void* user) {
                static_cast<std::vector<std::size_t>*>(user)->push_back(
                    *static_cast<std::size_t*>(item));
            },
            &hits);
        std::sort(hits.begin(), hits.end());
        return hits;
    }
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
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < units.size(); ++i) {
        std::unique_ptr<OGRGeometry> projected(units[i].geometry->clone());
        projected->transform(to_metres.get());
        shapes.push_back(geos.own(projected->exportToGEOS(context)));
        groups[units[i].group].push_back(i);
    }
    std::vector<std::size_t> ids(shapes.size());
    Tree tree{context, GEOSSTRtree_create_r(context, 10)};
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        ids[i] = i;
        GEOSSTRtree_insert_r(context, tree.tree, shapes[i], &ids[i]);
    }

    auto check_pair = [&](std::size_t i, std::size_t j) {
        if (GEOSRelatePattern_r(context, shapes[i], shapes[j], "T********") != 1) {
            return;
        }
        GEOSGeometry* shared = GEOSIntersection_r(context, shapes[i], shapes[j]);
        if (shared == nullptr) {
            return;
        }
        const double area = geos.area(shared);
        GEOSGeom_destroy_r(context, shared);
        if (area > tolerance_m2) {
            report.overlaps.push_back({units[i].code, units[j].code, area});
        }
    };

    for (const auto& [group, members] : groups) {
        std::vector<GEOSGeometry*> clones;
        double sum = 0;
        for (const std::size_t i : members) {
            clones.push_back(GEOSGeom_clone_r(context, shapes[i]));
            sum += geos.area(shapes[i]);
        }
        // Freed group by group: a province's unions kept to the end would take gigabytes.
        const auto destroy = [context](GEOSGeometry* g) { GEOSGeom_destroy_r(context, g); };
        std::unique_ptr<GEOSGeometry, decltype(destroy)> collection(
            GEOSGeom_createCollection_r(context, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                        static_cast<unsigned>(clones.size())),
            destroy);
        std::unique_ptr<GEOSGeometry, decltype(destroy)> union_of_group(
            GEOSUnaryUnion_r(context, collection.get()), destroy);
        if (!collection || !union_of_group) {
            throw Error("GEOS failed to union the units of group " + group);
        }
        const GEOSGeometry* merged = union_of_group.get();

        // Overlap inside the group shows as area counted twice.
        if (sum - geos.area(merged) > tolerance_m2) {
            for (std::size_t a = 0; a < members.size(); ++a) {
                for (const std::size_t j : tree.query(shapes[members[a]])) {
                    if (j > members[a] && units[j].group == group) {
                        check_pair(members[a], j);
                    }
                }
            }
        }
        // Gaps: holes in the group's union, with the units around each.
        const int parts = GEOSGetNumGeometries_r(context, merged);
        for (int p = 0; p < parts; ++p) {
            const GEOSGeometry* polygon = GEOSGetGeometryN_r(context, merged, p);
            if (GEOSGeomTypeId_r(context, polygon) != GEOS_POLYGON) {
                continue;
            }
            const int holes = GEOSGetNumInteriorRings_r(context, polygon);
            for (int h = 0; h < holes; ++h) {
                const GEOSGeometry* ring = GEOSGetInteriorRingN_r(context, polygon, h);
                std::unique_ptr<GEOSGeometry, decltype(destroy)> hole_owner(
                    GEOSGeom_createPolygon_r(context, GEOSGeom_clone_r(context, ring), nullptr, 0),
                    destroy);
                const GEOSGeometry* hole = hole_owner.get();
                const double area = geos.area(hole);
                if (area <= tolerance_m2) {
                    continue;
                }
                CoverageGap gap;
                gap.area_m2 = area;
                std::unique_ptr<GEOSGeometry, decltype(destroy)> inside(
                    GEOSPointOnSurface_r(context, hole), destroy);
                GEOSGeomGetX_r(context, inside.get(), &gap.lon);
                GEOSGeomGetY_r(context, inside.get(), &gap.lat);
                to_degrees->Transform(1, &gap.lon, &gap.lat);
                for (const std::size_t j : tree.query(hole)) {
                    if (GEOSIntersects_r(context, shapes[j], hole) == 1) {
                        gap.neighbours.push_back(units[j].code);
                    }
                }
                report.gaps.push_back(std::move(gap));
            }
        }
    }
    // Neighbours in different groups: the township border must not overlap either.
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        for (const std::size_t j : tree.query(shapes[i])) {
            if (j > i && units[j].group != units[i].group) {
                check_pair(i, j);
            }
        }
    }
    std::sort(report.overlaps.begin(), report.overlaps.end(),
              [](const auto& a, const auto& b) { return std::tie(a.a, a.b) < std::tie(b.a, b.b); });
    return report;
}

} // namespace xj::gis
