#pragma once

#include <cstdint>
#include <memory>
#include <ogr_geometry.h>
#include <string>
#include <vector>

namespace xj::demo {

/// A township of the generated county and the codes of the villages it must hold.
struct TownshipSpec {
    std::string code;                       ///< 12 digits
    std::vector<std::string> village_codes; ///< 12 digits each, at least one
};

/// What the generated county must look like. No open boundaries exist for the demo county, so
/// its geometry is invented at the real place with the real size and the real unit counts.
struct CountySpec {
    std::string code;                    ///< 12 digits, e.g. 410326000000
    double centre_lon = 0.0;             ///< of the outline's bounding box, degrees
    double centre_lat = 0.0;             ///< of the outline's bounding box, degrees
    double width_km = 0.0;               ///< bounding box size east–west
    double height_km = 0.0;              ///< bounding box size north–south
    double area_km2 = 0.0;               ///< target area of the outline (met within ±3 %)
    double seat_lon = 0.0;               ///< the county seat; must fall in seat_township
    double seat_lat = 0.0;               ///< the county seat; must fall in seat_township
    std::string seat_township;           ///< code of the township containing the seat
    std::vector<TownshipSpec> townships; ///< in output order
    std::uint64_t seed = 0;              ///< same spec and seed, same geometry
};

/// One generated administrative unit.
struct GeneratedUnit {
    std::string code;
    /// One polygon wrapped in a MultiPolygon; CGCS2000 (EPSG:4490), x = longitude, y = latitude.
    std::unique_ptr<OGRMultiPolygon> geometry;
};

/// Generates a plausible, deterministic outline for the county, its townships and villages.
/// The result lists the county first, then the townships in spec order, then the villages
/// (township by township, each in spec order). Villages tile their township and townships tile
/// the county exactly: neighbours share identical vertices.
/// Throws xj::Error on an impossible spec (bad codes, area too large for the box, seat outside).
std::vector<GeneratedUnit> generate_county_geometry(const CountySpec& spec);

} // namespace xj::demo
