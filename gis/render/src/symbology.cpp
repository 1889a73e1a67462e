#include "xiangjian/render/symbology.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace xj::render {

namespace {

constexpr Colour rgb(std::uint32_t hex, std::uint8_t alpha = 255) {
    return {static_cast<std::uint8_t>(hex >> 16), static_cast<std::uint8_t>(hex >> 8),
            static_cast<std::uint8_t>(hex), alpha};
}

// ColorBrewer YlGnBu, 5 classes.
constexpr std::array<FillClass, 5> progress_fills{{
    {rgb(0xffffcc), "0–20%", "0–20%"},
    {rgb(0xa1dab4), "20–40%", "20–40%"},
    {rgb(0x41b6c4), "40–60%", "40–60%"},
    {rgb(0x2c7fb8), "60–80%", "60–80%"},
    {rgb(0x253494), "80–100%", "80–100%"},
}};

// ColorBrewer Greens, 5 classes.
constexpr std::array<FillClass, 5> indicator_fills{{
    {rgb(0xedf8e9), "均未达标", "none met"},
    {rgb(0xbae4b3), "达标不足一半", "under half met"},
    {rgb(0x74c476), "达标过半", "half or more met"},
    {rgb(0x31a354), "达标八成以上", "80% or more met"},
    {rgb(0x006d2c), "全部达标", "all met"},
}};

struct ThemeTerm {
    Theme theme;
    std::string_view code, zh, en;
};
constexpr std::array<ThemeTerm, 4> theme_terms{{
    {Theme::progress, "progress", "村级项目进度", "Village progress"},
    {Theme::status, "status", "项目进度状态", "Project status"},
    {Theme::stage, "stage", "项目建设阶段", "Project stage"},
    {Theme::indicators, "indicators", "贫困村退出指标", "Village exit indicators"},
}};

const ThemeTerm& theme_term(Theme theme) {
    return theme_terms[static_cast<std::size_t>(theme)];
}

} // namespace

std::string Colour::hex() const {
    char text[10];
    if (a == 255) {
        std::snprintf(text, sizeof text, "#%02x%02x%02x", r, g, b);
    } else {
        std::snprintf(text, sizeof text, "#%02x%02x%02x%02x", r, g, b, a);
    }
    return text;
}

Colour colour_from_hex(std::string_view hex) {
    const auto digit = [&](char c) -> int {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw Error("'" + std::string{hex} + "' is not a colour (#rrggbb or #rrggbbaa)");
    };
    if (hex.size() != 7 && hex.size() != 9) {
        throw Error("'" + std::string{hex} + "' is not a colour (#rrggbb or #rrggbbaa)");
    }
    if (hex[0] != '#') {
        throw Error("'" + std::string{hex} + "' is not a colour (#rrggbb or #rrggbbaa)");
    }
    const auto byte = [&](std::size_t at) {
        return static_cast<std::uint8_t>(digit(hex[at]) * 16 + digit(hex[at + 1]));
    };
    return {byte(1), byte(3), byte(5), hex.size() == 9 ? byte(7) : std::uint8_t{255}};
}

std::string_view theme_code(Theme theme) {
    return theme_term(theme).code;
}
std::string_view theme_label_zh(Theme theme) {
    return theme_term(theme).zh;
}
std::string_view theme_label_en(Theme theme) {
    return theme_term(theme).en;
}

Theme parse_theme(std::string_view code) {
    for (const ThemeTerm& term : theme_terms) {
        if (term.code == code) {
            return term.theme;
        }
    }
    throw Error(text("未知的专题“", "unknown theme '") + std::string{code} +
                text("”：应为 progress、status、stage 或 indicators",
                     "': expected progress, status, stage or indicators"));
}

std::span<const FillClass> progress_classes() {
    return progress_fills;
}

int progress_class(double percent) {
    const double clamped = std::clamp(percent, 0.0, 100.0);
    return std::min(4, static_cast<int>(std::floor(clamped / 20.0)));
}

std::span<const FillClass> indicator_classes() {
    return indicator_fills;
}

int indicator_class(int met, int total) {
    if (total <= 0 || met <= 0) {
        return 0;
    }
    if (met >= total) {
        return 4;
    }
    const double share = static_cast<double>(met) / total;
    return share < 0.5 ? 1 : (share < 0.8 ? 2 : 3);
}

