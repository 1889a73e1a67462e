#pragma once

// A layer's QGIS style (.qml) and SLD beside its shapefile, with the symbology of our own maps
// (render/symbology.h: one source of truth): villages graduated by the progress the map colours
// them by, projects categorized by status; the full Chinese field names as the fields' aliases.

#include "xiangjian/review/shapefile_layer.h"

#include <string>
#include <vector>

namespace xj::review {

/// The .qml text for the layer, whose fields are written under `short_names`; empty for a
/// table (no geometry to style).
std::string qml_style(const LayerData& layer, const std::vector<std::string>& short_names);

/// The same style as SLD (Symbology Encoding 1.1), for ArcGIS and GeoServer users: one rule a
/// class, with an explicit filter each (no ElseFilter, which QGIS ignores); the villages with no
/// projects get a rule of their own (地图进度 is NULL). Empty for a table.
std::string sld_style(const LayerData& layer, const std::vector<std::string>& short_names);

} // namespace xj::review
