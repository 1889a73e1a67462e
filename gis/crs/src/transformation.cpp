#include "xiangjian/crs/transformation.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/gdal/gdal_errors.h"

namespace xj::crs {

std::unique_ptr<OGRCoordinateTransformation>
find_transformation(const OGRSpatialReference& from, const OGRSpatialReference& to,
                    const OGRCoordinateTransformationOptions& options, std::string* why) {
    gdal::GdalErrorCapture errors;
    std::unique_ptr<OGRCoordinateTransformation> found(
        OGRCreateCoordinateTransformation(&from, &to, options));
    if (!found && why != nullptr) {
        *why = errors.message();
    }
    return found;
}

std::unique_ptr<OGRCoordinateTransformation> transformation(int from_epsg, int to_epsg) {
    std::string why;
    auto found = find_transformation(srs_from_epsg(from_epsg), srs_from_epsg(to_epsg), {}, &why);
    if (!found) {
        throw Error(text("PROJ 无法将 EPSG:", "PROJ cannot transform EPSG:") +
                    std::to_string(from_epsg) + text(" 转换到 EPSG:", " to EPSG:") +
                    std::to_string(to_epsg) + " (" + why + ")");
    }
    return found;
}

} // namespace xj::crs
