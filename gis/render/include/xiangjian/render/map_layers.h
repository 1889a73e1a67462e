#pragma once

// What a map draws, read once from the project database into flat coordinate arrays under a
// grid of bounding boxes: a render looks up the shapes in its window without touching
// SQLite, GDAL or a geometry object. Everything is CGCS2000 lon/lat, as stored.

#include "xiangjian/core/admin_unit.h"
#include "xiangjian/geometry/grid_index.h"
#include "xiangjian/store/project_store.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace xj::store::detail {
class WkbReader;
}

namespace xj::render {

using store::Box;

/// A part's points as FlatLayer keeps them, whole units of 1e-7 degree, read as degrees.
class PartPoints {
public:
    static constexpr double units_per_degree = 1e7;

    PartPoints(const std::int32_t* fixed, std::size_t count) : m_fixed(fixed), m_count(count) {}
    std::size_t count() const { return m_count; }
    /// Division rather than multiplication by 1e-7: the double nearest the stored decimal, so a
    /// vertex stored as 112.3456789 reads back as exactly what parsing "112.3456789" gives.
    double x(std::size_t i) const { return m_fixed[2 * i] / units_per_degree; }
    double y(std::size_t i) const { return m_fixed[2 * i + 1] / units_per_degree; }
    /// Appends the points to `xy` as x, y pairs of degrees.
    void append_to(std::vector<double>& xy) const;

private:
    const std::int32_t* m_fixed;
    std::size_t m_count;
};

/// The shapes of one layer: points, lines or polygons. A shape is made of parts (a point, a
/// line string, a polygon ring; a polygon's rings are drawn with the even-odd rule, so holes
/// need no flag); a part of points.
///
/// Coordinates are kept as OpenStreetMap and libosmium keep them: 32-bit whole units of 1e-7
/// degree, about a centimetre on the ground, far finer than any boundary a county surveys and
/// than a screen shows. That is half the memory of doubles: a province's boundaries (7.5
/// million vertices) take 60 MB instead of 120 MB, for the whole session of a viewer.
class FlatLayer {
public:
    struct Part {
        std::uint32_t first_point = 0;
        std::uint32_t points = 0;
    };
    struct Shape {
        std::uint32_t first_part = 0;
        std::uint32_t parts = 0;
        Box box; ///< empty for a shape without geometry
    };

    FlatLayer() = default;
    FlatLayer(const FlatLayer& other);
    FlatLayer& operator=(const FlatLayer& other);
    FlatLayer(FlatLayer&&) noexcept = default; // a vector's move keeps its elements in place
    FlatLayer& operator=(FlatLayer&&) noexcept = default;
    ~FlatLayer() = default;

    /// A layer over arrays held elsewhere (the map cache's mapping of its file), which `owner`
    /// keeps alive: nothing is copied. The caller has checked that every shape's parts and
    /// every part's points lie within the arrays; its index is built here.
    static FlatLayer borrowing(std::span<const Shape> shapes, std::span<const Part> parts,
                               std::span<const std::int32_t> xy, const Box& extent,
                               std::shared_ptr<const void> owner);

    /// Appends one shape read from WKB (any 2D/3D/M simple type, multi type or collection);
    /// empty bytes give an empty shape. Throws xj::Error for bytes that are not WKB and for
    /// coordinates that are not degrees (beyond ±214.7, which 32 bits cannot hold). Not for a
    /// borrowing layer.
    void add_wkb(std::span<const unsigned char> wkb);

    std::size_t size() const { return m_shape_view.size(); }
    const Shape& shape(std::size_t i) const { return m_shape_view[i]; }
    std::span<const Part> parts(const Shape& shape) const {
        return m_part_view.subspan(shape.first_part, shape.parts);
    }
    PartPoints points(const Part& part) const {
        return {m_xy_view.data() + 2 * std::size_t{part.first_point}, part.points};
    }
    std::size_t point_count() const { return m_xy_view.size() / 2; }
    const Box& extent() const { return m_extent; }
    /// The arrays as a whole, for the map cache to write.
    std::span<const Shape> all_shapes() const { return m_shape_view; }
    std::span<const Part> all_parts() const { return m_part_view; }
    std::span<const std::int32_t> all_coordinates() const { return m_xy_view; }

