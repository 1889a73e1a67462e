#include "style_classes.h"

#include "xiangjian/core/engine_vocabulary.h"
#include "xiangjian/core/vocabulary.h"

namespace xj::review::detail {

LayerStyle layer_style(const LayerData& layer) {
    LayerStyle style;
    if (layer.geometry == LayerGeometry::none) {
        return style;
    }
    if (const int progress = field_index(layer, "地图进度"); progress >= 0) {
        style.graduated = true;
        style.field = progress;
        int index = 0;
        for (const render::FillClass& fill : render::progress_classes()) {
            style.classes.push_back(
                {std::string{fill.label_zh}, index * 20.0, index * 20.0 + 20, {}, fill.fill});
            ++index;
        }
    } else if (const int status = field_index(layer, "进度状态"); status >= 0) {
        style.field = status;
        for (const auto& term : core::terms(core::ScheduleStatus{})) {
            style.classes.push_back({std::string{term.label_zh}, 0, 0, std::string{term.label_zh},
                                     render::status_colour(term.value)});
        }
    }
    return style;
}

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

} // namespace xj::review::detail
