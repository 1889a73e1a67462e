#include "xiangjian/review/qml_style.h"

#include "style_classes.h"
#include "xiangjian/core/engine_vocabulary.h"
#include "xiangjian/core/text.h"
#include "xiangjian/core/vocabulary.h"
#include "xiangjian/render/symbology.h"

#include <algorithm>

namespace xj::review {

namespace {

using detail::xml;

std::string rgba(const render::Colour& colour) {
    return std::to_string(colour.r) + "," + std::to_string(colour.g) + "," +
           std::to_string(colour.b) + "," + std::to_string(colour.a);
}

std::string option(std::string_view name, std::string_view value) {
    return "<Option name=\"" + std::string{name} + "\" type=\"QString\" value=\"" + xml(value) +
           "\"/>";
}

/// One symbol of the layer's geometry in `colour`, as QGIS 3 writes it.
std::string symbol(LayerGeometry geometry, int index, const render::Colour& colour) {
    const std::string name = std::to_string(index);
    switch (geometry) {
    case LayerGeometry::point:
        return "<symbol type=\"marker\" name=\"" + name +
               "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleMarker\" "
               "enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">" +
               option("color", rgba(colour)) + option("name", "circle") + option("size", "2.4") +
               option("outline_color", "255,255,255,255") + option("outline_width", "0.3") +
               "</Option></layer></symbol>";
    case LayerGeometry::line:
        return "<symbol type=\"line\" name=\"" + name +
               "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleLine\" "
               "enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">" +
               option("line_color", rgba(colour)) + option("line_width", "0.8") +
               option("capstyle", "round") + option("joinstyle", "round") +
               "</Option></layer></symbol>";
    default:
        return "<symbol type=\"fill\" name=\"" + name +
               "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleFill\" "
               "enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">" +
               option("color", rgba(colour)) + option("outline_color", "128,128,128,255") +
               option("outline_width", "0.2") + option("style", "solid") +
               "</Option></layer></symbol>";
    }
}

/// A village without projects has no progress (NULL), which no range holds: QGIS would leave it
/// undrawn. The classes are of the value or -1, and -1 has a class of its own in the map's
/// no-data grey, as the .sld's NULL rule and our maps draw it.
constexpr double no_value = -1;

std::string renderer_of(const LayerData& layer, const detail::LayerStyle& style,
                        const std::string& attribute) {
    std::string classes, symbols;
    int index = 0;
    if (style.graduated) {
        classes += "<range lower=\"" + core::general(no_value) + "\" upper=\"" +
                   core::general(no_value) + "\" symbol=\"0\" label=\"无项目\" render=\"true\"/>";
        symbols += symbol(layer.geometry, index++, render::no_data_fill());
    }
    for (const detail::StyleClass& item : style.classes) {
        const std::string n = std::to_string(index);
        if (style.graduated) {
            classes += "<range lower=\"" + core::general(item.lower) + "\" upper=\"" +
                       core::general(item.upper) + "\" symbol=\"" + n + "\" label=\"" +
                       xml(item.label) + "\" render=\"true\"/>";
        } else {
            classes += "<category value=\"" + xml(item.value) + "\" symbol=\"" + n + "\" label=\"" +
                       xml(item.label) + "\" render=\"true\"/>";
        }
        symbols += symbol(layer.geometry, index, item.colour);
        ++index;
    }
    return style.graduated
               ? "<renderer-v2 type=\"graduatedSymbol\" attr=\"" +
                     xml("coalesce(\"" + attribute + "\", " + core::general(no_value) + ")") +
                     "\" graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" enableorderby=\"0\" "
                     "forceraster=\"0\"><ranges>" +
                     classes + "</ranges><symbols>" + symbols + "</symbols></renderer-v2>"
               : "<renderer-v2 type=\"categorizedSymbol\" attr=\"" + xml(attribute) +
                     "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><categories>" +
                     classes + "</categories><symbols>" + symbols + "</symbols></renderer-v2>";
}

} // namespace

std::string qml_style(const LayerData& layer, const std::vector<std::string>& short_names) {
    if (layer.geometry == LayerGeometry::none) {
        return {};
    }
    const detail::LayerStyle style = detail::layer_style(layer);
    const std::string renderer =
        style.field < 0
            ? std::string{}
            : renderer_of(layer, style, short_names[static_cast<std::size_t>(style.field)]);
    std::string aliases;
    for (std::size_t f = 0; f < layer.fields.size(); ++f) {
        aliases += "<alias field=\"" + xml(short_names[f]) + "\" index=\"" + std::to_string(f) +
                   "\" name=\"" + xml(layer.fields[f].name) + "\"/>";
    }
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
           "<qgis version=\"3.22.16\" styleCategories=\"Symbology|Fields\">\n" +
           renderer + "\n<aliases>" + aliases + "</aliases>\n</qgis>\n";
}

} // namespace xj::review
