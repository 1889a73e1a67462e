#include "geometry_check.h"

#include "xiangjian/core/language.h"
#include "xiangjian/geometry/simple_ring.h"

#include <vector>

namespace xj::review::detail {

std::string invalid_because(const OGRGeometry& geometry) {
    const OGRPolygon* polygon = nullptr;
    if (const auto* multi = dynamic_cast<const OGRMultiPolygon*>(&geometry);
        multi != nullptr && multi->getNumGeometries() == 1) {
        polygon = multi->getGeometryRef(0);
    } else if (const auto* single = dynamic_cast<const OGRPolygon*>(&geometry)) {
        polygon = single;
    }
    if (polygon != nullptr && polygon->getNumInteriorRings() == 0 &&
        polygon->getExteriorRing() != nullptr) {
        const OGRLinearRing* ring = polygon->getExteriorRing();
        std::vector<double> xy;
        xy.reserve(static_cast<std::size_t>(ring->getNumPoints()) * 2);
        for (const auto& point : *ring) {
            xy.push_back(point.getX());
            xy.push_back(point.getY());
        }
        if (geometry::surely_simple_ring(xy.data(), xy.size() / 2)) {
            return {};
        }
    }
    return geometry.IsValid() ? std::string{} : text("几何无效（GEOS）", "invalid geometry (GEOS)");
}

} // namespace xj::review::detail
