#pragma once

// The records the store tests write again and again: a village, a road project, geometry from
// WKT.

#include "xiangjian/core/admin_unit.h"
#include "xiangjian/core/project.h"
#include "xiangjian/store/geometry.h"
#include "xiangjian/store/project_store.h"

#include <memory>
#include <ogr_geometry.h>

namespace xj::test {

/// 杜康村 of 蔡店乡, 汝阳县: a poor village with households and population.
core::AdminUnit village();
/// Its road (RY2018-002): measured by quantity, 4.8 km, with leader, unit and dates.
core::Project road();
/// An OGR geometry from WKT (a test failure when it is not WKT).
std::unique_ptr<OGRGeometry> from_wkt(const char* wkt);
/// The store's geometry from WKT.
store::Geometry stored(const char* wkt);
store::Geometry point(double lon, double lat);

/// 蔡店乡 (with a square boundary, 112.4–112.5°E, 34.0–34.1°N), its village (no boundary) and the
/// road: what each store test starts from.
void add_township_village_and_road(store::ProjectStore& store);

} // namespace xj::test
