#pragma once

// Coordinate operations between two CRSs through PROJ (OGRCoordinateTransformation), built in
// one place and checked: PROJ may have none between two CRSs.

#include <memory>
#include <ogr_spatialref.h>
#include <string>

namespace xj::crs {

/// The transformation from one CRS to another, or null when PROJ has none (GDAL's reason then
/// in `why`, when given).
std::unique_ptr<OGRCoordinateTransformation>
find_transformation(const OGRSpatialReference& from, const OGRSpatialReference& to,
                    const OGRCoordinateTransformationOptions& options = {},
                    std::string* why = nullptr);

/// The transformation between two EPSG CRSs (GIS axis order); an xj::Error "PROJ cannot
/// transform EPSG:a to EPSG:b" when PROJ has none.
std::unique_ptr<OGRCoordinateTransformation> transformation(int from_epsg, int to_epsg);

} // namespace xj::crs
