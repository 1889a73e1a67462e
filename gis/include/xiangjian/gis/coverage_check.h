#pragma once

#include <ogr_geometry.h>
#include <string>
#include <vector>

namespace xj::gis {

struct CoverageOverlap {
    std::string a;
    std::string b;
    double area_m2 = 0;
};

struct CoverageGap {
    double area_m2 = 0;
    double lon = 0; ///< a point inside the gap
    double lat = 0;
    std::vector<std::string> neighbours;
};

struct CoverageReport {
    std::vector<CoverageOverlap> overlaps;
    std::vector<CoverageGap> gaps;
};

struct CoverageUnit {
    std::string code;
    const OGRMultiPolygon* geometry; ///< CGCS2000 lon/lat
    std::string group;               ///< units that should tile together (their parent code)
};

/// Overlaps between neighbouring units and gaps enclosed by them, larger than `tolerance_m2`,
/// measured in the metric CRS `projected_epsg` (a Gauss–Krüger zone).
///
/// Work is done group by group (the villages of one township), because a union of a whole
/// province with its slivers is slow beyond use: each group's union gives its gaps (holes) and
/// its total overlap (the sum of areas less the union's); only a group with overlap above the
/// tolerance is searched pair by pair. Pairs of neighbours in different groups are always
/// checked, found through a GEOS STR-tree. Gaps along group borders are not looked for: import
/// the townships to check those.
CoverageReport check_coverage(const std::vector<CoverageUnit>& units, int projected_epsg,
                              double tolerance_m2);

} // namespace xj::gis
