#pragma once

#include <memory>
#include <ogr_geometry.h>
#include <string>
#include <vector>

namespace xj::geometry {

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
    std::size_t unmatched_segments = 0; ///< boundary segments without an opposite twin
    /// False when so many borders were digitised separately on both sides that only overlaps
    /// between such neighbours were looked for.
    bool gaps_checked = true;
};

struct CoverageUnit {
    std::string label;               ///< how findings name the unit (code and name)
    const OGRMultiPolygon* geometry; ///< CGCS2000 lon/lat, valid
};

/// Overlaps between units and gaps enclosed by them, larger than `tolerance_m2`, with areas
/// measured in the metric CRS `projected_epsg` (a Gauss–Krüger zone).
///
/// Works on edges, as a coverage validator does, so that a clean province costs a sort rather
/// than a union: in a coverage without gaps or overlaps every boundary segment is shared by two
/// units, once in each direction, except on the outer border. Only the segments without such a
/// twin — the border, and wherever neighbours disagree — are noded and polygonized with GEOS.
/// Crossing a twinned segment leaves one unit and enters another, so the number of units
/// covering a face of that arrangement is the same everywhere in the face: a face covered by no
/// unit is a gap (the outside of the border is not a face), one covered by two or more holds
/// overlaps, whose pairs and areas come from GEOS intersections of the units involved.
///
/// Neighbours digitised with different vertices along a shared border have no twinned segments
/// there: the result is the same, but the cost grows with the length of such borders.
CoverageReport check_coverage(const std::vector<CoverageUnit>& units, int projected_epsg,
                              double tolerance_m2);

} // namespace xj::geometry

namespace xj::geometry {

/// The same check, fed unit by unit as the boundaries become ready (each boundary's segments
/// are read while it is fresh in cache), then run once.
class CoverageCheck {
public:
    CoverageCheck();
    CoverageCheck(const CoverageCheck&) = delete;
    CoverageCheck& operator=(const CoverageCheck&) = delete;
    ~CoverageCheck();

    /// `geometry` (CGCS2000 lon/lat, valid) must stay alive and unchanged until check().
    void add(std::string label, const OGRMultiPolygon& geometry);
    /// What check_coverage() finds for the units added, in the order they were added.
    CoverageReport check(int projected_epsg, double tolerance_m2);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace xj::geometry
