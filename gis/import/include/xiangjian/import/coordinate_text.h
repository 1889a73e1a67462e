#pragma once

// Longitudes and latitudes as county tables write them: decimal degrees, or degrees, minutes
// and seconds (112°28′30″, 112度28分30秒, 112:28:30), with a hemisphere letter or word
// (E, N, 东经, 北纬) before or after, in ASCII or full-width characters.

#include <optional>
#include <string>
#include <string_view>

namespace xj::import::detail {

enum class Axis { unknown, longitude, latitude };

struct ParsedCoordinate {
    double degrees = 0;        ///< negative in the southern or western hemisphere
    Axis axis = Axis::unknown; ///< what the hemisphere marker says, if there is one
};

/// The angle in decimal degrees, or nothing when the text is not one (minutes or seconds of
/// 60 or more, stray characters, two hemisphere markers); `why` gets the reason when it is
/// more than "not an angle".
std::optional<ParsedCoordinate> parse_coordinate(std::string_view text, std::string* why = nullptr);

} // namespace xj::import::detail
