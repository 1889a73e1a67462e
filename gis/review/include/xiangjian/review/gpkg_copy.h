#pragma once

// The review layers as one standalone GeoPackage, each layer's QGIS style in `layer_styles`
// so that QGIS shows it styled on opening: QGIS reads only `styleQML`, and looks a style up by
// `f_table_schema` = '' (empty, not NULL), `f_table_name` and `f_geometry_column`.

#include "xiangjian/review/shapefile_layer.h"

#include <string>
#include <utility>
#include <vector>

namespace xj::review {

/// Writes the layers (CGCS2000 lon/lat, full Chinese field names) and their styles to `out`
/// under a hidden name beside it, reads it back, and renames it into place. Throws xj::Error
/// when `out` exists, cannot be written, or does not read back as meant. Returns each layer
/// with its feature count.
std::vector<std::pair<std::string, std::size_t>>
write_review_gpkg(const std::vector<LayerData>& layers, const std::string& out);

} // namespace xj::review
