#pragma once

// The Gauss–Krüger CRSs Chinese data arrives in, and the usual confusions between them: the zone
// number prefixed to the easting or not (EPSG:4513 vs 4534), 3° zones taken for 6° ones
// (4491 vs 4513), CGCS2000 vs Xi'an 1980 vs Beijing 1954.

#include <optional>
#include <string>

namespace xj::crs {

enum class GeodeticDatum { cgcs2000, xian1980, beijing1954 };

struct GaussKrugerCrs {
    int epsg = 0;
    GeodeticDatum datum = GeodeticDatum::cgcs2000;
    int zone_width = 3; ///< degrees: 3 or 6
    int zone = 0;       ///< zone number (3°: 25–45, 6°: 13–23)
    int central_meridian = 0;
    bool zone_prefix = false; ///< easting = zone × 1,000,000 + 500,000 at the meridian

    std::string name() const; ///< e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 111E"
};

/// The Gauss–Krüger CRS with this EPSG code, if it is one of the 192 Chinese ones (3 datums, 3° and
/// 6° zones, with and without the zone prefix).
std::optional<GaussKrugerCrs> gauss_kruger_crs(int epsg);
/// The CRS of a family by its parts; nullopt when no such zone exists.
std::optional<GaussKrugerCrs> gauss_kruger_crs(GeodeticDatum datum, int zone_width, int zone,
                                               bool zone_prefix);

/// Whether eastings in [min_x, max_x] fit `declared`; if not and another CRS of the same datum
/// fits (the twin with or without the zone prefix, or the zone the prefix names), a sentence
/// saying so and naming the code to use. Empty when the eastings fit.
std::string check_gauss_kruger_eastings(const GaussKrugerCrs& declared, double min_x, double max_x,
                                        int* suggested_epsg = nullptr);

/// For coordinates with no CRS at all: what they look like and which codes may fit, for the
/// error message (e.g. eastings with zone prefix 38 → EPSG:4526, Xi'an 1980 2362, …).
std::string guess_crs_from_coordinates(double min_x, double min_y, double max_x, double max_y);

} // namespace xj::crs
