#pragma once

#include <memory>
#include <ogr_geometry.h>
#include <optional>
#include <string>
#include <vector>

namespace xj::gis {

/// Which villages a site falls in: a GEOS STR-tree over the village polygons with prepared
/// geometries, so a point costs a tree descent and one or two point-in-polygon tests.
/// Containment is decided in CGCS2000 lon/lat; lengths and areas are measured in the metric
/// CRS given (a Gauss–Krüger zone).
class VillageIndex {
public:
    struct Village {
        std::string code;
        const OGRMultiPolygon* boundary; ///< lon/lat; must outlive the index's construction
    };
    struct Share {
        std::string code;
        double measure; ///< metres along a line, or square metres under a polygon
    };

    VillageIndex(const std::vector<Village>& villages, int projected_epsg);
    ~VillageIndex();
    VillageIndex(const VillageIndex&) = delete;
    VillageIndex& operator=(const VillageIndex&) = delete;

    std::size_t size() const;
    /// The village containing the point, if any (on a shared boundary: the first found).
    std::optional<std::string> containing(double lon, double lat) const;
    /// Each village a line crosses, with the length inside it, in the order of their codes.
    std::vector<Share> along(const OGRGeometry& line) const;
    /// Each village a polygon covers, with the area inside it.
    std::vector<Share> under(const OGRGeometry& polygon) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace xj::gis
