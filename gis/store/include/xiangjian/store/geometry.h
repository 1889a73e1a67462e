#pragma once

// Geometry as the store holds and hands it out: ISO WKB in CGCS2000 longitude/latitude, with its
// bounding box. Plain bytes, so that no GDAL, GEOS or SQL type appears in the store interface;
// gis/geometry converts to OGR and GEOS where the work needs them.

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace xj::store {

/// An axis-aligned box (lon/lat unless said otherwise); empty until something is added.
struct Box {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return !(min_x <= max_x && min_y <= max_y); }
    bool intersects(const Box& other) const {
        return min_x <= other.max_x && other.min_x <= max_x && min_y <= other.max_y &&
               other.min_y <= max_y;
    }
    void expand(double x, double y);
    void expand(const Box& other);
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    friend bool operator==(const Box&, const Box&) = default;
};

/// The simple-feature types, numbered as in WKB.
enum class GeometryType : std::uint8_t {
    point = 1,
    line_string = 2,
    polygon = 3,
    multi_point = 4,
    multi_line_string = 5,
    multi_polygon = 6,
    collection = 7,
};

/// The type's name as WKT writes it: "POINT", "MULTILINESTRING" …
const char* wkt_name(GeometryType type);

/// One geometry, or none (a unit without a boundary). Immutable; copies share nothing.
class Geometry {
public:
    Geometry() = default; ///< none
    /// From ISO WKB (either byte order; 2D, Z, M or ZM). Throws xj::Error when the bytes are
    /// not WKB of a simple-feature type. Empty bytes give none.
    explicit Geometry(std::vector<unsigned char> wkb);
    static Geometry from_wkb(std::span<const unsigned char> wkb) {
        return Geometry(std::vector<unsigned char>(wkb.begin(), wkb.end()));
    }
    /// A 2D point.
    static Geometry point(double x, double y);

    /// Whether there is a geometry at all (an empty one, POINT EMPTY, counts).
    explicit operator bool() const { return !m_wkb.empty(); }
    /// No coordinates: none, or an empty geometry.
    bool empty() const { return m_box.empty(); }
    GeometryType type() const { return m_type; }
    bool has_z() const { return m_has_z; }
    bool has_m() const { return m_has_m; }
    std::span<const unsigned char> wkb() const { return m_wkb; }
    const Box& box() const { return m_box; }
    /// The range of Z over every coordinate, when it has Z and any coordinate.
    std::optional<std::pair<double, double>> z_range() const;

    /// Same bytes. Two geometries of the same shape may differ in their bytes (ring start,
    /// byte order): gis/geometry compares shapes.
    friend bool operator==(const Geometry& a, const Geometry& b) { return a.m_wkb == b.m_wkb; }

private:
    std::vector<unsigned char> m_wkb;
    Box m_box;
    double m_min_z = std::numeric_limits<double>::infinity();
    double m_max_z = -std::numeric_limits<double>::infinity();
    GeometryType m_type = GeometryType::point;
    bool m_has_z = false;
    bool m_has_m = false;
};

} // namespace xj::store
