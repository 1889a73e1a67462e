#pragma once

// GeoPackage geometry blobs (a small header, then ISO WKB), written byte for byte as GDAL 3.6
// writes them, for the rows the store writes with its own prepared statements.

#include "xiangjian/store/geometry.h"

#include <span>
#include <vector>

namespace xj::gpkg::detail {

/// The blob of `geometry` in SRS `srs_id`; a LineString or Polygon is written as a Multi… of
/// one part when `as_multi`. Points and empty geometries have no envelope in the header, 3D
/// geometries an XYZ one, others an XY one.
std::vector<unsigned char> gpkg_blob(const store::Geometry& geometry, int srs_id, bool as_multi);

/// The WKB inside a blob; empty when the blob is not a GeoPackage geometry.
std::span<const unsigned char> wkb_of_blob(std::span<const unsigned char> blob);

/// The geometry of a blob; none when the blob is not a GeoPackage geometry.
store::Geometry geometry_of_blob(std::span<const unsigned char> blob);

} // namespace xj::gpkg::detail
