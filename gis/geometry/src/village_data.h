#pragma once

// The village index's data: every boundary as flat coordinate arrays (rings of polygons of
// shapes), a grid of the villages' boxes, and the boxes of runs of edges that a point or a
// segment skips when it cannot meet them; and the point-in-polygon test on them.

#include "robust_predicates.h"
#include "xiangjian/geometry/grid_index.h"
#include "xiangjian/geometry/village_index.h"
#include "xiangjian/store/wkb_reader.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace xj::geometry {

struct VillageIndex::Impl {
    struct Ring {
        std::size_t first; ///< index of its first point in xy (in points)
        std::uint32_t points;
    };
    struct Polygon {
        std::uint32_t first_ring, rings; ///< the shell, then the holes
    };
    struct Shape {
        std::uint32_t first_polygon, polygons;
        store::Box box; ///< empty for a shape without polygons
    };

    int metric_epsg = 0;
    std::vector<std::string> codes;
    std::vector<Shape> shapes;
    std::vector<Polygon> polygons;
    std::vector<Ring> rings;
    std::vector<double> xy;

    // Built when the first query is made: the grid of the villages' boxes (items in the order
    // the villages were added), and the boxes of runs of `chunk_edges` edges of each ring (ring
    // r's are chunks[chunk_start[r] .. chunk_start[r+1])).
    std::mutex prepare_mutex;
    bool prepared = false;
    GridIndex grid;
    struct Box {
        float min_x, min_y, max_x, max_y; ///< rounded outwards
    };
    static constexpr std::uint32_t chunk_edges = 32;
    std::vector<std::uint32_t> chunk_start;
    std::vector<Box> chunks;

    std::unique_ptr<VillageIndex::Query> own_query; ///< for the index's own query methods

    /// The rings of an OGR polygon, as the next polygon of the shape being added.
    void add_polygon(const OGRPolygon& polygon);
    /// The rings of a WKB polygon, likewise.
    void read_polygon(store::detail::WkbReader& reader, std::size_t dimensions);
    /// Ends the shape of village `code`, made of the polygons added since `first_polygon`.
    void finish_shape(const std::string& code, std::uint32_t first_polygon);

    /// Builds the grid and the runs' boxes, once (queries of several threads may ask at once).
    void prepare();
    void build_chunks();

    /// A run of edges the horizontal ray from (x, y) to the east cannot cross or touch, nor
    /// the point lie on.
    static bool off_ray(const Box& box, double x, double y) {
        return box.max_x < x || box.min_y > y || box.max_y < y;
    }

    detail::Location locate(std::uint32_t v, double x, double y) const;
};

} // namespace xj::geometry
