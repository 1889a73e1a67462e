#include "xiangjian/core/quantity_unit.h"

#include "xiangjian/core/text.h"

#include <algorithm>
#include <cctype>

namespace xj::core {

namespace {

// Lengths in km (roads, dikes, pipes), places in 处 (sites, villages served, clinics: 处 and 个
// count the same), households in 户, power in MW, volumes in m³, areas in m².
constexpr UnitSpelling spellings[] = {
    {"km", "km", 1.0},
    {"公里", "km", 1.0},
    {"千米", "km", 1.0},
    {"m", "km", 0.001},
    {"米", "km", 0.001},
    {"延米", "km", 0.001},
    {"处", "处", 1.0},
    {"个", "处", 1.0},
    {"户", "户", 1.0},
    {"户数", "户", 1.0},
    {"mw", "MW", 1.0},
    {"兆瓦", "MW", 1.0},
    {"kw", "MW", 0.001},
    {"千瓦", "MW", 0.001},
    {"m³", "m³", 1.0},
    {"m3", "m³", 1.0},
    {"立方米", "m³", 1.0},
    {"方", "m³", 1.0},
    {"万m³", "m³", 10000.0},
    {"万m3", "m³", 10000.0},
    {"万立方米", "m³", 10000.0},
    {"万方", "m³", 10000.0},
    {"m²", "m²", 1.0},
    {"m2", "m²", 1.0},
    {"㎡", "m²", 1.0},
    {"平方米", "m²", 1.0},
    {"平米", "m²", 1.0},
    {"亩", "m²", 10000.0 / 15.0},
    {"盏", "盏", 1.0},
    {"座", "座", 1.0},
    {"%", "%", 1.0},
};

std::string folded(std::string_view written) {
    std::string result;
    for (const char c : halfwidth(written)) {
        if (c != ' ' && c != '\t') {
            result += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return result;
}

} // namespace

std::optional<CanonicalUnit> canonical_unit(std::string_view written) {
    const std::string key = folded(written);
    for (const auto& spelling : spellings) {
        if (key == spelling.written) {
            return CanonicalUnit{std::string{spelling.unit}, spelling.factor};
        }
    }
    return std::nullopt;
}

std::span<const UnitSpelling> unit_spellings() {
    return spellings;
}

std::string canonical_units_list() {
    std::string list;
    for (const auto& spelling : spellings) {
        const std::string unit{spelling.unit};
        if (list.find(unit) == std::string::npos) {
            list += (list.empty() ? "" : ", ") + unit;
        }
    }
    return list;
}

} // namespace xj::core
