#pragma once

#include <memory>
#include <ogr_geometry.h>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace xj::geometry {

/// Which villages a site falls in. The boundaries are kept as flat coordinate arrays under a
/// uniform grid of their bounding boxes: a point costs a grid cell's candidates and a
/// point-in-polygon test each (GEOS's ray-crossing rule and orientation filter, exactly;
/// GEOS itself decides the rare cases the filter cannot). A line is cut where it crosses the
/// rings (and itself, as GEOS nodes it) and its pieces are placed by the same test, the
/// boundary counting as inside; lines that double back over themselves, or run along an edge
/// within rounding without being on it, go to GEOS's intersection, as polygons do.
/// Containment is decided in CGCS2000 lon/lat; lengths and areas are measured in the metric
/// CRS given (a Gauss–Krüger zone).
///
/// Fill it first, then query: through a Query per thread (each has its own GEOS context), or
/// through the index's own methods from one thread at a time.
class VillageIndex {
public:
    struct Village {
        std::string code;
        const OGRMultiPolygon* boundary; ///< lon/lat; read during construction only
    };
    struct Share {
        std::string code;
        double measure; ///< metres along a line, or square metres under a polygon
    };

    /// An empty index; add the villages (in the order that breaks ties), then query.
    explicit VillageIndex(int projected_epsg = 0);
    VillageIndex(const std::vector<Village>& villages, int projected_epsg);
    ~VillageIndex();
    VillageIndex(const VillageIndex&) = delete;
    VillageIndex& operator=(const VillageIndex&) = delete;

    void add(const std::string& code, const OGRGeometry& boundary);
    /// A boundary as WKB (Polygon or MultiPolygon, either byte order, any dimension; other
    /// types through OGR). Throws on WKB that is not a geometry.
    void add_wkb(const std::string& code, std::span<const unsigned char> wkb);

    /// The metric CRS of lengths and areas (before the first query).
    void measure_in(int projected_epsg);

    std::size_t size() const;

    /// The queries of one thread. The index must not change while it exists.
    class Query {
    public:
        explicit Query(const VillageIndex& index);
        ~Query();
        Query(const Query&) = delete;
        Query& operator=(const Query&) = delete;

        std::optional<std::string> containing(double lon, double lat);
        std::vector<Share> along(const OGRGeometry& line);
        std::vector<Share> under(const OGRGeometry& polygon);

    private:
        struct State;
        std::unique_ptr<State> m_state;
    };

    /// The village containing the point, if any (on a shared boundary: the first added).
    std::optional<std::string> containing(double lon, double lat) const;
    /// Each village a line crosses, with the length inside it, in the order of their codes.
    std::vector<Share> along(const OGRGeometry& line) const;
    /// Each village a polygon covers, with the area inside it.
    std::vector<Share> under(const OGRGeometry& polygon) const;

private:
    Query& own_query() const;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace xj::geometry
