#pragma once

// The map's shapes in the display CRS, simplified to the scale they are drawn at. Each scale
// level (a power of two of metres per pixel) is prepared once, only for the shapes a window
// needs, and kept: panning at one zoom, or rendering a second map, reprojects nothing.

#include "xiangjian/render/map_layers.h"

#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace xj::render {

/// The CRS a map is drawn in, and PROJ transformations to it from the stored lon/lat.
class DisplayCrs {
public:
    /// Any CRS PROJ knows ("EPSG:4547", a WKT, a PROJ string). Throws xj::Error for one it
    /// does not, or one that is not projected.
    explicit DisplayCrs(std::string definition);
    /// The CGCS2000 3° Gauss–Krüger zone (EPSG:4534–4554) of a longitude.
    static DisplayCrs gauss_kruger_at(double longitude);

    const std::string& definition() const { return m_definition; }
    std::string name() const; ///< as PROJ names it

    /// lon/lat ↔ display x/y, in place on x, y pairs, in traditional GIS order. One object
    /// per thread: PROJ objects are not shared between threads.
    class Transform {
    public:
        Transform(const DisplayCrs& crs, bool inverse);
        ~Transform();
        Transform(const Transform&) = delete;
        Transform& operator=(const Transform&) = delete;
        void apply(std::span<double> xy) const;

    private:
        struct State;
        std::unique_ptr<State> m_state;
    };

    /// The display box covering a lon/lat box (its edges densified), and back.
    Box to_display(const Box& lonlat) const;
    Box to_lonlat(const Box& display) const;

private:
    std::string m_definition;
    std::string m_name;
};

/// A layer's shapes in display coordinates at one scale level. Shapes not prepared have no
/// parts.
struct DisplayShapes {
    struct Shape {
        std::uint32_t first_part = 0;
        std::uint32_t parts = 0;
        bool ready = false;
        /// Of the vertices kept, in display coordinates: whether the shape meets a view,
        /// without a pass over its vertices each frame.
        Box box;
    };
    std::vector<Shape> shapes; ///< parallel to the layer
    std::vector<FlatLayer::Part> parts;
    std::vector<double> xy;
    double tolerance_m = 0; ///< vertices closer than this to the last kept one were dropped

    std::span<const FlatLayer::Part> parts_of(std::uint32_t shape) const {
        return {parts.data() + shapes[shape].first_part, shapes[shape].parts};
    }
    std::span<const double> points(const FlatLayer::Part& part) const {
        return {xy.data() + 2 * std::size_t{part.first_point}, 2 * std::size_t{part.points}};
    }
};

/// Level-of-detail geometry of one layer in one display CRS, cached per scale level.
class DisplayGeometry {
public:
    enum class Kind { points, lines, polygons };

    DisplayGeometry(const FlatLayer& layer, Kind kind, const DisplayCrs& crs);
    ~DisplayGeometry();
    DisplayGeometry(const DisplayGeometry&) = delete;
    DisplayGeometry& operator=(const DisplayGeometry&) = delete;

    /// The shapes given, projected and simplified: a vertex is dropped when it lies within the
    /// level's tolerance (half a pixel to a pixel) of the last vertex kept, in both directions. A
    /// polygon ring smaller than that becomes its bounding box (the village still shows as a dot of
    /// its colour); lines keep their ends. Missing shapes are prepared on `threads` threads.
    const DisplayShapes& prepare(std::span<const std::uint32_t> shapes, double metres_per_pixel,
                                 unsigned threads = 2);

    /// Number of scale levels held.
    std::size_t levels() const { return m_levels.size(); }

private:
    const FlatLayer& m_layer;
    Kind m_kind;
    const DisplayCrs& m_crs;
    std::map<int, DisplayShapes> m_levels;
};

} // namespace xj::render
