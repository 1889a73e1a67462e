#include "xiangjian/geometry/ogr_conversion.h"

#include "xiangjian/core/error.h"
#include "xiangjian/crs/crs.h"

#include <vector>

namespace xj::geometry {

store::Geometry from_ogr(const OGRGeometry& geometry) {
    std::vector<unsigned char> wkb(geometry.WkbSize());
    if (geometry.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso) != OGRERR_NONE) {
        throw Error(std::string{"cannot write a "} + geometry.getGeometryName() + " as WKB");
    }
    return store::Geometry(std::move(wkb));
}

std::unique_ptr<OGRGeometry> to_ogr(const store::Geometry& geometry) {
    if (!geometry) {
        return nullptr;
    }
    const auto wkb = geometry.wkb();
    OGRGeometry* result = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &result, wkb.size(),
                                          wkbVariantIso) != OGRERR_NONE) {
        delete result;
        throw Error("OGR cannot read a stored geometry of " + std::to_string(wkb.size()) +
                    " bytes");
    }
    result->assignSpatialReference(crs::storage_srs());
    return std::unique_ptr<OGRGeometry>(result);
}

bool same_shape(const store::Geometry& a, const store::Geometry& b) {
    if (a == b) {
        return true;
    }
    if (!a || !b || !(a.box() == b.box())) {
        return false;
    }
    return to_ogr(a)->Equals(to_ogr(b).get());
}

} // namespace xj::geometry