Colour no_data_fill() {
    return rgb(0xe6e6e6);
}
Colour neutral_village_fill() {
    return rgb(0xf6f3ea);
}

Colour status_colour(core::ScheduleStatus status) {
    switch (status) { // Okabe & Ito
    case core::ScheduleStatus::not_started:
        return rgb(0x999999);
    case core::ScheduleStatus::on_schedule:
        return rgb(0x009e73);
    case core::ScheduleStatus::behind:
        return rgb(0xe69f00);
    case core::ScheduleStatus::late:
        return rgb(0xd55e00);
    case core::ScheduleStatus::stalled:
        return rgb(0xcc79a7);
    case core::ScheduleStatus::done:
        return rgb(0x0072b2);
    }
    return rgb(0x000000);
}

Colour stage_colour(core::Stage stage) {
    switch (stage) { // Paul Tol "bright", in the order of the stages
    case core::Stage::preliminary:
        return rgb(0xbbbbbb);
    case core::Stage::new_start:
        return rgb(0xee6677);
    case core::Stage::continuing:
        return rgb(0xccbb44);
    case core::Stage::completed:
        return rgb(0x228833);
    case core::Stage::in_service:
        return rgb(0x4477aa);
    }
    return rgb(0x000000);
}

Colour neutral_symbol_colour() {
    return rgb(0x555555);
}

MarkerShape marker_shape(core::ProjectType type) {
    switch (type) {
    case core::ProjectType::water:
        return MarkerShape::circle;
    case core::ProjectType::housing:
        return MarkerShape::square;
    case core::ProjectType::road:
        return MarkerShape::diamond;
    case core::ProjectType::dike:
        return MarkerShape::hexagon;
    case core::ProjectType::reservoir:
        return MarkerShape::triangle;
    case core::ProjectType::pv:
        return MarkerShape::star;
    case core::ProjectType::other:
        break;
    }
    return MarkerShape::cross;
}

LineStyle county_boundary_style() {
    return {rgb(0x3c3c3c), 1.8, false};
}
LineStyle township_boundary_style() {
    // Solid, not dashed: Qt dashes every segment of every border, which costs more than
    // drawing all the villages of a province, and a grey line reads as well.
    return {rgb(0x707070), 0.9, false};
}
LineStyle township_boundary_style(double metres_per_pixel) {
    // At county scale and closer (tens of townships): a boundary as maps draw one, a dash-dot
    // line on a pale violet band, which no road, dike or progress class looks like.
    return metres_per_pixel > 150 ? township_boundary_style() : LineStyle{rgb(0x5e3c6e), 1.1, true};
}
LineStyle township_boundary_band() {
    return {rgb(0xd9c3e3), 4.5, false};
}
LineStyle village_outline_style(bool neutral_fill) {
    // Opaque: Qt 6.4 draws a semi-transparent hairline about ten times slower than an opaque
    // one (70 ms against 5 ms for a county window's 730 villages); at half a pixel wide the
    // antialiasing blends it anyway.
    return neutral_fill ? LineStyle{rgb(0xb4ad9e), 0.6, false}
                        : LineStyle{rgb(0xffffff), 0.5, false};
}
double project_line_width() {
    return 2.4;
}
Colour project_line_casing() {
    return rgb(0xffffff); // opaque, as the village outlines, for Qt's fast path
}
Colour project_polygon_outline() {
    return rgb(0x2b2b2b);
}

double marker_size(double metres_per_pixel) {
    return metres_per_pixel > 150 ? 4.0 : (metres_per_pixel > 40 ? 7.0 : 10.0);
}

LabelStyle county_label_style() {
    return {14, true, rgb(0x202020), rgb(0xffffff, 230)};
}
LabelStyle township_label_style() {
    return {10.5, true, rgb(0x303030), rgb(0xffffff, 220)};
}
LabelStyle village_label_style() {
    return {8, false, rgb(0x404040), rgb(0xffffff, 200)};
}
LabelStyle project_label_style() {
    return {8.5, false, rgb(0x1a1a1a), rgb(0xffffff, 230)};
}

} // namespace xj::render
