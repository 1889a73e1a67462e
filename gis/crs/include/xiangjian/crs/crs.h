#pragma once

#include <ogr_spatialref.h>

namespace xj::crs {

/// Storage CRS of every project: CGCS2000 geographic (EPSG:4490).
inline constexpr int storage_epsg = 4490;

/// An SRS from an EPSG code, with traditional GIS axis order (x = longitude or easting).
/// EPSG:4490 is latitude-first and every CGCS2000 Gauss–Krüger CRS northing-first in the
/// registry; Xiangjian uses easting/longitude-first everywhere to avoid the axis-order trap.
/// Throws xj::Error for an unknown code.
OGRSpatialReference srs_from_epsg(int epsg);

/// The CGCS2000 3-degree Gauss–Krüger CRS (EPSG:4534 for 75°E … 4554 for 135°E) whose zone
/// contains `longitude` (zones span the central meridian ± 1.5°). Throws outside 73.5–136.5°E.
int gauss_kruger_3deg_epsg(double longitude);

/// The storage CRS (CGCS2000, longitude first), shared by the geometries handed out in it: one
/// instance for the whole process, never freed, as GDAL gives a layer's geometries theirs.
OGRSpatialReference* storage_srs();

} // namespace xj::crs
