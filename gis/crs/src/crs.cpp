#include "xiangjian/crs/crs.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <cmath>
#include <string>

namespace xj::crs {

OGRSpatialReference srs_from_epsg(int epsg) {
    OGRSpatialReference srs;
    if (srs.importFromEPSG(epsg) != OGRERR_NONE) {
        throw Error(text("未知的坐标系 EPSG:", "unknown CRS EPSG:") + std::to_string(epsg));
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

int gauss_kruger_3deg_epsg(double longitude) {
    const int central_meridian = static_cast<int>(std::lround(longitude / 3.0)) * 3;
    if (central_meridian < 75 || central_meridian > 135) {
        throw Error(text("经度 ", "longitude ") + std::to_string(longitude) +
                    text(" 超出 CGCS2000 高斯-克吕格 3 度带范围（东经 75–135 度）",
                         " is outside the CGCS2000 3-degree Gauss-Kruger zones (75-135 E)"));
    }
    return 4534 + (central_meridian - 75) / 3;
}

OGRSpatialReference* storage_srs() {
    static auto* srs = new OGRSpatialReference(srs_from_epsg(storage_epsg));
    return srs;
}

} // namespace xj::crs
