#include "style_classes.h"
#include "xiangjian/core/text.h"
#include "xiangjian/review/qml_style.h"

#include <cstdio>

namespace xj::review {

namespace {

using detail::xml;

std::string hex(const render::Colour& colour) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", colour.r, colour.g, colour.b);
    return buffer;
}

std::string parameter(const char* name, const std::string& value) {
    return std::string{"<se:SvgParameter name=\""} + name + "\">" + value + "</se:SvgParameter>";
}

std::string symbolizer(LayerGeometry geometry, const render::Colour& colour) {
    switch (geometry) {
    case LayerGeometry::point:
        return "<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</"
               "se:WellKnownName>"
               "<se:Fill>" +
               parameter("fill", hex(colour)) + "</se:Fill><se:Stroke>" +
               parameter("stroke", "#ffffff") + parameter("stroke-width", "1") +
               "</se:Stroke></se:Mark><se:Size>9</se:Size></se:Graphic></se:PointSymbolizer>";
    case LayerGeometry::line:
        return "<se:LineSymbolizer><se:Stroke>" + parameter("stroke", hex(colour)) +
               parameter("stroke-width", "3") + parameter("stroke-linejoin", "round") +
               parameter("stroke-linecap", "round") + "</se:Stroke></se:LineSymbolizer>";
    default:
        return "<se:PolygonSymbolizer><se:Fill>" + parameter("fill", hex(colour)) +
               "</se:Fill><se:Stroke>" + parameter("stroke", "#808080") +
               parameter("stroke-width", "0.5") + "</se:Stroke></se:PolygonSymbolizer>";
    }
}

std::string property(const std::string& name) {
    return "<ogc:PropertyName>" + xml(name) + "</ogc:PropertyName>";
}

std::string rule(const std::string& label, const std::string& filter, const std::string& symbol) {
    return "<se:Rule><se:Name>" + xml(label) + "</se:Name><se:Description><se:Title>" + xml(label) +
           "</se:Title></se:Description><ogc:Filter>" + filter + "</ogc:Filter>" + symbol +
           "</se:Rule>";
}

} // namespace

std::string sld_style(const LayerData& layer, const std::vector<std::string>& short_names) {
    const detail::LayerStyle style = detail::layer_style(layer);
    if (style.field < 0) {
        return {};
    }
    const std::string field = short_names[static_cast<std::size_t>(style.field)];
    std::string rules;
    for (std::size_t c = 0; c < style.classes.size(); ++c) {
        const detail::StyleClass& item = style.classes[c];
        std::string filter;
        if (style.graduated) {
            const bool last = c + 1 == style.classes.size();
            filter = "<ogc:And><ogc:PropertyIsGreaterThanOrEqualTo>" + property(field) +
                     "<ogc:Literal>" + core::general(item.lower) +
                     "</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>" +
                     (last ? "<ogc:PropertyIsLessThanOrEqualTo>" : "<ogc:PropertyIsLessThan>") +
                     property(field) + "<ogc:Literal>" + core::general(item.upper) +
                     "</ogc:Literal>" +
                     (last ? "</ogc:PropertyIsLessThanOrEqualTo>" : "</ogc:PropertyIsLessThan>") +
                     "</ogc:And>";
        } else {
            filter = "<ogc:PropertyIsEqualTo>" + property(field) + "<ogc:Literal>" +
                     xml(item.value) + "</ogc:Literal></ogc:PropertyIsEqualTo>";
        }
        rules += rule(item.label, filter, symbolizer(layer.geometry, item.colour));
    }
    if (style.graduated) { // no projects: a rule of its own, not an ElseFilter
        rules += rule("无项目", "<ogc:PropertyIsNull>" + property(field) + "</ogc:PropertyIsNull>",
                      symbolizer(layer.geometry, render::no_data_fill()));
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<StyledLayerDescriptor version=\"1.1.0\" xmlns=\"http://www.opengis.net/sld\" "
           "xmlns:se=\"http://www.opengis.net/se\" xmlns:ogc=\"http://www.opengis.net/ogc\" "
           "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://www.opengis.net/sld "
           "http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd\">\n"
           "<NamedLayer><se:Name>" +
           xml(layer.name) + "</se:Name><UserStyle><se:Name>" + xml(layer.name) +
           "</se:Name><se:FeatureTypeStyle>" + rules +
           "</se:FeatureTypeStyle></UserStyle></NamedLayer>\n</StyledLayerDescriptor>\n";
}

} // namespace xj::review
