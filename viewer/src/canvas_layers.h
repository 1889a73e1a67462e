#pragma once

// The layers the canvas composes, bottom to top by default. Each is drawn into an image of its
// own (as QGIS caches one image per layer): a change of day redraws only the layers the day
// colours, a change of opacity, order or visibility only composes again.

#include "xiangjian/render/map_renderer.h"

#include <QString>
#include <array>
#include <vector>

namespace xj::viewer {

enum class CanvasLayer { basemap, villages, boundaries, polygons, lines, points, labels };
inline constexpr std::array<CanvasLayer, 7> all_canvas_layers{
    CanvasLayer::basemap, CanvasLayer::villages, CanvasLayer::boundaries, CanvasLayer::polygons,
    CanvasLayer::lines,   CanvasLayer::points,   CanvasLayer::labels};

/// Villages and sites are coloured by the day, the theme and the filter; the rest is not.
inline bool follows_the_day(CanvasLayer layer) {
    return layer == CanvasLayer::villages || layer == CanvasLayer::polygons ||
           layer == CanvasLayer::lines || layer == CanvasLayer::points;
}

inline render::MapLayer map_layer(CanvasLayer layer) {
    switch (layer) {
    case CanvasLayer::basemap:
        return render::MapLayer::basemap;
    case CanvasLayer::villages:
        return render::MapLayer::villages;
    case CanvasLayer::boundaries:
        return render::MapLayer::boundaries;
    case CanvasLayer::polygons:
        return render::MapLayer::polygons;
    case CanvasLayer::lines:
        return render::MapLayer::lines;
    case CanvasLayer::points:
        return render::MapLayer::points;
    case CanvasLayer::labels:
        return render::MapLayer::labels;
    }
    return render::MapLayer::villages;
}

/// A stable key for settings ("villages", "labels" …), as `render --layers` names them.
inline QString layer_key(CanvasLayer layer) {
    switch (layer) {
    case CanvasLayer::basemap:
        return QStringLiteral("basemap");
    case CanvasLayer::villages:
        return QStringLiteral("villages");
    case CanvasLayer::boundaries:
        return QStringLiteral("boundaries");
    case CanvasLayer::polygons:
        return QStringLiteral("polygons");
    case CanvasLayer::lines:
        return QStringLiteral("lines");
    case CanvasLayer::points:
        return QStringLiteral("points");
    case CanvasLayer::labels:
        return QStringLiteral("labels");
    }
    return {};
}

struct LayerState {
    CanvasLayer layer = CanvasLayer::villages;
    bool visible = true;
    double opacity = 1.0;
};

/// Every layer, visible and opaque, in the default order (bottom to top).
inline std::vector<LayerState> default_layers() {
    std::vector<LayerState> layers;
    for (const CanvasLayer layer : all_canvas_layers) {
        layers.push_back({layer, true, 1.0});
    }
    return layers;
}

} // namespace xj::viewer
