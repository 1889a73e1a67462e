#pragma once

#include "xiangjian/core/date.h"

#include <string>

namespace xj::demo {

/// The day the demo describes: the end of August 2018, the month of the Qianping Reservoir
/// report in the brief. Every report, visit and problem in the demo is on or before it.
core::Date ruyang_as_of();

/// Builds the demo county, Ruyang (汝阳县, 410326), into a new GeoPackage at `path`, from the
/// tables in data/ruyang/ (compiled in) and the documented generators. Deterministic: the same
/// program gives the same content every time. Written under a temporary name and renamed, so
/// a failure leaves no file and an existing file untouched. Throws xj::Error if `path` exists,
/// unless `replace_existing`.
void build_ruyang_demo(const std::string& path, bool replace_existing = false);

} // namespace xj::demo
