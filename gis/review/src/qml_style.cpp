#include "xiangjian/review/qml_style.h"

#include "xiangjian/core/engine_vocabulary.h"
#include "xiangjian/core/vocabulary.h"
#include "xiangjian/render/symbology.h"

#include <algorithm>

namespace xj::review {

namespace {

std::string xml(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

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

/// The index of the field with this full name; -1 when the layer has none.
int field_index(const LayerData& layer, std::string_view full_name) {
    for (std::size_t f = 0; f < layer.fields.size(); ++f) {
        if (layer.fields[f].name == full_name) {
            return static_cast<int>(f);
        }
    }
    return -1;
}

std::string graduated(const LayerData& layer, const std::string& attribute) {
    std::string ranges, symbols;
    int index = 0;
    for (const render::FillClass& fill : render::progress_classes()) {
        const int lower = index * 20;
        ranges += "<range lower=\"" + std::to_string(lower) + "\" upper=\"" +
                  std::to_string(lower + 20) + "\" symbol=\"" + std::to_string(index) +
                  "\" label=\"" + xml(fill.label_zh) + "\" render=\"true\"/>";
        symbols += symbol(layer.geometry, index, fill.fill);
        ++index;
    }
    return "<renderer-v2 type=\"graduatedSymbol\" attr=\"" + xml(attribute) +
           "\" graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" enableorderby=\"0\" "
           "forceraster=\"0\"><ranges>" +
           ranges + "</ranges><symbols>" + symbols + "</symbols></renderer-v2>";
}

std::string categorized(const LayerData& layer, const std::string& attribute) {
    std::string categories, symbols;
    int index = 0;
    for (const auto& term : core::terms(core::ScheduleStatus{})) {
        categories += "<category value=\"" + xml(term.label_zh) + "\" symbol=\"" +
                      std::to_string(index) + "\" label=\"" + xml(term.label_zh) +
                      "\" render=\"true\"/>";
        symbols += symbol(layer.geometry, index, render::status_colour(term.value));
        ++index;
    }
    return "<renderer-v2 type=\"categorizedSymbol\" attr=\"" + xml(attribute) +
           "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><categories>" + categories +
           "</categories><symbols>" + symbols + "</symbols></renderer-v2>";
}

} // namespace

std::string qml_style(const LayerData& layer, const std::vector<std::string>& short_names) {
    if (layer.geometry == LayerGeometry::none) {
        return {};
    }
    std::string renderer;
    if (const int progress = field_index(layer, "地图进度"); progress >= 0) {
        renderer = graduated(layer, short_names[static_cast<std::size_t>(progress)]);
    } else if (const int status = field_index(layer, "进度状态"); status >= 0) {
        renderer = categorized(layer, short_names[static_cast<std::size_t>(status)]);
    }
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
