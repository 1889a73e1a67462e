#pragma once

// GeoPackage geometry blobs (a small header, then ISO WKB), written byte for byte as GDAL 3.6
// writes them, for the rows the store writes with its own prepared statements.

#include <memory>
#include <ogr_geometry.h>
#include <span>
#include <vector>

namespace xj::gpkg::detail {

/// The blob of `geometry` in SRS `srs_id`; a LineString or Polygon is written as a Multi… of
/// one part when `as_multi`. Points and empty geometries have no envelope in the header, 3D
/// geometries an XYZ one, others an XY one. `envelope` receives the 2D extent (none when
/// empty).
std::vector<unsigned char> gpkg_blob(const OGRGeometry& geometry, int srs_id, bool as_multi,
                                     OGREnvelope& envelope);

/// The WKB inside a blob; empty when the blob is not a GeoPackage geometry.
std::span<const unsigned char> wkb_of_blob(std::span<const unsigned char> blob);

/// The geometry of a blob, or null when it is not one.
std::unique_ptr<OGRGeometry> geometry_of_blob(std::span<const unsigned char> blob);

} // namespace xj::gpkg::detail
