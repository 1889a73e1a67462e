#include "ogr_records.h"

#include "xiangjian/geometry/ogr_conversion.h"

namespace xj::test {

std::vector<OgrUnit> ogr_units(const store::ProjectStore& store) {
    std::vector<OgrUnit> result;
    for (auto& record : store.units()) {
        OgrUnit unit{std::move(record.unit), nullptr};
        if (auto geometry = geometry::to_ogr(record.boundary)) {
            unit.boundary.reset(
                OGRGeometryFactory::forceToMultiPolygon(geometry.release())->toMultiPolygon());
        }
        result.push_back(std::move(unit));
    }
    return result;
}

std::vector<OgrSite> ogr_sites(const store::ProjectStore& store) {
    std::vector<OgrSite> result;
    for (auto& site : store.sites()) {
        result.push_back(
            {std::move(site.project_id), std::move(site.name), geometry::to_ogr(site.geometry)});
    }
    return result;
}

} // namespace xj::test
