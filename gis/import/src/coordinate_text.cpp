#include "xiangjian/import/coordinate_text.h"

#include "xiangjian/core/language.h"
#include "xiangjian/core/text.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <utility>

namespace xj::import::detail {

using core::trimmed;

namespace {

/// Letters match in either case ("e" is east); words and symbols exactly.
bool same_marker(std::string_view text, std::string_view marker) {
    if (marker.size() == 1 && text.size() == 1) {
        return std::toupper(static_cast<unsigned char>(text[0])) == marker[0];
    }
    return text == marker;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && same_marker(text.substr(0, prefix.size()), prefix);
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           same_marker(text.substr(text.size() - suffix.size()), suffix);
}

struct Hemisphere {
    std::string_view marker;
    Axis axis;
    bool negative;
};

// Words before letters: "东经" must not be read as a stray character before a number.
constexpr std::array<Hemisphere, 8> hemispheres{{
    {"东经", Axis::longitude, false},
    {"西经", Axis::longitude, true},
    {"北纬", Axis::latitude, false},
    {"南纬", Axis::latitude, true},
    {"E", Axis::longitude, false},
    {"W", Axis::longitude, true},
    {"N", Axis::latitude, false},
    {"S", Axis::latitude, true},
}};

/// Unit markers after a number: which of degrees (0), minutes (1), seconds (2) it is. No
/// letters: "S" is south.
constexpr std::array<std::pair<std::string_view, int>, 13> unit_markers{{
    {"°", 0},
    {"º", 0},
    {"˚", 0},
    {"度", 0},
    {"′", 1},
    {"’", 1},
    {"分", 1},
    {"''", 2}, // two apostrophes for seconds, before the one for minutes
    {"'", 1},
    {"″", 2},
    {"”", 2},
    {"\"", 2},
    {"秒", 2},
}};

} // namespace

std::optional<ParsedCoordinate> parse_coordinate(std::string_view raw, std::string* why) {
    const std::string normalised = core::halfwidth(raw);
    std::string_view text = trimmed(normalised);
    ParsedCoordinate result;
    bool negative = false;
    bool marked = false;
    // A hemisphere marker before or after the number, not both.
    for (const auto& hemisphere : hemispheres) {
        const bool before = starts_with(text, hemisphere.marker);
        if (before || ends_with(text, hemisphere.marker)) {
            text = before ? text.substr(hemisphere.marker.size())
                          : text.substr(0, text.size() - hemisphere.marker.size());
            text = trimmed(text);
            result.axis = hemisphere.axis;
            negative = hemisphere.negative;
            marked = true;
            break;
        }
    }
    if (text.empty()) {
        return std::nullopt;
    }
    if (text.front() == '-' || text.front() == '+') {
        if (marked) {
            return std::nullopt; // a sign and a hemisphere: which one is meant?
        }
        negative = text.front() == '-';
        text.remove_prefix(1);
    }

    // Numbers, each followed by a unit marker, a colon or a space (or nothing, at the end).
    double parts[3] = {0, 0, 0};
    int next = 0; // the unit the next number has when it carries no marker
    bool any = false;
    bool fractional = false; // only the last number may have decimals
    while (!text.empty()) {
        if (next > 2 || fractional) {
            return std::nullopt;
        }
        double value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc{} || !std::isfinite(value) || value < 0) {
            return std::nullopt;
        }
        const std::string_view number = text.substr(0, static_cast<std::size_t>(end - text.data()));
        fractional = number.find('.') != std::string_view::npos;
        text.remove_prefix(number.size());
        int unit = next;
        bool found = false;
        for (const auto& [marker, which] : unit_markers) {
            if (starts_with(text, marker)) {
                unit = which;
                text.remove_prefix(marker.size());
                found = true;
                break;
            }
        }
        if (!found && !text.empty()) {
            if (text.front() != ':' && text.front() != ' ') {
                return std::nullopt;
            }
            text.remove_prefix(1);
        }
        if (unit < next) {
            return std::nullopt; // minutes before degrees
        }
        parts[unit] = value;
        next = unit + 1;
        any = true;
        text = trimmed(text);
    }
    if (!any) {
        return std::nullopt;
    }
    if (parts[1] >= 60 || parts[2] >= 60) {
        if (why != nullptr) {
            *why = xj::text("分和秒应在 0 到 59 之间", "minutes and seconds run from 0 to 59");
        }
        return std::nullopt;
    }
    result.degrees = parts[0] + parts[1] / 60 + parts[2] / 3600;
    if (negative) {
        result.degrees = -result.degrees;
    }
    return result;
}

} // namespace xj::import::detail
