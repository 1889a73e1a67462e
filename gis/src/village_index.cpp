#include "xiangjian/gis/village_index.h"

#include "xiangjian/core/error.h"
#include "xiangjian/gis/crs.h"

#include <algorithm>
#include <geos_c.h>

namespace xj::gis {

struct VillageIndex::Impl {
    GEOSContextHandle_t context = GEOS_init_r();
    GEOSSTRtree* tree = nullptr;
    std::vector<std::string> codes;
    std::vector<GEOSGeometry*> shapes;
    std::vector<const GEOSPreparedGeometry*> prepared;
    std::vector<std::size_t> ids;
    OGRSpatialReference geographic = srs_from_epsg(storage_epsg);
    OGRSpatialReference metric;
    std::unique_ptr<OGRCoordinateTransformation> to_metres;

    ~Impl() {
        if (tree != nullptr) {
            GEOSSTRtree_destroy_r(context, tree);
        }
        for (const auto* p : prepared) {
            GEOSPreparedGeom_destroy_r(context, p);
        }
        for (auto* shape : shapes) {
            GEOSGeom_destroy_r(context, shape);
        }
        GEOS_finish_r(context);
    }

    std::vector<std::size_t> candidates(const GEOSGeometry* query) const {
        std::vector<std::size_t> hits;
        GEOSSTRtree_query_r(
            context, tree, query,
            [](void* item, void* user) {
                static_cast<std::vector<std::size_t>*>(user)->push_back(
                    *static_cast<std::size_t*>(item));
            },
            &hits);
        std::sort(hits.begin(), hits.end());
        return hits;
    }

    GEOSGeometry* to_geos(const OGRGeometry& geometry) const {
        GEOSGeometry* result = geometry.exportToGEOS(context);
        if (result == nullptr) {
            throw Error("GEOS cannot read a site geometry");
        }
        return result;
    }

    /// Length or area of a GEOS geometry (lon/lat) measured in the metric CRS.
    double measure(GEOSGeometry* part, bool area) const {
        OGRGeometry* ogr = OGRGeometryFactory::createFromGEOS(context, part);
        if (ogr == nullptr) {
            return 0;
        }
        std::unique_ptr<OGRGeometry> owned(ogr);
        owned->transform(to_metres.get());
        if (area) {
            const auto type = wkbFlatten(owned->getGeometryType());
            if (type == wkbPolygon) {
                return owned->toPolygon()->get_Area();
            }
            if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
                double sum = 0;
                for (const OGRGeometry* piece : *owned->toGeometryCollection()) {
                    if (wkbFlatten(piece->getGeometryType()) == wkbPolygon) {
                        sum += piece->toPolygon()->get_Area();
                    }
                }
                return sum;
            }
            return 0;
        }
        double length = 0;
        GEOSGeometry* projected = owned->exportToGEOS(context);
        if (projected != nullptr) {
            GEOSLength_r(context, projected, &length);
            GEOSGeom_destroy_r(context, projected);
        }
        return length;
    }

    std::vector<Share> shares(const OGRGeometry& site, bool area) const {
        GEOSGeometry* query = to_geos(site);
        std::vector<Share> result;
        for (const std::size_t i : candidates(query)) {
            if (GEOSPreparedIntersects_r(context, prepared[i], query) != 1) {
                continue;
            }
            GEOSGeometry* part = GEOSIntersection_r(context, shapes[i], query);
            if (part == nullptr) {
                continue;
            }
            const double value = measure(part, area);
            GEOSGeom_destroy_r(context, part);
            if (value > 0) {
                result.push_back({codes[i], value});
            }
        }
        GEOSGeom_destroy_r(context, query);
        std::sort(result.begin(), result.end(),
                  [](const Share& a, const Share& b) { return a.code < b.code; });
        return result;
    }
};

VillageIndex::VillageIndex(const std::vector<Village>& villages, int projected_epsg)
    : m_impl(std::make_unique<Impl>()) {
    Impl& d = *m_impl;
    d.metric = srs_from_epsg(projected_epsg);
    d.to_metres.reset(OGRCreateCoordinateTransformation(&d.geographic, &d.metric));
    d.tree = GEOSSTRtree_create_r(d.context, 10);
    d.ids.resize(villages.size());
    for (std::size_t i = 0; i < villages.size(); ++i) {
        d.codes.push_back(villages[i].code);
        d.shapes.push_back(d.to_geos(*villages[i].boundary));
        d.prepared.push_back(GEOSPrepare_r(d.context, d.shapes.back()));
        d.ids[i] = i;
    }
    for (std::size_t i = 0; i < villages.size(); ++i) {
        GEOSSTRtree_insert_r(d.context, d.tree, d.shapes[i], &d.ids[i]);
    }
}

VillageIndex::~VillageIndex() = default;

std::size_t VillageIndex::size() const {
    return m_impl->codes.size();
}

std::optional<std::string> VillageIndex::containing(double lon, double lat) const {
    const Impl& d = *m_impl;
    GEOSGeometry* point = GEOSGeom_createPointFromXY_r(d.context, lon, lat);
    std::optional<std::string> found;
    for (const std::size_t i : d.candidates(point)) {
        if (GEOSPreparedIntersects_r(d.context, d.prepared[i], point) == 1) {
            found = d.codes[i];
            break;
        }
    }
    GEOSGeom_destroy_r(d.context, point);
    return found;
}

std::vector<VillageIndex::Share> VillageIndex::along(const OGRGeometry& line) const {
    return m_impl->shares(line, false);
}

std::vector<VillageIndex::Share> VillageIndex::under(const OGRGeometry& polygon) const {
    return m_impl->shares(polygon, true);
}

} // namespace xj::gis
