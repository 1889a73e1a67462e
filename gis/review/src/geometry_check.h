#pragma once

// Whether a geometry is valid, for the checks before an export and the read-back after it.

#include <ogr_geometry.h>
#include <string>

namespace xj::review::detail {

/// Why the geometry is not valid, or empty when it is. A polygon of one ring is valid exactly
/// when the ring is simple: the sort-and-sweep of geometry::surely_simple_ring decides most
/// village boundaries without GEOS; the rest go to GEOS.
std::string invalid_because(const OGRGeometry& geometry);

} // namespace xj::review::detail
