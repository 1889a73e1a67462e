#pragma once

// The classes a review layer is styled by, from render/symbology.h (the colours of our own
// maps): what the .qml and the .sld both write, so that they cannot disagree.

#include "xiangjian/render/symbology.h"
#include "xiangjian/review/shapefile_layer.h"

#include <string>
#include <vector>

namespace xj::review::detail {

struct StyleClass {
    std::string label;
    double lower = 0, upper = 0; ///< of a graduated class: lower ≤ value < upper (≤ for the last)
    std::string value;           ///< of a category
    render::Colour colour;
};

struct LayerStyle {
    bool graduated = false;
    int field = -1; ///< index of the field styled by; -1: the layer has no style
    std::vector<StyleClass> classes;
};

/// Villages: graduated on 地图进度 in the progress classes; projects: categorized on 进度状态
/// in the status colours; anything else: none.
LayerStyle layer_style(const LayerData& layer);

/// Text for XML.
std::string xml(std::string_view text);

} // namespace xj::review::detail
