#pragma once

// One thread's queries of the village index: its own GEOS context, PROJ transformation and
// buffers, over the index's shared (and by then unchanging) arrays. Its work is in two files:
// village_query_geos.cpp (the GEOS side: boundaries, sites, measures) and line_cutting.cpp
// (lines cut on the flat arrays).

#include "robust_predicates.h"
#include "village_data.h"
#include "xiangjian/geometry/geos_context.h"
#include "xiangjian/geometry/village_index.h"

#include <geos_c.h>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

namespace xj::geometry {

struct VillageIndex::Query::State {
    const Impl& d;
    GeosContext geos;
    GEOSContextHandle_t context = geos.handle();
    /// Boundaries built and prepared for the points the orientation filter cannot place.
    std::unordered_map<std::uint32_t, std::pair<GEOSGeometry*, const GEOSPreparedGeometry*>> kept;
    std::unique_ptr<OGRCoordinateTransformation> to_metres;
    int to_metres_epsg = 0;
    std::vector<double> breaks; ///< where a segment crosses a village's rings (flat path)
    std::vector<std::pair<double, double>> spans; ///< where it runs along them

    explicit State(const Impl& index) : d(index) {}
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    ~State();

    /// Villages whose box meets the query box, in the order they were added.
    std::vector<std::uint32_t> candidates(double min_x, double min_y, double max_x,
                                          double max_y) const;

    // GEOS (village_query_geos.cpp)
    /// The boundary of village v, prepared, kept for the next time (the rare points the
    /// orientation filter cannot place).
    const GEOSPreparedGeometry* prepared_shape(std::uint32_t v);
    /// The boundary of village v in GEOS, built from the arrays (the caller owns it).
    GEOSGeometry* make_shape(std::uint32_t v) const;
    /// The point in village v as GEOS's prepared intersects would say.
    bool contains(std::uint32_t v, double x, double y);
    /// A site in GEOS, built from its coordinates (2D lines and polygons) or through WKB.
    GEOSGeometry* to_geos(const OGRGeometry& geometry) const;
    /// The coordinates of a GEOS line or ring, projected to metres.
    bool projected(const GEOSGeometry* line, std::vector<double>& x, std::vector<double>& y) const;
    /// GEOS's Length::ofLine of the projected coordinates.
    double line_length(const GEOSGeometry* line) const;
    /// OGR's area of a ring (OGRSimpleCurve::get_LinearArea) of the projected coordinates.
    double ring_area(const GEOSGeometry* ring) const;
    double polygon_area(const GEOSGeometry* polygon) const;
    /// GEOSLength of the part projected to metres: every line, ring and polygon boundary.
    double length_of(const GEOSGeometry* part) const;
    /// The area of the polygons of the part (one level down in a collection) in metres.
    double area_of(const GEOSGeometry* part) const;
    std::vector<Share> shares(const OGRGeometry& site, bool area);

    // Lines on the flat arrays (line_cutting.cpp)
    /// A stretch of segment p–q, from parameter t0 to t1, inside (or on the boundary of)
    /// village v.
    struct Inside {
        std::uint32_t v;
        std::size_t first; ///< the index of p among the line's vertices
        double px, py, qx, qy, t0, t1;
    };
    /// The x, y pairs of each part of a 2D line; nothing for other geometries.
    static std::vector<std::vector<double>> line_parts(const OGRGeometry& site);
    /// The line surely meets no ring of village v, nor lies inside it: no segment of the line
    /// can touch an edge (some orientation test puts both ends strictly on one side) and its
    /// first point is outside. Anything the filter cannot decide counts as meeting.
    bool apart(std::uint32_t v, const std::vector<std::vector<double>>& line) const;
    /// Where the line crosses or touches itself, as (segment, parameter) in `nodes` (GEOS
    /// nodes the line there too, and measures the pieces between). False when two segments
    /// may run along each other (GEOS would dissolve the doubled stretch, counting it once)
    /// or some crossing is undecided or nearly parallel: the line is then left to GEOS.
    static bool self_nodes(const std::vector<std::vector<double>>& line,
                           std::vector<std::pair<std::size_t, double>>& nodes);
    /// The stretches of segment p–q in village v, appended to `inside`; false when some
    /// orientation cannot be decided in doubles or a crossing is too close to parallel to be
    /// placed as GEOS places it.
    bool segment_in(std::uint32_t v, std::size_t first, double px, double py, double qx, double qy,
                    std::span<const std::pair<std::size_t, double>> nodes,
                    std::vector<Inside>& inside);
    /// The length of a 2D line in each village it meets, on the flat arrays: each segment is
    /// cut where it crosses the rings of the villages whose boxes it meets, each piece is
    /// placed by its middle (the boundary counts as inside, as in GEOS's intersection), and
    /// the pieces inside are projected and measured as GEOS's pieces would be. Nothing when
    /// the line is one the flat path leaves to GEOS.
    std::optional<std::vector<Share>> flat_lengths(const std::vector<std::vector<double>>& line);
};

} // namespace xj::geometry
