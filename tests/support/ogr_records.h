#pragma once

// The store's records with their geometry as OGR geometries, for tests that measure and
// compare shapes with OGR (areas, lengths, containment).

#include "xiangjian/store/project_store.h"

#include <memory>
#include <ogr_geometry.h>
#include <string>
#include <vector>

namespace xj::test {

struct OgrUnit {
    core::AdminUnit unit;
    std::unique_ptr<OGRMultiPolygon> boundary; ///< null when the unit has none
};

struct OgrSite {
    std::string project_id;
    std::string name;
    std::unique_ptr<OGRGeometry> geometry; ///< Point, MultiLineString or MultiPolygon
};

/// store.units() with OGR boundaries, in the store's order.
std::vector<OgrUnit> ogr_units(const store::ProjectStore& store);
/// store.sites() with OGR geometries, in the store's order.
std::vector<OgrSite> ogr_sites(const store::ProjectStore& store);

} // namespace xj::test
