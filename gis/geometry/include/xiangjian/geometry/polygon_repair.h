#pragma once

#include <memory>
#include <ogr_geometry.h>
#include <string>

namespace xj::geometry {

/// A polygonal geometry checked with GEOS and, if invalid, made valid.
struct RepairedPolygon {
    std::unique_ptr<OGRMultiPolygon> geometry;
    /// Empty when the input was valid; else what GEOS found, e.g.
    /// "Self-intersection at 112.41 34.02", and what was done about it.
    std::string repair;
};

/// Validates a Polygon or MultiPolygon with GEOS; an invalid one is repaired with GEOS
/// make-valid, keeping its polygonal parts. Throws xj::Error for an empty or non-polygonal
/// geometry, or one that has no area left after repair.
RepairedPolygon checked_multipolygon(const OGRGeometry& geometry);
/// The same, taking over the geometry: no copy when it is valid.
RepairedPolygon checked_multipolygon(std::unique_ptr<OGRGeometry> geometry);

} // namespace xj::geometry
