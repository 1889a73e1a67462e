#pragma once

#include "xiangjian/render/display_geometry.h"
#include "xiangjian/render/map_view.h"

#include <QImage>
#include <string>

namespace xj::render::detail {

/// Any GDAL raster (GeoTIFF, MBTiles, a DEM…) warped by GDAL into the view: a DEM (one band
/// of elevations) drawn as hillshade, one band with a colour table through it, grey, RGB or
/// RGBA as they are. Outside the raster is transparent. Throws xj::Error naming the file.
QImage basemap_image(const std::string& path, const render::DisplayCrs& crs, const MapView& view);

} // namespace xj::render::detail
