#pragma once

// A review layer's values and geometry types as OGR takes them: what the shapefile, GeoPackage
// and GeoJSON writers share.

#include "xiangjian/review/shapefile_layer.h"

#include <ogrsf_frmts.h>

namespace xj::review::detail {

/// The OGR type a layer's geometry is written as (lines and polygons as their multi types).
OGRwkbGeometryType ogr_type(LayerGeometry geometry);

/// Sets field `index` of `row` to `value`: text, integers, reals, dates as date fields (or as ISO
/// text when `dates_as_text`); none leaves it unset.
void set_value(OGRFeature& row, int index, const Value& value, bool dates_as_text = false);

} // namespace xj::review::detail
