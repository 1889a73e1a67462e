#pragma once

// Between the store's geometry (WKB with its box) and OGR's, for the code that measures,
// repairs or compares shapes.

#include "xiangjian/store/geometry.h"

#include <memory>
#include <ogr_geometry.h>

namespace xj::geometry {

/// The store's geometry of an OGR geometry: ISO WKB, little-endian.
store::Geometry from_ogr(const OGRGeometry& geometry);

/// An OGR geometry of the store's, in the storage CRS (CGCS2000 lon/lat); null for none.
/// Throws xj::Error when OGR cannot read the bytes.
std::unique_ptr<OGRGeometry> to_ogr(const store::Geometry& geometry);

/// Whether two geometries are the same: the same type, parts and vertices in the same order, as
/// OGR's Equals (SQL/MM ST_OrderingEquals) says, whatever the byte order of their WKB. None
/// equals only none.
bool same_shape(const store::Geometry& a, const store::Geometry& b);

} // namespace xj::geometry
