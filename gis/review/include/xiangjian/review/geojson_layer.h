#pragma once

// A review layer as GeoJSON for the web (RFC 7946): WGS 84 longitude and latitude, properties
// under their full Chinese names, dates as ISO 8601 text. Written under a temporary name beside
// the file and renamed into place once it reads back whole.

#include "xiangjian/review/shapefile_layer.h"

#include <optional>
#include <string>
#include <vector>

namespace xj::review {

/// The layer a name means: 村/villages, 项目点/points, 项目线/lines, 项目面/polygons; none for
/// anything else.
std::optional<std::size_t> geojson_layer_index(const std::string& name);

/// Throws xj::Error when `out` exists (an export never overwrites), cannot be written, or does
/// not read back with every feature. Returns the number of features written.
std::size_t write_geojson(const LayerData& layer, const std::string& out);

} // namespace xj::review
