#pragma once

// Every colour, symbol and line of Xiangjian's maps, in one place and as plain data, so that the
// renderer, the legend and later exports (QML, SLD) all carry the same styles.
//
// Palettes are chosen to read in print, in greyscale and for colour-blind readers: the graduated
// themes use ColorBrewer's sequential YlGnBu and Greens (lightness rises with the value), the
// categorical ones Okabe & Ito's palette and Paul Tol's "bright" scheme, with symbol shapes
// carrying the project type.

#include "xiangjian/core/engine_vocabulary.h"
#include "xiangjian/core/vocabulary.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace xj::render {

struct Colour {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    std::string hex() const; ///< #rrggbb, or #rrggbbaa when not opaque
    friend bool operator==(const Colour&, const Colour&) = default;
};

/// Parses #rrggbb or #rrggbbaa; throws xj::Error otherwise.
Colour colour_from_hex(std::string_view hex);

enum class Theme { progress, status, stage, indicators };
std::string_view theme_code(Theme theme); ///< progress, status, stage, indicators
std::string_view theme_label_zh(Theme theme);
std::string_view theme_label_en(Theme theme);
/// Throws xj::Error listing the themes for anything else.
Theme parse_theme(std::string_view code);

/// A class of a graduated village fill.
struct FillClass {
    Colour fill;
    std::string_view label_zh;
    std::string_view label_en;
};

/// Villages by the percent complete of their projects: [0, 20), [20, 40), … [80, 100].
std::span<const FillClass> progress_classes();
/// The class of a percent (0–100; values outside are clamped).
int progress_class(double percent);

/// Villages by the share of exit indicators met: none, under half, half or more, most, all.
std::span<const FillClass> indicator_classes();
/// The class of `met` indicators out of `total` (total > 0).
int indicator_class(int met, int total);

/// Villages with nothing to show in a theme (no projects, no assessments).
Colour no_data_fill();
/// Villages under a theme that colours the projects, not the villages.
Colour neutral_village_fill();

Colour status_colour(core::ScheduleStatus status);
Colour stage_colour(core::Stage stage);
/// Symbols of a theme that colours the villages: one quiet colour, the shape tells the type.
Colour neutral_symbol_colour();

enum class MarkerShape { circle, square, triangle, diamond, star, hexagon, cross };
MarkerShape marker_shape(core::ProjectType type);

/// Pens and sizes, in pixels at 96 dpi (scaled for print).
struct LineStyle {
    Colour colour;
    double width = 1;
    bool dashed = false;
};
LineStyle county_boundary_style();
LineStyle township_boundary_style();
/// The township boundary drawn at `metres_per_pixel`: province scale, township_boundary_style();
/// county scale and closer, dash-dot over township_boundary_band().
LineStyle township_boundary_style(double metres_per_pixel);
LineStyle township_boundary_band();
/// White between coloured villages; a quiet grey between neutral ones, where white would vanish.
LineStyle village_outline_style(bool neutral_fill);
/// Lines of projects (roads, dikes, pipes): drawn over a light casing of this width.
double project_line_width();
Colour project_line_casing();
Colour project_polygon_outline();
double marker_size(double metres_per_pixel); ///< smaller at province scale, where sites crowd

/// Label text and halo.
struct LabelStyle {
    double point_size = 9;
    bool bold = false;
    Colour text;
    Colour halo;
};
LabelStyle county_label_style();
LabelStyle township_label_style();
LabelStyle village_label_style();
LabelStyle project_label_style();

/// The font family of every map text: Noto Sans CJK SC (Debian fonts-noto-cjk) draws Chinese;
/// once load_map_fonts() has loaded it, its copy without the radicals, under its own name.
std::string_view map_font_family();
/// The family an SVG names for its text: the system's Noto Sans CJK SC.
std::string_view map_font_published_family();

/// Loads the map font's Regular and Bold faces so that text written to PDF extracts as the
/// characters drawn (Qt would write 目 as the Kangxi radical ⽬ U+2F6C: see map_fonts.cpp).
/// Call once a QGuiApplication exists, before drawing; false when the Debian font files
/// (fonts-noto-cjk) are not found, and the system's font is used as it is. The copy is named
/// "Xiangjian CJK SC" so that Qt cannot choose the system's face instead.
bool load_map_fonts();

} // namespace xj::render
