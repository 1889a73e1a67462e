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
};

/// Overlaps between neighbouring units and gaps enclosed by them, larger than `tolerance_m2`,
/// measured in the metric CRS `projected_epsg` (a Gauss–Krüger zone). Neighbours are found
/// through a GEOS STR-tree, so the cost grows with the number of neighbours, not of pairs.
CoverageReport check_coverage(const std::vector<CoverageUnit>& units, int projected_epsg,
                              double tolerance_m2);

} // namespace xj::gis
