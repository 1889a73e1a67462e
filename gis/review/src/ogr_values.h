#pragma once

// What the review writers (shapefile, GeoPackage, GeoJSON, bundle) share: values and geometry
// types as OGR takes them, and the refusal to overwrite.

#include "xiangjian/review/shapefile_layer.h"

#include <ogrsf_frmts.h>
#include <string>

namespace xj::review::detail {

/// The OGR type a layer's geometry is written as (lines and polygons as their multi types).
OGRwkbGeometryType ogr_type(LayerGeometry geometry);

/// Throws when `out` exists: an export never overwrites what is there.
void refuse_existing(const std::string& out);

/// Sets field `index` of `row` to `value`: text, integers, reals, dates as date fields (or as ISO
/// text when `dates_as_text`); none leaves it unset.
void set_value(OGRFeature& row, int index, const Value& value, bool dates_as_text = false);

} // namespace xj::review::detail