    /// Builds the grid of bounding boxes; call after the last add and before any query.
    void build_index();
    /// Appends the shapes whose box meets `window`, each once, in ascending order.
    void query(const Box& window, std::vector<std::uint32_t>& out) const;

private:
    void read_geometry(store::detail::WkbReader& reader, Shape& shape);
    /// Points the views at the layer's own arrays, after they changed.
    void view_own_arrays();

    // What the layer read itself; empty in a borrowing layer.
    std::vector<Shape> m_shapes;
    std::vector<Part> m_parts;
    std::vector<std::int32_t> m_xy; ///< x, y pairs of whole 1e-7 degrees
    // What every read goes through: the arrays above, or the borrowed ones.
    std::span<const Shape> m_shape_view;
    std::span<const Part> m_part_view;
    std::span<const std::int32_t> m_xy_view;
    std::shared_ptr<const void> m_owner; ///< of the borrowed arrays
    Box m_extent;

    geometry::GridIndex m_grid; ///< of the shapes' boxes
};

struct MapUnit {
    std::string code;
    std::string name;
    std::string parent_code;
};

struct MapSite {
    std::string project_id;
    std::string site_name;
};

/// The map's vector layers, each with its attributes parallel to its shapes.
struct MapLayers {
    FlatLayer counties, townships, villages;
    std::vector<MapUnit> county_units, township_units, village_units;
    FlatLayer points, lines, polygons;
    std::vector<MapSite> point_sites, line_sites, polygon_sites;
    /// Found in the map cache (map_cache.h): the store's geometry was not read. Layers just
    /// read from the store and written to the cache are mapped from it too, but say false.
    bool from_cache = false;

    /// A second opening of the store's project, for the sites to be read beside the units; null
    /// when there is none.
    using AnotherOpening = std::function<std::unique_ptr<store::ProjectStore>()>;
    /// Reads the boundaries of every unit that has one and every project site. Throws
    /// xj::Error naming the unit or project of a stored geometry that is not WKB. Goes through
    /// the map cache when the store can tell its content's version (map_cache.h): layers not
    /// found there are read from the store, written to it, and mapped from the file written.
    /// With `another`, layers read from the store have their sites read through `another()`
    /// on a thread of their own while this one reads the units.
    static MapLayers read(const store::ProjectStore& store, const AnotherOpening& another = {});
    /// As read(), from the store itself, never the cache.
    static MapLayers read_store(const store::ProjectStore& store,
                                const AnotherOpening& another = {});
    /// Reads the units and sites whose box meets `window` (lon/lat), through the store's
    /// spatial index: what a map of that window draws, and nothing else. `units` receives the
    /// units read, by code.
    static MapLayers read(const store::ProjectStore& store, const Box& window,
                          std::vector<core::AdminUnit>& units);

    /// Of every layer that has shapes; empty for a project without geometry.
    Box extent() const;
    const FlatLayer& units(core::AdminLevel level) const;
    FlatLayer& units(core::AdminLevel level);
    const std::vector<MapUnit>& unit_attributes(core::AdminLevel level) const;
    std::vector<MapUnit>& unit_attributes(core::AdminLevel level);

private:
    /// A unit's boundary into the layer of its level (none: nothing).
    void add_unit(const core::AdminUnit& unit, std::span<const unsigned char> wkb);
    /// A site into the layer of its geometry type.
    void add_site(const std::string& project_id, const std::string& site_name,
                  std::span<const unsigned char> wkb);
    void build_indexes();
};

} // namespace xj::render
